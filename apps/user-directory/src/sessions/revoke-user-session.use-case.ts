import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  RevokeUserSessionRequest,
  RevokeUserSessionResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { Members, RequestValidator } from '../common/validate';
import { UserLookup } from '../users/user-lookup';
import { SESSION_ID_MEMBER, UserSessions } from './user-sessions';

/**
 * RevokeUserSession: the holder of an access token ends another session of the user (ADR 0080);
 * the session the token belongs to cannot be revoked this way.
 */
@Injectable()
export class RevokeUserSessionUseCase implements OperationHandler<
  typeof UserDirectoryOperations.RevokeUserSession
> {
  constructor(
    @Inject(AccessTokenVerifier) private readonly tokens: AccessTokenVerifier,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UserSessions) private readonly sessions: UserSessions,
  ) {}

  async execute(req: RevokeUserSessionRequest, meta: CommandMeta): Promise<RevokeUserSessionResponse> {
    RequestValidator.of(req)
      .string('AccessToken', Members.accessToken)
      .string('SessionId', SESSION_ID_MEMBER)
      .oneOf('RevokeAssociatedSessions', ['NONE', 'LINKED'])
      .check();
    const { user, claims } = await this.tokens.verify(req.AccessToken);
    const pool = await this.lookup.requirePool(user.poolId);
    const current = typeof claims.origin_jti === 'string' ? claims.origin_jti : undefined;
    await this.sessions.revoke(
      pool,
      user,
      req.SessionId,
      req.RevokeAssociatedSessions,
      meta.requestId,
      current,
    );
    return {};
  }
}
