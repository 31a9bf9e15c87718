import { randomBytes } from 'node:crypto';
import { PasswordHasher } from '@idfed/crypto';
import { createVerifier, srpPoolName } from '../auth/srp/srp';
import { PasswordCredentials, PasswordColumns } from './password-credentials';
import { CodeDigest, plainCodeHash, VerifierSeal } from './secrets-at-rest';

const POOL = 'us-east-1_AbCdEf123';
const PASSWORD = 'Corr3ct-Horse!';

describe('stored passwords (ADR 0006)', () => {
  const kek = randomBytes(32);
  const hasher = new PasswordHasher(19456);
  const credentials = new PasswordCredentials(hasher, new VerifierSeal(kek));

  it('stores a salt and a sealed verifier, never an argon2id hash nor the verifier in clear', async () => {
    const stored = await credentials.derive(POOL, 'alice', PASSWORD);
    expect(stored.passwordHash).toBeNull();
    const clear = createVerifier(srpPoolName(POOL), 'alice', PASSWORD, Buffer.from(stored.srpSalt, 'hex'));
    const clearBytes = Buffer.from(clear.verifier, 'hex');
    expect(stored.srpVerifierEnc.includes(clearBytes.subarray(0, 16))).toBe(false);
    expect(stored.srpVerifierEnc.toString('latin1')).not.toContain(clear.verifier);
    // ...but it is the verifier the SRP clients compute, once opened with the key.
    const user: PasswordColumns = { username: 'alice', ...stored };
    expect(credentials.verifierOf(POOL, user)).toEqual({ salt: stored.srpSalt, verifier: clear.verifier });
  });

  it('checks a password against the sealed verifier', async () => {
    const user: PasswordColumns = {
      username: 'alice',
      ...(await credentials.derive(POOL, 'alice', PASSWORD)),
    };
    await expect(credentials.verify(POOL, user, PASSWORD)).resolves.toBe(true);
    await expect(credentials.verify(POOL, user, `${PASSWORD}x`)).resolves.toBe(false);
    expect(credentials.needsUpgrade(user)).toBe(false);
  });

  it('will not open a sealed verifier copied onto another user, nor under another key', async () => {
    const stored = await credentials.derive(POOL, 'alice', PASSWORD);
    await expect(credentials.verify(POOL, { username: 'mallory', ...stored }, PASSWORD)).rejects.toThrow();
    const other = new PasswordCredentials(hasher, new VerifierSeal(randomBytes(32)));
    expect(() => other.verifierOf(POOL, { username: 'alice', ...stored })).toThrow();
  });

  it('still checks an argon2id hash from before ADR 0006, and asks for it to be replaced', async () => {
    const legacy: PasswordColumns = {
      username: 'bob',
      passwordHash: await hasher.hash(PASSWORD),
      srpSalt: null,
      srpVerifierEnc: null,
    };
    await expect(credentials.verify(POOL, legacy, PASSWORD)).resolves.toBe(true);
    await expect(credentials.verify(POOL, legacy, 'wrong')).resolves.toBe(false);
    expect(credentials.needsUpgrade(legacy)).toBe(true);
    expect(credentials.hasPassword(legacy)).toBe(true);
    expect(credentials.hasPassword({ ...legacy, passwordHash: null })).toBe(false);
  });
});

describe('code digests (ADR 0006)', () => {
  const kek = randomBytes(32);
  const digest = new CodeDigest(kek);
  const sub = '2f1c1a52-7d0e-4c4f-9b8e-3a1d2c4b5e6f';

  it('is keyed: not the plain SHA-256, and another key gives another digest', () => {
    const d = digest.digest(sub, '123456');
    expect(d).not.toBe(plainCodeHash(sub, '123456'));
    expect(new CodeDigest(randomBytes(32)).digest(sub, '123456')).not.toBe(d);
    expect(digest.digest(sub, '123457')).not.toBe(d);
  });

  it('re-keys a stored plain hash to the digest of the same code', () => {
    expect(digest.rekey(plainCodeHash(sub, '654321'))).toBe(digest.digest(sub, '654321'));
  });
});
