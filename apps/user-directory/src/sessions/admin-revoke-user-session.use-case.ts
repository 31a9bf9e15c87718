import { Inject, Injectable } from '@nestjs/common';
import {
  AdminRevokeUserSessionRequest,
  AdminRevokeUserSessionResponse,
  CommandMeta,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { RequestValidator } from '../common/validate';
import { UserLookup } from '../users/user-lookup';
import { SESSION_ID_MEMBER, UserSessions } from './user-sessions';

/** AdminRevokeUserSession: an administrator ends one session of the user it names (ADR 0080). */
@Injectable()
export class AdminRevokeUserSessionUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminRevokeUserSession
> {
  constructor(
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UserSessions) private readonly sessions: UserSessions,
  ) {}

  async execute(
    req: AdminRevokeUserSessionRequest,
    meta: CommandMeta,
  ): Promise<AdminRevokeUserSessionResponse> {
    RequestValidator.of(req)
      .string('SessionId', SESSION_ID_MEMBER)
      .oneOf('RevokeAssociatedSessions', ['NONE', 'LINKED'])
      .check();
    const { pool, user } = await this.lookup.requireAdminUser(req, undefined, false);
    await this.sessions.revoke(pool, user, req.SessionId, req.RevokeAssociatedSessions, meta.requestId);
    return {};
  }
}
