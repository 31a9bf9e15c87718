import { Inject, Injectable } from '@nestjs/common';
import { ListUserSessionsRequest, ListUserSessionsResponse, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { Members, RequestValidator } from '../common/validate';
import { UserLookup } from '../users/user-lookup';
import { UserSessions } from './user-sessions';

/** ListUserSessions: the holder of an access token lists the user's sessions (ADR 0080). */
@Injectable()
export class ListUserSessionsUseCase implements OperationHandler<
  typeof UserDirectoryOperations.ListUserSessions
> {
  constructor(
    @Inject(AccessTokenVerifier) private readonly tokens: AccessTokenVerifier,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UserSessions) private readonly sessions: UserSessions,
  ) {}

  async execute(req: ListUserSessionsRequest): Promise<ListUserSessionsResponse> {
    RequestValidator.of(req)
      .string('AccessToken', Members.accessToken)
      .string('NextToken', { min: 1, max: 131072, pattern: /^[\S]+$/ })
      .check();
    const { user, claims } = await this.tokens.verify(req.AccessToken);
    const pool = await this.lookup.requirePool(user.poolId);
    const current = typeof claims.origin_jti === 'string' ? claims.origin_jti : undefined;
    return { Sessions: await this.sessions.list(pool, user, req.NextToken, current) };
  }
}
