import { generateKeyPairSync, randomUUID, webcrypto } from 'node:crypto';
import { signRs256 } from '@idfed/crypto';
import { ServiceError } from '@idfed/messaging';
import { FederationBrokerConfig } from '../config/federation-broker.config';
import { UserPoolUserStateEntity } from '../database/entities';
import { RevokedSessionsRepository } from '../user-pools/revoked-sessions.repository';
import { UserPoolKeysRepository } from '../user-pools/user-pool-keys.repository';
import { UserPoolUserStatesRepository } from '../user-pools/user-pool-user-states.repository';
import { UserPoolLoginVerifier } from './user-pool-login.verifier';

const USER_POOL = 'us-east-1_Abc123';
const CLIENT = 'client1';
const KID = 'kid-1';
const config = { publicUrl: 'https://idfed.example' } as FederationBrokerConfig;
const provider = {
  providerName: `idfed.example/${USER_POOL}`,
  userPoolId: USER_POOL,
  clientIds: [CLIENT],
  serverSideTokenCheck: true,
};
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicJwk = publicKey.export({ format: 'jwk' }) as Record<string, string>;

async function idToken(sub: string, iat: number, originJti = randomUUID()): Promise<string> {
  const key = await webcrypto.subtle.importKey(
    'pkcs8',
    privateKey.export({ format: 'der', type: 'pkcs8' }),
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return signRs256(
    { alg: 'RS256', kid: KID, typ: 'JWT' },
    {
      iss: `${config.publicUrl}/${USER_POOL}`,
      sub,
      aud: CLIENT,
      token_use: 'id',
      iat,
      exp: iat + 3600,
      origin_jti: originJti,
    },
    key,
  );
}

/** The verifier over mocked repositories: the pool's key is known; `state` is what events left. */
function setUp(state?: Partial<UserPoolUserStateEntity>, revoked = false) {
  const poolKeys = { find: jest.fn().mockResolvedValue({ kid: KID, userPoolId: USER_POOL, publicJwk }) };
  const userStates = {
    find: jest
      .fn()
      .mockResolvedValue(state && { disabled: false, deleted: false, tokensValidAfter: null, ...state }),
  };
  const revokedSessions = { isRevoked: jest.fn().mockResolvedValue(revoked) };
  const verifier = new UserPoolLoginVerifier(
    poolKeys as unknown as UserPoolKeysRepository,
    userStates as unknown as UserPoolUserStatesRepository,
    revokedSessions as unknown as RevokedSessionsRepository,
    config,
  );
  return { verifier, poolKeys, userStates, revokedSessions };
}

const outcome = (promise: Promise<{ subject: string }>) =>
  promise.then(
    (login) => login.subject,
    (err: ServiceError) => `${err.errorName}: ${err.message}`,
  );

describe('UserPoolLoginVerifier', () => {
  const now = Math.floor(Date.now() / 1000);

  it('accepts a valid ID token of a user the user directory reported nothing about, reading its key once', async () => {
    const { verifier, poolKeys } = setUp();
    expect(await outcome(verifier.verify(provider, await idToken('alice', now)))).toBe('alice');
    expect(await outcome(verifier.verify(provider, await idToken('alice', now)))).toBe('alice');
    expect(poolKeys.find).toHaveBeenCalledTimes(1);
  });

  it('refuses, with the server-side check, a revoked session, a deleted or disabled user', async () => {
    const originJti = randomUUID();
    const revoked = setUp(undefined, true);
    expect(await outcome(revoked.verifier.verify(provider, await idToken('bob', now, originJti)))).toBe(
      'NotAuthorizedException: Token has been revoked.',
    );
    expect(revoked.revokedSessions.isRevoked).toHaveBeenCalledWith(USER_POOL, originJti);
    expect(
      await outcome(setUp({ deleted: true }).verifier.verify(provider, await idToken('bob', now))),
    ).toMatch(/no longer exists/);
    expect(
      await outcome(setUp({ disabled: true }).verifier.verify(provider, await idToken('bob', now))),
    ).toBe('NotAuthorizedException: User is disabled.');
  });

  it('refuses tokens issued in a second before the sign-out, not in the same second', async () => {
    const signedOut = new Date((now - 10) * 1000 + 700);
    const { verifier } = setUp({ tokensValidAfter: signedOut });
    expect(await outcome(verifier.verify(provider, await idToken('carol', now - 11)))).toMatch(/signed out/);
    expect(await outcome(verifier.verify(provider, await idToken('carol', now - 10)))).toBe('carol');
  });

  it('reads no user state without the server-side check', async () => {
    const { verifier, userStates, revokedSessions } = setUp({ deleted: true }, true);
    expect(
      await outcome(verifier.verify({ ...provider, serverSideTokenCheck: false }, await idToken('dan', now))),
    ).toBe('dan');
    expect(userStates.find).not.toHaveBeenCalled();
    expect(revokedSessions.isRevoked).not.toHaveBeenCalled();
  });

  it("refuses a token whose key the pool's events never announced", async () => {
    const { verifier, poolKeys } = setUp();
    poolKeys.find.mockResolvedValue(undefined);
    expect(await outcome(verifier.verify(provider, await idToken('erin', now)))).toBe(
      "NotAuthorizedException: Invalid login token. Couldn't verify signed token.",
    );
  });
});
