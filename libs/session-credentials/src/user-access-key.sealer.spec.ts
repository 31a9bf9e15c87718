import { randomBytes } from 'node:crypto';
import { newSecretAccessKey } from './access-keys';
import { newUserAccessKeyId, USER_ACCESS_KEY_ID, UserAccessKeySealer } from './user-access-key.sealer';

describe('UserAccessKeySealer', () => {
  const master = randomBytes(32);

  it('opens what it sealed, for the same key id, under the same master key', () => {
    const id = newUserAccessKeyId();
    const secret = newSecretAccessKey();
    const sealed = new UserAccessKeySealer(master).seal(id, secret);
    expect(sealed.toString('utf8')).not.toContain(secret);
    expect(new UserAccessKeySealer(Buffer.from(master)).open(id, sealed)).toBe(secret);
  });

  it('refuses a sealed secret moved to another key id, a tampered one, or another master key', () => {
    const id = newUserAccessKeyId();
    const sealed = new UserAccessKeySealer(master).seal(id, newSecretAccessKey());
    expect(() => new UserAccessKeySealer(master).open(newUserAccessKeyId(), sealed)).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(() => new UserAccessKeySealer(master).open(id, tampered)).toThrow();
    expect(() => new UserAccessKeySealer(randomBytes(32)).open(id, sealed)).toThrow();
  });

  it('draws AKIA key ids of 20 characters', () => {
    const ids = new Set(Array.from({ length: 50 }, newUserAccessKeyId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(USER_ACCESS_KEY_ID);
  });
});
