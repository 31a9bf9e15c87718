import { applyPoolUpdate, DEFAULT_PASSWORD_POLICY, poolConfigFromRequest } from '../pools/pool-config';
import { passwordPolicyViolation } from './password-policy';
import {
  expiredTemporaryPasswordMessage,
  generateTemporaryPassword,
  temporaryPasswordExpired,
  temporaryPasswordExpiry,
  temporaryPasswordValidityDays,
} from './temporary-password';

describe('generated temporary passwords', () => {
  it('meet the strictest policy, and a long minimum', () => {
    const long = { ...DEFAULT_PASSWORD_POLICY, MinimumLength: 40 };
    for (let i = 0; i < 200; i++) {
      expect(
        passwordPolicyViolation(generateTemporaryPassword(DEFAULT_PASSWORD_POLICY), DEFAULT_PASSWORD_POLICY),
      ).toBe(undefined);
      expect(generateTemporaryPassword(long)).toHaveLength(40);
    }
  });

  it('differ each time and carry no whitespace or dots', () => {
    const seen = new Set(
      Array.from({ length: 50 }, () => generateTemporaryPassword(DEFAULT_PASSWORD_POLICY)),
    );
    expect(seen.size).toBe(50);
    for (const p of seen) expect(p).toMatch(/^[^\s.'"]+$/);
  });
});

describe('temporary password validity (ADR 0062)', () => {
  const arn = 'arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_X';
  const from = new Date('2026-12-01T00:00:00Z');
  const days = (d: number) => new Date(from.getTime() + d * 86_400_000);

  it('is the policy TemporaryPasswordValidityDays, 7 by default', () => {
    const config = poolConfigFromRequest({ PoolName: 'p' }, arn);
    expect(temporaryPasswordExpiry(config, from)).toEqual(days(7));
    expect(expiredTemporaryPasswordMessage(config)).toBe(
      'Temporary password has expired and must be reset by an administrator.',
    );
  });

  it('is UnusedAccountValidityDays while the policy sets no TemporaryPasswordValidityDays', () => {
    const config = poolConfigFromRequest(
      { PoolName: 'p', AdminCreateUserConfig: { UnusedAccountValidityDays: 3 } },
      arn,
    );
    expect(temporaryPasswordValidityDays(config)).toBe(3);
    expect(temporaryPasswordExpiry(config, from)).toEqual(days(3));
    expect(expiredTemporaryPasswordMessage(config)).toBe(
      'User account has expired, it must be reset by an administrator.',
    );
  });

  it('is the policy value once the policy sets one, whatever UnusedAccountValidityDays says', () => {
    const both = poolConfigFromRequest(
      {
        PoolName: 'p',
        Policies: { PasswordPolicy: { TemporaryPasswordValidityDays: 1 } },
        AdminCreateUserConfig: { UnusedAccountValidityDays: 30 },
      },
      arn,
    );
    expect(temporaryPasswordExpiry(both, from)).toEqual(days(1));
    const unused = poolConfigFromRequest(
      { PoolName: 'p', AdminCreateUserConfig: { UnusedAccountValidityDays: 30 } },
      arn,
    );
    const updated = applyPoolUpdate(unused, {
      UserPoolId: 'us-east-1_X',
      Policies: { PasswordPolicy: { TemporaryPasswordValidityDays: 2 } },
      AdminCreateUserConfig: { UnusedAccountValidityDays: 30 },
    });
    expect(temporaryPasswordExpiry(updated, from)).toEqual(days(2));
    expect(expiredTemporaryPasswordMessage(updated)).toMatch(/^Temporary password has expired/);
  });

  it('expires at the stored instant, not a millisecond later', () => {
    const at = days(3);
    expect(temporaryPasswordExpired({ passwordExpiresAt: at }, at.getTime() - 1)).toBe(false);
    expect(temporaryPasswordExpired({ passwordExpiresAt: at }, at.getTime())).toBe(true);
    expect(temporaryPasswordExpired({ passwordExpiresAt: null }, at.getTime())).toBe(false);
  });
});
