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

  it('counts the OAuth endpoints and hosted pages in the categories of the API operations they stand for', () => {
    const category = (pattern: string) => THROTTLES.get(`user-directory.${pattern}`)?.category;
    expect(
      [
        'OAuthToken',
        'OAuthAuthorize',
        'OAuthSignIn',
        'OAuthIdpResponse',
        'SamlAuthorize',
        'SamlResponse',
      ].map(category),
    ).toEqual(Array(6).fill('UserAuthentication'));
    expect(['OAuthNewPassword', 'OAuthMfa'].map(category)).toEqual(
      Array(2).fill('UserAuthenticationChallenge'),
    );
    expect(['OAuthSignUp', 'OAuthConfirmSignUp'].map(category)).toEqual(Array(2).fill('UserCreation'));
    expect(category('OAuthConfirmLink')).toBe('UserCreation');
    expect(['OAuthForgotPassword', 'OAuthConfirmForgotPassword', 'OAuthResendCode'].map(category)).toEqual(
      Array(3).fill('UserAccountRecovery'),
    );
    expect(category('OAuthUserInfo')).toBe('UserRead');
    expect(['OAuthRevoke', 'OAuthLogout', 'SamlLogout'].map(category)).toEqual(Array(3).fill('UserUpdate'));
    // Every client HTTP request the user directory serves over the bus is counted; service-to-service
    // commands are not (they would count one client request twice).
    const bus = OPERATION_CATALOG.filter(
      (op) => op.surface.protocol === 'bus' && op.service === 'user-directory',
    );
    const counted = bus.filter((op) => THROTTLES.has(op.pattern)).map((op) => op.name);
    expect(counted.filter((name) => !/^(OAuth|Saml)/.test(name))).toEqual(['GetUserImportJobLog']);
    // A user import job's log (GET, ADR 0070) is read as DescribeUserImportJob is.
    expect(category('GetUserImportJobLog')).toBe('UserPoolRead');
    // The pages' look is read by the gateway at most once per client every 5 s, and by the logo's
    // URL (a static asset, cached by browsers for good): a lookup like ResolveUserPoolDomain. So are
    // a managed login branding's images (ADR 0082).
    const lookups = ['OAuthUICustomization', 'OAuthManagedLoginAsset'];
    expect(
      bus
        .filter((op) => /^(OAuth|Saml)/.test(op.name) && !lookups.includes(op.name))
        .filter((op) => !THROTTLES.has(op.pattern)),
    ).toEqual([]);
    for (const op of bus.filter((o) => THROTTLES.has(o.pattern)))
      expect([op.name, op.errors]).toEqual([op.name, expect.arrayContaining(['TooManyRequestsException'])]);
    expect(THROTTLES.get('user-directory.OAuthToken')?.errorName).toBe('TooManyRequestsException');
  });
});
