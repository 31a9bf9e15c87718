import { Inject, Injectable } from '@nestjs/common';
import {
  AdminConfirmSignUpResponse,
  AdminUserRequest,
  CommandMeta,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { OutboxService } from '@idfed/messaging';
import { DataSource } from 'typeorm';
import { VerificationCodeEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { requireAdminUser } from './user-lookup';
import { cannotConfirm, markConfirmed } from './user-confirmation';

/** AdminConfirmSignUp: an administrator confirms a user without a code. */
@Injectable()
export class AdminConfirmSignUpUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminConfirmSignUp
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async execute(req: AdminUserRequest, meta: CommandMeta): Promise<AdminConfirmSignUpResponse> {
    await this.dataSource.transaction(async (m) => {
      const { user } = await requireAdminUser(m, this.pools, req);
      if (user.status !== 'UNCONFIRMED') throw cannotConfirm(user);
      await m.delete(VerificationCodeEntity, { userSub: user.sub, purpose: 'confirm-sign-up' });
      await markConfirmed(m, this.outbox, user, user.attributes, 'admin', meta.requestId);
    });
    this.outbox.nudge();
    return {};
  }
}
