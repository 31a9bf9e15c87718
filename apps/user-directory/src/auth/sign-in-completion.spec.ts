import { randomBytes } from 'node:crypto';
import { ServiceError } from '@idfed/messaging';
import { ClientConfig } from '../clients/client-config';
import { ClientForAuth } from '../clients/clients.service';
import { AppClientEntity, RefreshTokenEntity, UserEntity, UserPoolEntity } from '../database/entities';
import { poolConfigFromRequest } from '../pools/pool-config';
import { MfaSignIn } from '../mfa/mfa-sign-in';
import { TokenIssuer } from '../tokens/token-issuer';
import { AuthSessionSeal } from './auth-session-seal';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { SignInCompletion } from './sign-in-completion';

describe('SignInCompletion', () => {
  const inserted: RefreshTokenEntity[] = [];
  const groups = [{ name: 'admins', roleArn: 'arn:aws:iam::123456789012:role/a', precedence: 1 }];
  const refreshTokens = {
    insertReadingGroups: jest.fn(async (row: RefreshTokenEntity) => {
      inserted.push(row);
      return groups;
    }),
  };
  const issue = jest.fn(async () => ({ idToken: 'id', accessToken: 'access', expiresIn: 3600 }));
  const issuer = {
    newSessionIds: () => ({ originJti: 'o-jti', eventId: 'e-id' }),
    issue,
  } as unknown as TokenIssuer;
  const seal = new AuthSessionSeal(randomBytes(32));
  const mfa = { challengeFor: jest.fn(async () => undefined) } as unknown as MfaSignIn;
  const completion = new SignInCompletion(
    issuer,
    seal,
    refreshTokens as unknown as RefreshTokensRepository,
    mfa,
  );
  const pool = {
    id: 'us-east-1_X',
    config: poolConfigFromRequest({ PoolName: 'p', Schema: [{ Name: 'name', Required: true }] }, 'arn'),
  } as UserPoolEntity;
  const config = {
    authSessionValidity: 3,
    accessTokenValidity: 1,
    idTokenValidity: 1,
    refreshTokenValidity: 30,
    units: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' },
  } as ClientConfig;
  const auth: ClientForAuth = {
    client: { id: 'client1', config } as AppClientEntity,
    pool: { id: 'us-east-1_X' } as UserPoolEntity,
  };
  const user = (over: Partial<UserEntity> = {}) =>
    ({
      sub: 'sub-1',
      poolId: 'us-east-1_X',
      username: 'alice',
      enabled: true,
      status: 'CONFIRMED',
      attributes: { email: 'a@example.com' },
      passwordExpiresAt: null,
      ...over,
    }) as UserEntity;

  async function errorName(p: Promise<unknown>): Promise<string> {
    try {
      await p;
    } catch (err) {
      return ((err as ServiceError).getError() as { name: string }).name;
    }
    return 'none';
  }

  it('issues tokens and stores the refresh token of a new session', async () => {
    const result = await completion.afterPasswordProof(auth, pool, user());
    expect(result.AuthenticationResult).toMatchObject({
      AccessToken: 'access',
      IdToken: 'id',
      ExpiresIn: 3600,
      TokenType: 'Bearer',
    });
    expect(result.AuthenticationResult?.RefreshToken).toMatch(/^[\w-]{80,}$/);
    expect(inserted[0]).toMatchObject({ userSub: 'sub-1', clientId: 'client1', originJti: 'o-jti' });
    expect(inserted[0].tokenHash).toBeInstanceOf(Buffer);
    // The first tokens carry the groups read with the stored refresh token.
    expect(issue).toHaveBeenCalledWith(
      'us-east-1_X',
      expect.objectContaining({ sub: 'sub-1', groups }),
      expect.objectContaining({ clientId: 'client1', originJti: 'o-jti' }),
    );
  });

  it('refuses a disabled or unconfirmed user', async () => {
    expect(await errorName(completion.afterPasswordProof(auth, pool, user({ enabled: false })))).toBe(
      'NotAuthorizedException',
    );
    expect(await errorName(completion.afterPasswordProof(auth, pool, user({ status: 'UNCONFIRMED' })))).toBe(
      'UserNotConfirmedException',
    );
  });

  it('asks a user with a temporary password for a new one, with a sealed Session', async () => {
    const result = await completion.afterPasswordProof(auth, pool, user({ status: 'FORCE_CHANGE_PASSWORD' }));
    expect(result.AuthenticationResult).toBeUndefined();
    expect(result.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(result.ChallengeParameters).toEqual({
      USER_ID_FOR_SRP: 'alice',
      requiredAttributes: '["userAttributes.name"]',
      userAttributes: '{"email":"a@example.com"}',
    });
    expect(seal.open('new-password-session', 'client1', result.Session)).toEqual({
      ok: true,
      value: { sub: 'sub-1' },
    });
  });

  it('refuses an expired temporary password and a user whose password must be reset', async () => {
    const expired = user({ status: 'FORCE_CHANGE_PASSWORD', passwordExpiresAt: new Date(Date.now() - 1000) });
    expect(await errorName(completion.afterPasswordProof(auth, pool, expired))).toBe(
      'NotAuthorizedException',
    );
    expect(
      await errorName(completion.afterPasswordProof(auth, pool, user({ status: 'RESET_REQUIRED' }))),
    ).toBe('PasswordResetRequiredException');
  });
});
