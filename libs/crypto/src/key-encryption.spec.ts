import { randomBytes } from 'node:crypto';
import { deriveKey, KeyEncryption } from './key-encryption';

describe('KeyEncryption', () => {
  const kek = new KeyEncryption(randomBytes(32));

  it('opens what it sealed', () => {
    const sealed = kek.seal(Buffer.from('private key bytes'), 'kid-1');
    expect(kek.open(sealed, 'kid-1').toString()).toBe('private key bytes');
  });

  it('never stores the plaintext and uses a fresh IV each time', () => {
    const a = kek.seal(Buffer.from('same'), 'kid');
    const b = kek.seal(Buffer.from('same'), 'kid');
    expect(a.equals(b)).toBe(false);
    expect(a.includes(Buffer.from('same'))).toBe(false);
  });

  it('refuses a value moved to another owner', () => {
    const sealed = kek.seal(Buffer.from('secret'), 'client-a');
    expect(() => kek.open(sealed, 'client-b')).toThrow();
  });

  it('refuses a tampered value and a wrong key', () => {
    const sealed = kek.seal(Buffer.from('secret'), 'kid');
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(() => kek.open(tampered, 'kid')).toThrow();
    expect(() => new KeyEncryption(randomBytes(32)).open(sealed, 'kid')).toThrow();
  });

  it('accepts only a 32-byte key', () => {
    expect(() => new KeyEncryption(randomBytes(16))).toThrow();
  });
});

describe('deriveKey', () => {
  it('gives one stable 32-byte key per label, independent of the others and of the KEK', () => {
    const kek = randomBytes(32);
    const a = deriveKey(kek, 'purpose a');
    expect(a).toHaveLength(32);
    expect(deriveKey(kek, 'purpose a').equals(a)).toBe(true);
    expect(deriveKey(kek, 'purpose b').equals(a)).toBe(false);
    expect(deriveKey(randomBytes(32), 'purpose a').equals(a)).toBe(false);
    expect(a.equals(kek)).toBe(false);
  });
});
