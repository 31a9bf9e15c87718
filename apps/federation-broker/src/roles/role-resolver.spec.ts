import { RoleMappingType } from '@idfed/contracts';
import { resolveAuthenticatedRole, ruleMatches } from './role-resolver';

const AUTH = 'arn:aws:iam::000000000000:role/authenticated';
const ADMIN = 'arn:aws:iam::000000000000:role/admin';
const READER = 'arn:aws:iam::000000000000:role/reader';

const rules = (ambiguous: 'AuthenticatedRole' | 'Deny'): RoleMappingType => ({
  Type: 'Rules',
  AmbiguousRoleResolution: ambiguous,
  RulesConfiguration: {
    Rules: [
      { Claim: 'cognito:groups', MatchType: 'Contains', Value: 'admins', RoleARN: ADMIN },
      { Claim: 'email', MatchType: 'StartsWith', Value: 'reader', RoleARN: READER },
      { Claim: 'custom:tier', MatchType: 'Equals', Value: 'gold', RoleARN: ADMIN },
    ],
  },
});

describe('rule matching', () => {
  it.each([
    ['Equals', 'gold', { t: 'gold' }, true],
    ['Equals', 'gold', { t: 'golden' }, false],
    ['Contains', 'old', { t: 'golden' }, true],
    ['StartsWith', 'go', { t: 'golden' }, true],
    ['StartsWith', 'ol', { t: 'golden' }, false],
    ['NotEqual', 'gold', { t: 'silver' }, true],
    ['NotEqual', 'gold', { t: 'gold' }, false],
    ['NotEqual', 'gold', {}, false],
    ['Equals', 'admins', { t: ['users', 'admins'] }, true],
    ['Equals', 'gold', {}, false],
    ['Equals', '12', { t: 12 }, true],
    ['Equals', 'true', { t: [true] }, true],
    // An object claim is no text: before, it matched as "[object Object]".
    ['Contains', 'object', { t: { a: 1 } }, false],
    ['Equals', 'null', { t: [null] }, false],
  ] as const)('%s %s against %j -> %s', (MatchType, Value, claims, expected) => {
    expect(ruleMatches({ Claim: 't', MatchType, Value, RoleARN: ADMIN }, claims)).toBe(expected);
  });
});

describe('role resolution', () => {
  it('uses the authenticated role when the provider has no mapping', () => {
    expect(resolveAuthenticatedRole(AUTH, undefined, {})).toMatchObject({ kind: 'role', roleArn: AUTH });
  });

  it('has no role when the pool has none and nothing maps', () => {
    expect(resolveAuthenticatedRole(undefined, undefined, {}).kind).toBe('no-role');
  });

  it('applies the first matching rule, in order', () => {
    expect(
      resolveAuthenticatedRole(AUTH, rules('Deny'), { 'cognito:groups': ['admins'], email: 'reader@x' }),
    ).toMatchObject({
      roleArn: ADMIN,
      reason: 'rule 1 matched',
    });
    expect(resolveAuthenticatedRole(AUTH, rules('Deny'), { email: 'reader@x' })).toMatchObject({
      roleArn: READER,
    });
  });

  it('falls back to the authenticated role or denies when no rule matches', () => {
    expect(resolveAuthenticatedRole(AUTH, rules('AuthenticatedRole'), { email: 'x@y' })).toMatchObject({
      roleArn: AUTH,
    });
    expect(resolveAuthenticatedRole(AUTH, rules('Deny'), { email: 'x@y' }).kind).toBe('denied');
  });

  const token = (ambiguous: 'AuthenticatedRole' | 'Deny'): RoleMappingType => ({
    Type: 'Token',
    AmbiguousRoleResolution: ambiguous,
  });

  it('takes the preferred role from the token', () => {
    expect(
      resolveAuthenticatedRole(AUTH, token('Deny'), {
        'cognito:roles': [ADMIN, READER],
        'cognito:preferred_role': READER,
      }),
    ).toMatchObject({ roleArn: READER });
  });

  it('takes the only role of the token', () => {
    expect(resolveAuthenticatedRole(AUTH, token('Deny'), { 'cognito:roles': [ADMIN] })).toMatchObject({
      roleArn: ADMIN,
    });
  });

  it('is ambiguous with several roles and no preference', () => {
    const claims = { 'cognito:roles': [ADMIN, READER] };
    expect(resolveAuthenticatedRole(AUTH, token('Deny'), claims).kind).toBe('denied');
    expect(resolveAuthenticatedRole(AUTH, token('AuthenticatedRole'), claims)).toMatchObject({
      roleArn: AUTH,
    });
  });

  it('honours CustomRoleArn only when the token lists it', () => {
    const claims = { 'cognito:roles': [ADMIN, READER] };
    expect(resolveAuthenticatedRole(AUTH, token('Deny'), claims, READER)).toMatchObject({ roleArn: READER });
    expect(resolveAuthenticatedRole(AUTH, token('AuthenticatedRole'), claims, AUTH).kind).toBe('denied');
    expect(resolveAuthenticatedRole(AUTH, undefined, claims, READER).kind).toBe('denied');
    expect(resolveAuthenticatedRole(AUTH, rules('AuthenticatedRole'), claims, READER).kind).toBe('denied');
  });
});
