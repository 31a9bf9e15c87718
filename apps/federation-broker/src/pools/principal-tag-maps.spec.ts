import { VerifiedLogin } from '../logins/verified-login';
import { defaultPrincipalTags, effectivePrincipalTags, principalTagsOf } from './principal-tag-maps';

const USER_POOL = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_abc';

function login(over: Partial<VerifiedLogin> = {}): VerifiedLogin {
  return {
    provider: USER_POOL,
    subject: 'u-1',
    claims: { aud: 'client-1', sub: 'u-1', 'custom:dept': 'eng', email_verified: true, groups: ['a'] },
    mappingKey: `${USER_POOL}:client-1`,
    amr: [],
    ...over,
  };
}

describe('identity pool principal tag maps', () => {
  it('uses the documented defaults: client from aud, username from sub (user_id for Amazon)', () => {
    expect(defaultPrincipalTags(USER_POOL)).toEqual({ client: 'aud', username: 'sub' });
    expect(defaultPrincipalTags('www.amazon.com')).toEqual({ client: 'aud', username: 'user_id' });
    expect(effectivePrincipalTags(USER_POOL, { useDefaults: true, principalTags: { x: 'y' } })).toEqual({
      client: 'aud',
      username: 'sub',
    });
    expect(effectivePrincipalTags(USER_POOL, { useDefaults: false, principalTags: { x: 'y' } })).toEqual({
      x: 'y',
    });
  });

  it("maps a login's claims by its provider name (or provider:client), skipping absent and non-scalar claims", () => {
    const maps = {
      [USER_POOL]: {
        useDefaults: false,
        principalTags: { dept: 'custom:dept', verified: 'email_verified', groups: 'groups', none: 'missing' },
      },
    };
    expect(principalTagsOf(maps, [login()])).toEqual({ dept: 'eng', verified: 'true' });
    expect(
      principalTagsOf({ [`${USER_POOL}:client-1`]: { useDefaults: true, principalTags: {} } }, [login()]),
    ).toEqual({ client: 'client-1', username: 'u-1' });
    expect(principalTagsOf({}, [login()])).toEqual({});
    expect(principalTagsOf(undefined, [login()])).toEqual({});
    expect(
      principalTagsOf(maps, [login({ provider: 'accounts.google.com', mappingKey: 'accounts.google.com' })]),
    ).toEqual({});
  });
});
