import { RATE_LIMIT_DEFAULTS } from '@idfed/config';
import {
  COGNITO_IDENTITY_OPERATIONS,
  COGNITO_USER_POOL_OPERATIONS,
  IAM_QUERY_OPERATIONS,
  STS_QUERY_OPERATIONS,
} from '@idfed/contracts';
import { THROTTLES } from './rate-limit-categories';

describe('rate limit categories', () => {
  it('puts every operation a client can call in a known category, with its API error name', () => {
    const tables = [
      [COGNITO_USER_POOL_OPERATIONS, 'TooManyRequestsException'],
      [COGNITO_IDENTITY_OPERATIONS, 'TooManyRequestsException'],
      [STS_QUERY_OPERATIONS, 'Throttling'],
      [IAM_QUERY_OPERATIONS, 'Throttling'],
    ] as const;
    for (const [table, errorName] of tables) {
      for (const [operation, { command }] of Object.entries(table)) {
        const throttle = THROTTLES.get(command.pattern);
        expect([operation, throttle?.errorName]).toEqual([operation, errorName]);
        expect(Object.keys(RATE_LIMIT_DEFAULTS)).toContain(throttle!.category);
      }
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
