import { accessTokenClaims, GroupClaim, groupClaims, idTokenClaims, TokenSession } from './token-claims';

const session: TokenSession = {
  issuer: 'http://localhost:8080/us-east-1_AbC123xyz',
  clientId: 'client123',
  originJti: '8d2f3f5c-0000-4000-8000-000000000001',
  eventId: '8d2f3f5c-0000-4000-8000-000000000002',
  authTime: 1_700_000_000,
  nowSeconds: 1_700_000_100,
  idTokenTtl: 3600,
  accessTokenTtl: 1800,
};
const subject = {
  sub: '5b3c2a10-0000-4000-8000-00000000abcd',
  username: 'alice',
  attributes: {
    email: 'alice@example.com',
    email_verified: 'true',
    updated_at: '1700000000',
    sub: 'ignored',
  },
};

describe('Cognito token claims', () => {
  it('ID token carries the user attributes, typed as Cognito types them', () => {
    const claims = idTokenClaims(subject, session);
    expect(claims).toMatchObject({
      sub: subject.sub,
      email: 'alice@example.com',
      email_verified: true,
      updated_at: 1_700_000_000,
      iss: session.issuer,
      'cognito:username': 'alice',
      aud: 'client123',
      token_use: 'id',
      auth_time: session.authTime,
      iat: session.nowSeconds,
      exp: session.nowSeconds + 3600,
      origin_jti: session.originJti,
      event_id: session.eventId,
    });
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('access token has client_id, scope and username but no aud', () => {
    const claims = accessTokenClaims(subject, session);
    expect(claims).toMatchObject({
      sub: subject.sub,
      client_id: 'client123',
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      username: 'alice',
      exp: session.nowSeconds + 1800,
    });
    expect(claims).not.toHaveProperty('aud');
    expect(claims).not.toHaveProperty('email');
  });

  it('gives each token its own jti', () => {
    expect(idTokenClaims(subject, session).jti).not.toBe(idTokenClaims(subject, session).jti);
  });

  it('leaves the group claims out for a user in no group', () => {
    for (const claims of [
      idTokenClaims({ ...subject, groups: [] }, session),
      accessTokenClaims({ ...subject, groups: [] }, session),
      idTokenClaims(subject, session),
    ]) {
      expect(claims).not.toHaveProperty('cognito:groups');
      expect(claims).not.toHaveProperty('cognito:roles');
      expect(claims).not.toHaveProperty('cognito:preferred_role');
    }
  });
});

describe('group claims', () => {
  const role = (name: string) => `arn:aws:iam::000000000000:role/${name}`;
  const group = (name: string, roleArn: string | null, precedence: number | null): GroupClaim => ({
    name,
    roleArn,
    precedence,
  });

  it('puts cognito:groups in both tokens, the roles and the preferred role only in the ID token', () => {
    const groups = [group('readers', role('reader'), 5), group('admins', role('admin'), 1)];
    const id = idTokenClaims({ ...subject, groups }, session);
    const access = accessTokenClaims({ ...subject, groups }, session);
    expect(id['cognito:groups']).toEqual(['admins', 'readers']);
    expect(id['cognito:roles']).toEqual([role('admin'), role('reader')]);
    expect(id['cognito:preferred_role']).toBe(role('admin'));
    expect(access['cognito:groups']).toEqual(['admins', 'readers']);
    expect(access).not.toHaveProperty('cognito:roles');
    expect(access).not.toHaveProperty('cognito:preferred_role');
  });

  it('prefers the role of the lowest-precedence group that has one', () => {
    const claims = groupClaims([
      group('no-role', null, 0),
      group('later', role('later'), 9),
      group('unranked', role('unranked'), null),
      group('first', role('first'), 3),
    ]).id;
    expect(claims['cognito:groups']).toEqual(['no-role', 'first', 'later', 'unranked']);
    expect(claims['cognito:roles']).toEqual([role('first'), role('later'), role('unranked')]);
    expect(claims['cognito:preferred_role']).toBe(role('first'));
  });

  it('prefers no role when groups with different roles tie', () => {
    const tied = groupClaims([
      group('a', role('a'), 2),
      group('b', role('b'), 2),
      group('c', role('c'), 7),
    ]).id;
    expect(tied['cognito:roles']).toEqual([role('a'), role('b'), role('c')]);
    expect(tied).not.toHaveProperty('cognito:preferred_role');
    const unranked = groupClaims([group('a', role('a'), null), group('b', role('b'), null)]).id;
    expect(unranked).not.toHaveProperty('cognito:preferred_role');
  });

  it('prefers the one role when a single group has it, whatever its precedence', () => {
    const claims = groupClaims([group('plain', null, 1), group('ops', role('ops'), null)]).id;
    expect(claims['cognito:preferred_role']).toBe(role('ops'));
    expect(claims['cognito:roles']).toEqual([role('ops')]);
  });

  it('names a role once when groups share it, and omits roles when no group has one', () => {
    const shared = groupClaims([group('a', role('same'), 1), group('b', role('same'), 1)]).id;
    expect(shared['cognito:roles']).toEqual([role('same')]);
    expect(shared['cognito:preferred_role']).toBe(role('same'));
    const none = groupClaims([group('a', null, 1)]).id;
    expect(none).toEqual({ 'cognito:groups': ['a'] });
  });
});
