import { DEFAULT_PASSWORD_POLICY } from '../pools/pool-config';
import { passwordPolicyViolation } from './password-policy';
import { generateTemporaryPassword } from './temporary-password';

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
