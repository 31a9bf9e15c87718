import {
  accessTokenClaims,
  applyTokenOverrides,
  GroupClaim,
  groupClaims,
  idTokenClaims,
  TokenSession,
} from './token-claims';

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

describe('applyTokenOverrides (a PreTokenGeneration answer, ADR 0030)', () => {
  const base = () => ({
    id: {
      sub: 's',
      iss: 'i',
      aud: 'c',
      token_use: 'id',
      email: 'a@example.com',
      'cognito:username': 'ann',
      'cognito:groups': ['admins'],
      'cognito:roles': ['r'],
      'cognito:preferred_role': 'r',
    } as Record<string, unknown>,
    access: {
      sub: 's',
      client_id: 'c',
      token_use: 'access',
      scope: 'openid email',
      'cognito:groups': ['admins'],
    } as Record<string, unknown>,
  });
  const none = { add: {}, suppress: [] };

  it('adds, overrides and suppresses claims in each token', () => {
    const { id, access } = base();
    applyTokenOverrides(id, access, {
      id: { add: { tier: 'gold', email: 'b@example.com' }, suppress: [] },
      access: { add: { roles: ['x'] }, suppress: [] },
      scopesToAdd: [],
      scopesToSuppress: [],
    });
    expect(id).toMatchObject({ tier: 'gold', email: 'b@example.com' });
    expect(access.roles).toEqual(['x']);
    const suppressed = base();
    applyTokenOverrides(suppressed.id, suppressed.access, {
      id: { add: {}, suppress: ['email'] },
      access: none,
      scopesToAdd: [],
      scopesToSuppress: [],
    });
    expect(suppressed.id).not.toHaveProperty('email');
  });

  it('never changes who the token is for, its issuer, audience, use or cognito: claims', () => {
    const { id, access } = base();
    const before = base();
    applyTokenOverrides(id, access, {
      id: {
        add: { sub: 'other', iss: 'evil', aud: 'x', token_use: 'access', 'cognito:username': 'root', exp: 9 },
        suppress: ['sub', 'cognito:groups', 'iss'],
      },
      access: { add: { client_id: 'x', scope: 'admin', username: 'root' }, suppress: ['token_use'] },
      scopesToAdd: [],
      scopesToSuppress: [],
    });
    expect(id).toEqual(before.id);
    expect(access).toEqual(before.access);
  });

  it('changes the access token scopes only through scopesToAdd and scopesToSuppress', () => {
    const { id, access } = base();
    applyTokenOverrides(id, access, {
      id: none,
      access: none,
      scopesToAdd: ['api/read', 'openid'],
      scopesToSuppress: ['email'],
    });
    expect(access.scope).toBe('openid api/read');
  });

  it('replaces the group claims of both tokens with the group override', () => {
    const { id, access } = base();
    applyTokenOverrides(id, access, {
      id: none,
      access: none,
      scopesToAdd: [],
      scopesToSuppress: [],
      groups: { groups: ['vip'], roles: ['arn:aws:iam::1:role/v'], preferredRole: 'arn:aws:iam::1:role/v' },
    });
    expect(id['cognito:groups']).toEqual(['vip']);
    expect(id['cognito:roles']).toEqual(['arn:aws:iam::1:role/v']);
    expect(id['cognito:preferred_role']).toBe('arn:aws:iam::1:role/v');
    expect(access['cognito:groups']).toEqual(['vip']);
    const cleared = base();
    applyTokenOverrides(cleared.id, cleared.access, {
      id: none,
      access: none,
      scopesToAdd: [],
      scopesToSuppress: [],
      groups: { groups: [], roles: [], preferredRole: null },
    });
    expect(cleared.id).not.toHaveProperty('cognito:groups');
    expect(cleared.id).not.toHaveProperty('cognito:preferred_role');
    expect(cleared.access).not.toHaveProperty('cognito:groups');
  });
});
