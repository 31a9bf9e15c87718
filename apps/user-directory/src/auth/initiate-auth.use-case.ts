import { Inject, Injectable } from '@nestjs/common';
import { InitiateAuthRequest, InitiateAuthResponse, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { preparedQuery } from '@idfed/persistence';
import { DataSource, IsNull } from 'typeorm';
import { AttemptLimiter, userSubject } from '../attempts/attempt-limiter';
import { allowsFlow, lifetimesInSeconds } from '../clients/client-config';
import { ClientForAuth, ClientsService } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { UserEntity } from '../database/entities';
import { groupClaimsSubquery } from '../groups/user-group-claims';
import { GroupClaim } from '../tokens/token-claims';
import { TokenIssuer } from '../tokens/token-issuer';
import { PasswordCredentials } from '../users/password-credentials';
import { findUser } from '../users/user-lookup';
import { checkSecretHash } from './client-secret.check';
import { hashRefreshToken } from './refresh-tokens';
import { SignInCompletion } from './sign-in-completion';
import { UserSrpAuth } from './user-srp-auth';

export const AUTH_FLOWS = [
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'USER_AUTH',
] as const;

const REFRESH_LOOKUP = `
  SELECT t.user_sub, t.pool_id, t.client_id, t.origin_jti, t.event_id, t.auth_time, t.expires_at,
         t.revoked_at, t.created_at, u.username, u.enabled, u.attributes, u.tokens_valid_after,
         ${groupClaimsSubquery('u.sub')} AS groups
    FROM user_directory.refresh_tokens t
    JOIN user_directory.users u ON u.sub = t.user_sub
   WHERE t.token_hash = $1`;

interface RefreshLookupRow {
  user_sub: string;
  pool_id: string;
  client_id: string;
  origin_jti: string;
  event_id: string;
  auth_time: Date;
  expires_at: Date;
  revoked_at: Date | null;
  created_at: Date;
  username: string;
  enabled: boolean;
  attributes: Record<string, string>;
  tokens_valid_after: Date | null;
  groups: GroupClaim[];
}
/** AuthParameters, checked to be a map of strings. */
export function authParametersOf(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (
    typeof value !== 'object' ||
    Array.isArray(value) ||
    Object.values(value).some((v) => typeof v !== 'string')
  ) {
    throw CognitoErrors.invalidParameter('AuthParameters must be a map of strings.');
  }
  return value as Record<string, string>;
}

/**
 * InitiateAuth: USER_PASSWORD_AUTH signs in, USER_SRP_AUTH starts the SRP exchange; REFRESH_TOKEN_AUTH
 * trades a refresh token for new tokens.
 */
@Injectable()
export class InitiateAuthUseCase implements OperationHandler<typeof UserDirectoryOperations.InitiateAuth> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(TokenIssuer) private readonly issuer: TokenIssuer,
    @Inject(PasswordCredentials) private readonly credentials: PasswordCredentials,
    @Inject(SignInCompletion) private readonly completion: SignInCompletion,
    @Inject(UserSrpAuth) private readonly srp: UserSrpAuth,
    @Inject(AttemptLimiter) private readonly attempts: AttemptLimiter,
  ) {}

  async execute(req: InitiateAuthRequest): Promise<InitiateAuthResponse> {
    RequestValidator.of(req)
      .oneOf('AuthFlow', AUTH_FLOWS, true)
      .string('ClientId', { required: true, min: 1, max: 128, pattern: Patterns.clientId })
      .check();
    const params = authParametersOf(req.AuthParameters);
    const auth = await this.clients.forAuth(req.ClientId);
    switch (req.AuthFlow) {
      case 'USER_PASSWORD_AUTH':
        if (!allowsFlow(auth.client.config, 'USER_PASSWORD_AUTH')) {
          throw CognitoErrors.invalidParameter('USER_PASSWORD_AUTH flow not enabled for this client');
        }
        return this.passwordSignIn(auth, params);
      case 'USER_SRP_AUTH':
        return this.srp.challenge(auth, params);
      case 'REFRESH_TOKEN_AUTH':
      case 'REFRESH_TOKEN':
        return this.refresh(auth, params);
      case 'ADMIN_NO_SRP_AUTH':
      case 'ADMIN_USER_PASSWORD_AUTH':
        throw CognitoErrors.invalidParameter(`${req.AuthFlow} is only supported by AdminInitiateAuth.`);
      default:
        throw CognitoErrors.invalidParameter(`${req.AuthFlow} is not supported by this idfed version.`);
    }
  }

  /**
   * USERNAME and PASSWORD checked against the sealed SRP verifier (ADR 0006): USER_PASSWORD_AUTH here, and
   * ADMIN_USER_PASSWORD_AUTH for AdminInitiateAuth. The caller has checked the client allows it.
   */
  async passwordSignIn(auth: ClientForAuth, params: Record<string, string>): Promise<InitiateAuthResponse> {
    const { USERNAME: username, PASSWORD: password } = params;
    if (typeof username !== 'string' || username.length === 0)
      throw CognitoErrors.invalidParameter('Missing required parameter USERNAME');
    if (typeof password !== 'string' || password.length === 0)
      throw CognitoErrors.invalidParameter('Missing required parameter PASSWORD');
    checkSecretHash(auth, params.SECRET_HASH, [username]);

    const m = this.dataSource.manager;
    const pool = auth.pool;
    const user = await findUser(m, pool.id, pool.config, username);
    const hideExistence = auth.client.config.preventUserExistenceErrors === 'ENABLED';
    if (!user && !hideExistence) {
      this.credentials.burnTime(pool.id, username, password);
      throw CognitoErrors.userNotFound();
    }
    // Counted before the hash is checked; during a lockout even the right password is refused. An
    // unknown name is counted too, so it locks out after as many tries as a real one.
    const subject = user ? userSubject(user) : this.attempts.unknownName(pool.id, pool.config, username);
    await this.attempts.begin('password', subject);
    if (!user || !this.credentials.hasPassword(user)) {
      // Same work and the same answer as a wrong password.
      this.credentials.burnTime(pool.id, username, password);
      throw CognitoErrors.notAuthorized();
    }
    if (!(await this.credentials.verify(pool.id, user, password))) throw CognitoErrors.notAuthorized();
    await this.attempts.succeeded('password', subject);
    if (this.credentials.needsUpgrade(user)) await this.upgradeStoredPassword(pool.id, user, password);
    return this.completion.afterPasswordProof(auth, pool, user);
  }

  /**
   * A password from before ADR 0006 (an argon2id hash, maybe no verifier): the plaintext is at hand
   * now, so it becomes a sealed verifier and the hash goes.
   */
  private async upgradeStoredPassword(poolId: string, user: UserEntity, password: string): Promise<void> {
    const stored = this.credentials.srpOnly(poolId, user.username, password);
    await this.dataSource.manager.update(UserEntity, { sub: user.sub, srpVerifierEnc: IsNull() }, stored);
  }

  /** REFRESH_TOKEN_AUTH: new ID and access tokens for the session of a live refresh token. */
  async refresh(auth: ClientForAuth, params: Record<string, string>): Promise<InitiateAuthResponse> {
    const token = params.REFRESH_TOKEN;
    if (typeof token !== 'string' || token.length === 0)
      throw CognitoErrors.invalidParameter('Missing required parameter REFRESH_TOKEN');
    // One round trip, prepared once per connection, for the token, its user and the user's groups:
    // refresh is the hottest path after sign-in.
    const [row] = await preparedQuery<RefreshLookupRow>(this.dataSource, 'refresh-lookup', REFRESH_LOOKUP, [
      hashRefreshToken(token),
    ]);
    if (!row || row.client_id !== auth.client.id) throw CognitoErrors.notAuthorized('Invalid Refresh Token');
    if (row.revoked_at) throw CognitoErrors.notAuthorized('Refresh Token has been revoked');
    if (row.expires_at.getTime() <= Date.now())
      throw CognitoErrors.notAuthorized('Refresh Token has expired');
    const user = {
      sub: row.user_sub,
      username: row.username,
      attributes: row.attributes,
      groups: row.groups,
    };
    checkSecretHash(auth, params.SECRET_HASH, [params.USERNAME, user.username, user.sub].filter(Boolean));
    if (!row.enabled) throw CognitoErrors.notAuthorized('User is disabled.');
    if (row.tokens_valid_after && row.created_at <= row.tokens_valid_after) {
      throw CognitoErrors.notAuthorized('Refresh Token has been revoked');
    }
    const lifetimes = lifetimesInSeconds(auth.client.config);
    const tokens = await this.issuer.issue(row.pool_id, user, {
      clientId: auth.client.id,
      originJti: row.origin_jti,
      eventId: row.event_id,
      authTime: Math.floor(row.auth_time.getTime() / 1000),
      idTokenTtl: lifetimes.id,
      accessTokenTtl: lifetimes.access,
    });
    return {
      ChallengeParameters: {},
      AuthenticationResult: {
        AccessToken: tokens.accessToken,
        ExpiresIn: tokens.expiresIn,
        TokenType: 'Bearer',
        IdToken: tokens.idToken,
      },
    };
  }
}
