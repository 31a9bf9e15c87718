import { RATE_LIMIT_DEFAULTS } from '@idfed/config';
import { OPERATION_CATALOG } from '@idfed/contracts';
import { THROTTLES } from './rate-limit-categories';

describe('rate limit categories', () => {
  it('puts every operation a client can call in a known category, with its API error name', () => {
    const errorNames = {
      json: 'TooManyRequestsException',
      'rest-json': 'TooManyRequestsException',
      query: 'Throttling',
    } as const;
    const clientOperations = OPERATION_CATALOG.filter((op) => op.surface.protocol !== 'bus');
    expect(clientOperations.length).toBeGreaterThan(80);
    for (const op of clientOperations) {
      const throttle = THROTTLES.get(op.pattern);
      const protocol = op.surface.protocol as keyof typeof errorNames;
      expect([op.name, throttle?.errorName]).toEqual([op.name, errorNames[protocol]]);
      expect(Object.keys(RATE_LIMIT_DEFAULTS)).toContain(throttle!.category);
    }
  });

  it("groups user pool operations as Cognito's quota categories do", () => {
    const category = (pattern: string) => THROTTLES.get(`user-directory.${pattern}`)?.category;
    expect(['SignUp', 'ConfirmSignUp', 'AdminCreateUser', 'AdminConfirmSignUp'].map(category)).toEqual(
      Array(4).fill('UserCreation'),
    );
    expect(category('InitiateAuth')).toBe('UserAuthentication');
    expect(category('RespondToAuthChallenge')).toBe('UserAuthenticationChallenge');
    expect(category('ForgotPassword')).toBe('UserAccountRecovery');
    expect(THROTTLES.get('user-directory.GetJwks')).toBeUndefined();
  });
});
