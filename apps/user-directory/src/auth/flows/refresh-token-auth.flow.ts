import { Inject, Injectable } from '@nestjs/common';
import { AuthFlowStrategy } from './auth-flow';
import { InitiateAuthResponse } from '@idfed/contracts';
import { preparedQuery } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { lifetimesInSeconds } from '../../clients/client-config';
import { ClientForAuth } from '../../clients/clients.service';
import { CognitoErrors } from '../../common/cognito-errors';
import { groupClaimsSubquery } from '../../groups/user-group-claims';
import { GroupClaim } from '../../tokens/token-claims';
import { TokenIssuer } from '../../tokens/token-issuer';
import { checkSecretHash } from '../client-secret.check';
import { hashRefreshToken } from '../refresh-tokens';

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
/**
 * REFRESH_TOKEN_AUTH (and its older name REFRESH_TOKEN): new ID and access tokens for the session
 * of a live refresh token, from InitiateAuth or AdminInitiateAuth. Every client may refresh.
 */
@Injectable()
export class RefreshTokenAuthFlow implements AuthFlowStrategy {
  readonly flows = ['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN'];
  readonly operations = ['InitiateAuth', 'AdminInitiateAuth'] as const;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(TokenIssuer) private readonly issuer: TokenIssuer,
  ) {}

  async start(auth: ClientForAuth, params: Record<string, string>): Promise<InitiateAuthResponse> {
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
