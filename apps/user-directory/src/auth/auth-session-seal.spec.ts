import { randomBytes } from 'node:crypto';
import { KeyEncryption } from '@idfed/crypto';
import { AuthSessionSeal } from './auth-session-seal';

describe('AuthSessionSeal', () => {
  const kek = randomBytes(32);
  let now = 1_700_000_000_000;
  const seal = new AuthSessionSeal(kek, () => now);

  it('opens what it sealed for the same kind and client', () => {
    const blob = seal.seal('srp-secret-block', 'client1', { sub: 'abc', b: '01' }, 180);
    expect(seal.open('srp-secret-block', 'client1', blob)).toEqual({
      ok: true,
      value: { sub: 'abc', b: '01' },
    });
  });

  it('does not show its contents', () => {
    const blob = seal.seal('srp-secret-block', 'client1', { secret: 'visible-if-broken' }, 180);
    expect(Buffer.from(blob, 'base64').toString('latin1')).not.toContain('visible-if-broken');
  });

  it('refuses another kind, another client, another key and a tampered blob', () => {
    const blob = seal.seal('srp-secret-block', 'client1', { sub: 'abc' }, 180);
    expect(seal.open('new-password-session', 'client1', blob)).toEqual({ ok: false, reason: 'invalid' });
    expect(seal.open('srp-secret-block', 'client2', blob)).toEqual({ ok: false, reason: 'invalid' });
    expect(new AuthSessionSeal(randomBytes(32)).open('srp-secret-block', 'client1', blob).ok).toBe(false);
    const raw = Buffer.from(blob, 'base64');
    raw[raw.length - 1] ^= 1;
    expect(seal.open('srp-secret-block', 'client1', raw.toString('base64')).ok).toBe(false);
    expect(seal.open('srp-secret-block', 'client1', 'not a blob').ok).toBe(false);
    expect(seal.open('srp-secret-block', 'client1', undefined).ok).toBe(false);
  });

  it('expires', () => {
    const blob = seal.seal('new-password-session', 'client1', { sub: 'abc' }, 180);
    now += 179_000;
    expect(seal.open('new-password-session', 'client1', blob).ok).toBe(true);
    now += 1_000;
    expect(seal.open('new-password-session', 'client1', blob)).toEqual({ ok: false, reason: 'expired' });
  });

  it('uses a key derived from the key-encryption key, not the key itself', () => {
    const direct = new KeyEncryption(kek).seal(
      Buffer.from(JSON.stringify({ v: {}, exp: now + 60_000 })),
      'srp-secret-block\nc',
    );
    expect(seal.open('srp-secret-block', 'c', direct.toString('base64')).ok).toBe(false);
  });

  it('makes stable, keyed decoys', () => {
    expect(seal.decoy('pool|alice', 16).equals(seal.decoy('pool|alice', 16))).toBe(true);
    expect(seal.decoy('pool|alice', 16).equals(seal.decoy('pool|bob', 16))).toBe(false);
    expect(
      seal.decoy('pool|alice', 16).equals(new AuthSessionSeal(randomBytes(32)).decoy('pool|alice', 16)),
    ).toBe(false);
  });
});
