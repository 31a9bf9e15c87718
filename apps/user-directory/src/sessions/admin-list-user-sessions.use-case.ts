import { Inject, Injectable } from '@nestjs/common';
import {
  AdminListUserSessionsRequest,
  AdminListUserSessionsResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { RequestValidator } from '../common/validate';
import { UserLookup } from '../users/user-lookup';
import { UserSessions } from './user-sessions';

/** AdminListUserSessions: an administrator lists a user's sessions; none is the current one. */
@Injectable()
export class AdminListUserSessionsUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminListUserSessions
> {
  constructor(
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UserSessions) private readonly sessions: UserSessions,
  ) {}

  async execute(req: AdminListUserSessionsRequest): Promise<AdminListUserSessionsResponse> {
    RequestValidator.of(req)
      .string('NextToken', { min: 1, max: 131072, pattern: /^[\S]+$/ })
      .check();
    const { pool, user } = await this.lookup.requireAdminUser(req, undefined, false);
    return { Sessions: await this.sessions.list(pool, user, req.NextToken) };
  }
}
