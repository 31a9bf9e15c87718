import { AuthenticationResultType, InitiateAuthResponse } from '@idfed/contracts';
import { DataSource } from 'typeorm';
import { lifetimesInSeconds } from '../clients/client-config';
import { ClientForAuth } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { AppClientEntity, UserEntity } from '../database/entities';
import { TokenIssuer } from '../tokens/token-issuer';
import { storeRefreshToken } from './refresh-tokens';

/**
 * The end of every sign-in, whichever way the password was proven (USER_PASSWORD_AUTH, SRP,
 * ADMIN_USER_PASSWORD_AUTH): the account checks Cognito makes, then either the next challenge or a
 * new session's ID, access and refresh tokens.
 */
export class SignInCompletion {
  constructor(
    private readonly dataSource: DataSource,
    private readonly issuer: TokenIssuer,
  ) {}

  async afterPasswordProof(auth: ClientForAuth, user: UserEntity): Promise<InitiateAuthResponse> {
    if (!user.enabled) throw CognitoErrors.notAuthorized('User is disabled.');
    if (user.status === 'UNCONFIRMED') throw CognitoErrors.userNotConfirmed();
    return { ChallengeParameters: {}, AuthenticationResult: await this.startSession(auth.client, user) };
  }

  /** Issues the tokens of a new session and stores its refresh token. */
  async startSession(client: AppClientEntity, user: UserEntity): Promise<AuthenticationResultType> {
    const lifetimes = lifetimesInSeconds(client.config);
    const ids = this.issuer.newSessionIds();
    const authTime = Math.floor(Date.now() / 1000);
    const [tokens, refreshToken] = await Promise.all([
      this.issuer.issue(user.poolId, user, {
        clientId: client.id,
        ...ids,
        authTime,
        idTokenTtl: lifetimes.id,
        accessTokenTtl: lifetimes.access,
      }),
      storeRefreshToken(this.dataSource.manager, {
        userSub: user.sub,
        poolId: user.poolId,
        clientId: client.id,
        ...ids,
        authTime: new Date(authTime * 1000),
        expiresAt: new Date((authTime + lifetimes.refresh) * 1000),
      }),
    ]);
    return {
      AccessToken: tokens.accessToken,
      ExpiresIn: tokens.expiresIn,
      TokenType: 'Bearer',
      RefreshToken: refreshToken,
      IdToken: tokens.idToken,
    };
  }
}
