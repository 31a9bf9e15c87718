import { base32Encode, matchConsecutiveTotp, matchTotp, totpCode, totpStep } from './totp';

// RFC 6238 appendix B, SHA-1 rows: the seed is the ASCII of "12345678901234567890", 8 digits.
const RFC_SEED = Buffer.from('12345678901234567890', 'ascii');
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(RFC_VECTORS)('gives the RFC 6238 SHA-1 code at %i s', (seconds, code) => {
    expect(totpCode(RFC_SEED, totpStep(seconds * 1000), 8)).toBe(code);
  });

  it('uses six digits by default: the last six of the 8-digit code', () => {
    expect(totpCode(RFC_SEED, totpStep(59_000))).toBe('287082');
  });

  it('encodes secrets in RFC 4648 base32 without padding', () => {
    expect(base32Encode(Buffer.from('foobar', 'ascii'))).toBe('MZXW6YTBOI');
    expect(base32Encode(RFC_SEED)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  it('accepts the steps one either side of now and names which one matched', () => {
    const now = 1_700_000_000_000;
    const step = totpStep(now);
    expect(matchTotp(RFC_SEED, totpCode(RFC_SEED, step), now)).toBe(step);
    expect(matchTotp(RFC_SEED, totpCode(RFC_SEED, step - 1), now)).toBe(step - 1);
    expect(matchTotp(RFC_SEED, totpCode(RFC_SEED, step + 1), now)).toBe(step + 1);
  });

  it('refuses codes two steps away, of another secret, or not six digits', () => {
    const now = 1_700_000_000_000;
    const step = totpStep(now);
    const other = Buffer.from('another secret of twenty bytes', 'ascii');
    expect(matchTotp(RFC_SEED, totpCode(RFC_SEED, step - 2), now)).toBeUndefined();
    expect(matchTotp(RFC_SEED, totpCode(RFC_SEED, step + 2), now)).toBeUndefined();
    const otherCode = totpCode(other, step);
    if (otherCode !== totpCode(RFC_SEED, step)) expect(matchTotp(RFC_SEED, otherCode, now)).toBeUndefined();
    expect(matchTotp(RFC_SEED, '12345', now)).toBeUndefined();
    expect(matchTotp(RFC_SEED, '1234567', now)).toBeUndefined();
    expect(matchTotp(RFC_SEED, 'abcdef', now)).toBeUndefined();
  });

  it("finds two consecutive codes within the window and names the first one's step", () => {
    const now = 1_700_000_000_000;
    const step = totpStep(now);
    const code = (at: number) => totpCode(RFC_SEED, at);
    expect(matchConsecutiveTotp(RFC_SEED, code(step - 1), code(step), now, 2)).toBe(step - 1);
    expect(matchConsecutiveTotp(RFC_SEED, code(step + 2), code(step + 3), now, 2)).toBe(step + 2);
    expect(matchConsecutiveTotp(RFC_SEED, code(step - 15), code(step - 14), now, 20)).toBe(step - 15);
  });

  it('refuses codes out of order, not consecutive, outside the window or not six digits', () => {
    const now = 1_700_000_000_000;
    const step = totpStep(now);
    const code = (at: number) => totpCode(RFC_SEED, at);
    const distinct = (a: string, b: string) => a !== b;
    if (distinct(code(step), code(step - 1)))
      expect(matchConsecutiveTotp(RFC_SEED, code(step), code(step - 1), now, 2)).toBeUndefined();
    if (distinct(code(step + 1), code(step + 2)))
      expect(matchConsecutiveTotp(RFC_SEED, code(step), code(step + 2), now, 2)).toBeUndefined();
    expect(matchConsecutiveTotp(RFC_SEED, code(step - 5), code(step - 4), now, 2)).toBeUndefined();
    expect(matchConsecutiveTotp(RFC_SEED, code(step), '12345', now, 2)).toBeUndefined();
    expect(matchConsecutiveTotp(RFC_SEED, 'abcdef', code(step + 1), now, 2)).toBeUndefined();
  });
});
