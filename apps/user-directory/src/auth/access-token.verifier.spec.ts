import { generateKeyPairSync, webcrypto } from 'node:crypto';
import { signRs256 } from '@idfed/crypto';
import { ServiceError } from '@idfed/messaging';
import { UserEntity } from '../database/entities';
import { SigningKeysService } from '../tokens/signing-keys.service';
import { UsersRepository } from '../users/users.repository';
import { AccessTokenVerifier } from './access-token.verifier';
import { RefreshTokensRepository } from './refresh-tokens.repository';

const URL = 'http://localhost:8080';
const POOL = 'us-east-1_Pool1';

describe('AccessTokenVerifier', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let signingKey: webcrypto.CryptoKey;
  let user: UserEntity;
  let revokedSessions: string[];
  const keys = {
    verificationKey: async (poolId: string, kid: string) =>
      poolId === POOL && kid === 'k1' ? publicKey : undefined,
  } as unknown as SigningKeysService;
  const users = { findBySub: async (sub: string) => (sub === user.sub ? user : undefined) };
  const refreshTokens = {
    isSessionRevoked: async (originJti: string, userSub: string) =>
      userSub === user.sub && revokedSessions.includes(originJti),
  } as unknown as RefreshTokensRepository;
  const verifier = new AccessTokenVerifier(
    users as unknown as UsersRepository,
    keys,
    { publicUrl: URL },
    refreshTokens,
  );

  beforeAll(async () => {
    const der = privateKey.export({ format: 'der', type: 'pkcs8' });
    signingKey = await webcrypto.subtle.importKey(
      'pkcs8',
      der,
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['sign'],
    );
  });
  beforeEach(() => {
    user = { sub: 'sub-1', poolId: POOL, enabled: true, tokensValidAfter: null } as UserEntity;
    revokedSessions = [];
  });

  const now = () => Math.floor(Date.now() / 1000);
  const token = (claims: Record<string, unknown> = {}) =>
    signRs256(
      { alg: 'RS256', kid: 'k1' },
      {
        iss: `${URL}/${POOL}`,
        sub: 'sub-1',
        token_use: 'access',
        origin_jti: 'session-1',
        scope: 'aws.cognito.signin.user.admin',
        iat: now(),
        exp: now() + 3600,
        ...claims,
      },
      signingKey,
    );

  async function failure(p: Promise<unknown>): Promise<string> {
    try {
      await p;
    } catch (err) {
      return ((err as ServiceError).getError() as { message: string }).message;
    }
    return 'accepted';
  }

  it('accepts a live access token of an enabled user', async () => {
    expect(await verifier.userOf(await token())).toBe(user);
  });

  it('refuses ID tokens, other issuers, expired and malformed tokens', async () => {
    expect(await failure(verifier.userOf(await token({ token_use: 'id' })))).toBe('Invalid Access Token');
    expect(await failure(verifier.userOf(await token({ iss: `${URL}/us-east-1_Other` })))).toBe(
      'Invalid Access Token',
    );
    expect(await failure(verifier.userOf(await token({ exp: now() - 1 })))).toBe('Access Token has expired');
    expect(await failure(verifier.userOf('a.b.c'))).toBe('Invalid Access Token');
  });

  it("refuses a token without the sign-in API's scope, as Cognito's self-service operations do", async () => {
    // A token endpoint token granted only `openid email` (Cognito: "Access Token does not have
    // required scopes"); the userInfo endpoint asks for no scope of this verifier.
    const openIdOnly = await token({ scope: 'openid email' });
    expect(await failure(verifier.userOf(openIdOnly))).toBe('Access Token does not have required scopes');
    expect(await failure(verifier.userOf(await token({ scope: undefined })))).toBe(
      'Access Token does not have required scopes',
    );
    // A scope that merely contains the name is not the scope.
    expect(await failure(verifier.userOf(await token({ scope: 'aws.cognito.signin.user.admin2' })))).toBe(
      'Access Token does not have required scopes',
    );
    expect((await verifier.verify(openIdOnly, null)).user).toBe(user);
    expect(await verifier.userOf(await token({ scope: 'openid aws.cognito.signin.user.admin' }))).toBe(user);
  });

  it('refuses tokens of a disabled user', async () => {
    user.enabled = false;
    expect(await failure(verifier.userOf(await token()))).toBe('User is disabled.');
  });

  it('refuses tokens issued before a global sign-out, and accepts those issued after it', async () => {
    user.tokensValidAfter = new Date((now() - 10) * 1000 + 500);
    expect(await failure(verifier.userOf(await token({ iat: now() - 11 })))).toBe(
      'Access Token has been revoked',
    );
    // Issued in the sign-out's own second, by a new session: still good.
    expect(await verifier.userOf(await token({ iat: now() - 10, origin_jti: 'session-2' }))).toBe(user);
  });

  it('refuses every token of a session whose refresh token was revoked', async () => {
    revokedSessions = ['session-1'];
    expect(await failure(verifier.userOf(await token()))).toBe('Access Token has been revoked');
    expect(await verifier.userOf(await token({ origin_jti: 'session-2' }))).toBe(user);
  });

  describe('tokens of either use (GetDerivedToken, ADR 0088)', () => {
    it('checks an ID token as an access token is checked, under its own name', async () => {
      const id = (claims: Record<string, unknown> = {}) =>
        token({ token_use: 'id', scope: undefined, ...claims });
      const ok = await verifier.verifyOfUse(await id(), 'id');
      expect(ok).toMatchObject({ user, poolId: POOL });
      expect(await failure(verifier.verifyOfUse(await token(), 'id'))).toBe('Invalid ID Token');
      expect(await failure(verifier.verifyOfUse(await id({ exp: now() - 1 }), 'id'))).toBe(
        'ID Token has expired',
      );
      revokedSessions = ['session-1'];
      expect(await failure(verifier.verifyOfUse(await id(), 'id'))).toBe('ID Token has been revoked');
    });

    it('reads a machine token’s claims without a user, and refuses an expired or forged one', async () => {
      const machine = { sub: 'client-1', client_id: 'client-1', origin_jti: undefined };
      expect(await verifier.signedClaims(await token(machine), 'access')).toMatchObject({
        poolId: POOL,
        claims: { sub: 'client-1' },
      });
      expect(
        await failure(verifier.signedClaims(await token({ ...machine, exp: now() - 1 }), 'access')),
      ).toBe('Access Token has expired');
      const [h, , sig] = (await token(machine)).split('.');
      const forged = Buffer.from(
        JSON.stringify({ ...machine, iss: `${URL}/${POOL}`, token_use: 'access', exp: now() + 60 }),
      ).toString('base64url');
      expect(await failure(verifier.signedClaims(`${h}.${forged}.${sig}`, 'access'))).toBe(
        'Invalid Access Token',
      );
    });
  });
});
