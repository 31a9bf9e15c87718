import { Inject, Injectable } from '@nestjs/common';
import {
  AdminUserGlobalSignOutResponse,
  AdminUserRequest,
  CommandMeta,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { OutboxService } from '@idfed/messaging';
import { DataSource } from 'typeorm';
import { PoolsService } from '../pools/pools.service';
import { requireAdminUser } from '../users/user-lookup';
import { endAllSessions } from './sessions';

/** AdminUserGlobalSignOut: an administrator ends every session of a user. */
@Injectable()
export class AdminUserGlobalSignOutUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminUserGlobalSignOut
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async execute(req: AdminUserRequest, meta: CommandMeta): Promise<AdminUserGlobalSignOutResponse> {
    await this.dataSource.transaction(async (m) => {
      const { user } = await requireAdminUser(m, this.pools, req);
      await endAllSessions(m, this.outbox, user, meta.requestId);
    });
    this.outbox.nudge();
    return {};
  }
}
