import { ServiceError } from '@idfed/messaging';
import { DataSource } from 'typeorm';
import { ClientConfig } from '../clients/client-config';
import { ClientForAuth } from '../clients/clients.service';
import { AppClientEntity, RefreshTokenEntity, UserEntity } from '../database/entities';
import { TokenIssuer } from '../tokens/token-issuer';
import { SignInCompletion } from './sign-in-completion';

describe('SignInCompletion', () => {
  const inserted: Partial<RefreshTokenEntity>[] = [];
  const dataSource = {
    manager: { insert: async (_e: unknown, row: Partial<RefreshTokenEntity>) => inserted.push(row) },
  } as unknown as DataSource;
  const issuer = {
    newSessionIds: () => ({ originJti: 'o-jti', eventId: 'e-id' }),
    issue: jest.fn(async () => ({ idToken: 'id', accessToken: 'access', expiresIn: 3600 })),
  } as unknown as TokenIssuer;
  const completion = new SignInCompletion(dataSource, issuer);
  const config = {
    accessTokenValidity: 1,
    idTokenValidity: 1,
    refreshTokenValidity: 30,
    units: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' },
  } as ClientConfig;
  const auth: ClientForAuth = { client: { id: 'client1', config } as AppClientEntity };
  const user = (over: Partial<UserEntity> = {}) =>
    ({ sub: 'sub-1', poolId: 'us-east-1_X', enabled: true, status: 'CONFIRMED', ...over }) as UserEntity;

  async function errorName(p: Promise<unknown>): Promise<string> {
    try {
      await p;
    } catch (err) {
      return ((err as ServiceError).getError() as { name: string }).name;
    }
    return 'none';
  }

  it('issues tokens and stores the refresh token of a new session', async () => {
    const result = await completion.afterPasswordProof(auth, user());
    expect(result.AuthenticationResult).toMatchObject({
      AccessToken: 'access',
      IdToken: 'id',
      ExpiresIn: 3600,
      TokenType: 'Bearer',
    });
    expect(result.AuthenticationResult?.RefreshToken).toMatch(/^[\w-]{80,}$/);
    expect(inserted[0]).toMatchObject({ userSub: 'sub-1', clientId: 'client1', originJti: 'o-jti' });
    expect(inserted[0].tokenHash).toBeInstanceOf(Buffer);
  });

  it('refuses a disabled or unconfirmed user', async () => {
    expect(await errorName(completion.afterPasswordProof(auth, user({ enabled: false })))).toBe(
      'NotAuthorizedException',
    );
    expect(await errorName(completion.afterPasswordProof(auth, user({ status: 'UNCONFIRMED' })))).toBe(
      'UserNotConfirmedException',
    );
  });
});
