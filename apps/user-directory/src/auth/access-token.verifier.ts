import { Inject, Injectable } from '@nestjs/common';
import { USER_DIRECTORY_CONFIG, UserDirectoryConfig } from '../user-directory.tokens';
import { decodeJwt, verifyRs256 } from '@idfed/crypto';
import { CognitoErrors } from '../common/cognito-errors';
import { UserEntity } from '../database/entities';
import { SigningKeysService } from '../tokens/signing-keys.service';
import { UsersRepository } from '../users/users.repository';
import { SIGN_IN_API_SCOPE } from '../tokens/token-claims';
import { RefreshTokensRepository } from './refresh-tokens.repository';

const CLOCK_SKEW_SECONDS = 0;

/**
 * The caller of a public user operation (GetUser, GlobalSignOut, ChangePassword, ...) proves who
 * they are with an access token this directory issued. Checks signature, issuer, use and expiry,
 * then that the user still exists, is enabled, and that the token was not revoked: neither by a
 * global sign-out since it was issued nor by RevokeToken on the refresh token of its session.
 * The user's self-service operations also need the token's `aws.cognito.signin.user.admin` scope,
 * as Cognito requires it of each (botocore: "Must include a scope claim for
 * aws.cognito.signin.user.admin"): a token from the token endpoint that was not granted it, or a
 * PreTokenGeneration answer that suppressed it, is refused there.
 */
@Injectable()
export class AccessTokenVerifier {
  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(SigningKeysService) private readonly keys: SigningKeysService,
    @Inject(USER_DIRECTORY_CONFIG) private readonly config: Pick<UserDirectoryConfig, 'publicUrl'>,
    @Inject(RefreshTokensRepository) private readonly refreshTokens: RefreshTokensRepository,
  ) {}

  async userOf(token: string): Promise<UserEntity> {
    return (await this.verify(token)).user;
  }

  /**
   * The token's user and claims, once every check above passed. `scope` is the scope the token
   * must carry: the self-service operations' by default; null for the userInfo endpoint, which
   * checks its own (`openid`).
   */
  async verify(
    token: string,
    scope: string | null = SIGN_IN_API_SCOPE,
  ): Promise<{ user: UserEntity; claims: Record<string, unknown> }> {
    return this.verifyOfUse(token, 'access', scope);
  }

  /**
   * The same checks for a token of either use: an access token (with `scope` as above) or an ID
   * token (no scope; GetDerivedToken's subject, ADR 0088). The pool is the issuer's.
   */
  async verifyOfUse(
    token: string,
    use: 'access' | 'id',
    scope: string | null = null,
  ): Promise<{ user: UserEntity; claims: Record<string, unknown>; poolId: string }> {
    const name = use === 'access' ? 'Access Token' : 'ID Token';
    const { claims: payload, poolId } = await this.signedClaims(token, use);
    if (scope !== null && !scopesOf(payload.scope).includes(scope))
      throw CognitoErrors.notAuthorized(`${name} does not have required scopes`);
    const found = await this.users.findBySub(String(payload.sub));
    // A user of another pool with this sub is no user of this token's pool.
    const user = found?.poolId === poolId ? found : undefined;
    if (!user) throw CognitoErrors.userNotFound();
    if (!user.enabled) throw CognitoErrors.notAuthorized('User is disabled.');
    const revoked = () => CognitoErrors.notAuthorized(`${name} has been revoked`);
    // iat has whole seconds: a token of the sign-out's own second is caught by its session below.
    const issuedAt = typeof payload.iat === 'number' ? payload.iat : 0;
    if (user.tokensValidAfter && issuedAt < Math.floor(user.tokensValidAfter.getTime() / 1000))
      throw revoked();
    const originJti = typeof payload.origin_jti === 'string' ? payload.origin_jti : undefined;
    if (originJti && (await this.refreshTokens.isSessionRevoked(originJti, user.sub))) throw revoked();
    return { user, claims: payload, poolId };
  }

  /**
   * A token's claims once its signature (a key of the pool its issuer names), use and expiry are
   * checked; no user is looked up, so a machine token (client_credentials) passes too.
   */
  async signedClaims(
    token: string,
    use: 'access' | 'id',
  ): Promise<{ claims: Record<string, unknown>; poolId: string }> {
    const name = use === 'access' ? 'Access Token' : 'ID Token';
    const invalid = () => CognitoErrors.notAuthorized(`Invalid ${name}`);
    const decoded = decodeJwt(token);
    if (!decoded) throw invalid();
    const { header, payload } = decoded;
    const iss = typeof payload.iss === 'string' ? payload.iss : '';
    const prefix = `${this.config.publicUrl}/`;
    if (!iss.startsWith(prefix) || typeof header.kid !== 'string') throw invalid();
    const poolId = iss.slice(prefix.length);
    const key = await this.keys.verificationKey(poolId, header.kid);
    if (!key || !verifyRs256(decoded, key) || payload.token_use !== use) throw invalid();
    if (typeof payload.exp !== 'number' || payload.exp + CLOCK_SKEW_SECONDS <= Date.now() / 1000) {
      throw CognitoErrors.notAuthorized(`${name} has expired`);
    }
    return { claims: payload, poolId };
  }
}

function scopesOf(claim: unknown): string[] {
  return typeof claim === 'string' ? claim.split(' ') : [];
}
