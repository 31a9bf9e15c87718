import { DEFAULT_PASSWORD_POLICY } from '../pools/pool-config';
import { passwordPolicyViolation } from './password-policy';

describe('password policy', () => {
  const cases: [string, string | undefined][] = [
    ['Passw0rd!', undefined],
    ['Pa0!', 'Password not long enough'],
    ['PASSW0RD!', 'Password must have lowercase characters'],
    ['passw0rd!', 'Password must have uppercase characters'],
    ['Password!', 'Password must have numeric characters'],
    ['Passw0rdd', 'Password must have symbol characters'],
    ['Passw0rd ', undefined], // a space counts as a symbol
    ['Pässw0rd^', undefined],
  ];
  it.each(cases)('%s -> %s', (password, expected) => {
    expect(passwordPolicyViolation(password, DEFAULT_PASSWORD_POLICY)).toBe(expected);
  });

  it('honours a relaxed policy', () => {
    const relaxed = {
      ...DEFAULT_PASSWORD_POLICY,
      MinimumLength: 6,
      RequireSymbols: false,
      RequireUppercase: false,
      RequireNumbers: false,
    };
    expect(passwordPolicyViolation('simple', relaxed)).toBeUndefined();
    expect(passwordPolicyViolation('short', relaxed)).toBe('Password not long enough');
  });
});
