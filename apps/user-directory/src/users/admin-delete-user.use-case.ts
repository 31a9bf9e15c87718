import { Inject, Injectable } from '@nestjs/common';
import {
  AdminDeleteUserResponse,
  AdminUserRequest,
  CommandMeta,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { OutboxService } from '@idfed/messaging';
import { DataSource } from 'typeorm';
import { PoolsService } from '../pools/pools.service';
import { deleteUserWithEvent } from './user-deletion';
import { requireAdminUser } from './user-lookup';

/** AdminDeleteUser: the user and everything of theirs, announced. */
@Injectable()
export class AdminDeleteUserUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminDeleteUser
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async execute(req: AdminUserRequest, meta: CommandMeta): Promise<AdminDeleteUserResponse> {
    await this.dataSource.transaction(async (m) => {
      const { user } = await requireAdminUser(m, this.pools, req);
      await deleteUserWithEvent(m, this.outbox, user, meta.requestId);
    });
    this.outbox.nudge();
    return {};
  }
}
