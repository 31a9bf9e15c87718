import { evaluate } from './policy.evaluator';
import { parsePolicy } from './policy.parser';
import { AuthorizationRequest, DecisionKind, PolicyDocument, PolicyKind, PolicySet } from './policy.types';

const V = '2012-10-17';
const ACCOUNT = '123456789012';
const DATASET = `arn:aws:cognito-sync:us-east-1:${ACCOUNT}:identitypool/us-east-1:pool/identity/us-east-1:id/dataset/prefs`;

function policy(statements: object[], kind: PolicyKind = 'identity', label?: string): PolicyDocument {
  return parsePolicy({ Version: V, Statement: statements }, { kind, label });
}
const allow = (Action: string | string[], Resource: string | string[] = '*', extra: object = {}) => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...extra,
});
const deny = (Action: string | string[], Resource: string | string[] = '*', extra: object = {}) => ({
  Effect: 'Deny',
  Action,
  Resource,
  ...extra,
});

const list: AuthorizationRequest = { action: 'cognito-sync:ListRecords', resource: DATASET };
const update: AuthorizationRequest = { action: 'cognito-sync:UpdateRecords', resource: DATASET };

describe('Policy evaluation logic — explicit deny > allow > implicit deny', () => {
  test.each<[string, AuthorizationRequest, PolicySet, DecisionKind]>([
    ['no policies: implicit deny', list, {}, 'ImplicitDeny'],
    ['empty identity list: implicit deny', list, { identity: [] }, 'ImplicitDeny'],
    ['allow', list, { identity: [policy([allow('cognito-sync:*')])] }, 'Allow'],
    ['nothing matches: implicit deny', list, { identity: [policy([allow('s3:*')])] }, 'ImplicitDeny'],
    [
      'deny in the same policy wins',
      list,
      { identity: [policy([allow('*'), deny('cognito-sync:List*')])] },
      'ExplicitDeny',
    ],
    [
      'deny before allow wins too',
      list,
      { identity: [policy([deny('cognito-sync:List*'), allow('*')])] },
      'ExplicitDeny',
    ],
    [
      'deny in another identity policy wins',
      list,
      { identity: [policy([allow('*')]), policy([deny('*')])] },
      'ExplicitDeny',
    ],
    [
      'deny for another action does not apply',
      update,
      { identity: [policy([allow('*'), deny('cognito-sync:List*')])] },
      'Allow',
    ],
    [
      'deny whose condition fails does not apply',
      list,
      {
        identity: [
          policy([allow('*'), deny('*', '*', { Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
        ],
      },
      'Allow',
    ],
    [
      'deny in the boundary wins',
      list,
      { identity: [policy([allow('*')])], boundary: [policy([allow('*'), deny('cognito-sync:*')])] },
      'ExplicitDeny',
    ],
    [
      'deny in a session policy wins',
      list,
      { identity: [policy([allow('*')])], session: [policy([deny('*')], 'session')] },
      'ExplicitDeny',
    ],
    [
      'deny in the resource policy wins over identity allow',
      list,
      {
        identity: [policy([allow('*')])],
        resource: [policy([deny('*', '*', { Principal: '*' })], 'resource')],
      },
      'ExplicitDeny',
    ],
    ['a plain array means identity policies', list, [policy([allow('*')])] as never, 'Allow'],
  ])('%s', (_name, request, set, expected) => {
    expect(evaluate(request, set).decision).toBe(expected);
  });
});

describe('Session policies and permissions boundaries — effective permissions are the intersection', () => {
  const identity = [policy([allow('cognito-sync:*')])];
  test.each<[string, AuthorizationRequest, PolicySet, DecisionKind]>([
    [
      'session allows too',
      list,
      { identity, session: [policy([allow('cognito-sync:List*')], 'session')] },
      'Allow',
    ],
    [
      'session does not allow',
      update,
      { identity, session: [policy([allow('cognito-sync:List*')], 'session')] },
      'ImplicitDeny',
    ],
    [
      'session allows but identity does not',
      list,
      { identity: [policy([allow('s3:*')])], session: [policy([allow('*')], 'session')] },
      'ImplicitDeny',
    ],
    [
      'any of several session policies may allow',
      update,
      {
        identity,
        session: [
          policy([allow('cognito-sync:List*')], 'session'),
          policy([allow('cognito-sync:Update*')], 'session'),
        ],
      },
      'Allow',
    ],
    ['empty session list means no session policy', list, { identity, session: [] }, 'Allow'],
    ['boundary allows too', list, { identity, boundary: [policy([allow('cognito-sync:List*')])] }, 'Allow'],
    [
      'boundary does not allow',
      update,
      { identity, boundary: [policy([allow('cognito-sync:List*')])] },
      'ImplicitDeny',
    ],
    ['boundary alone grants nothing', list, { boundary: [policy([allow('*')])] }, 'ImplicitDeny'],
    [
      'boundary and session both allow',
      list,
      {
        identity,
        boundary: [policy([allow('*')])],
        session: [policy([allow('cognito-sync:ListRecords')], 'session')],
      },
      'Allow',
    ],
    [
      'boundary allows, session does not',
      list,
      {
        identity,
        boundary: [policy([allow('*')])],
        session: [policy([allow('s3:*')], 'session')],
      },
      'ImplicitDeny',
    ],
  ])('%s', (_name, request, set, expected) => {
    expect(evaluate(request, set).decision).toBe(expected);
  });
});

describe('Policy evaluation logic — resource-based policies (identity-based vs resource-based)', () => {
  const role = `arn:aws:iam::${ACCOUNT}:role/app`;
  const session = `arn:aws:sts::${ACCOUNT}:assumed-role/app/s1`;
  const caller: AuthorizationRequest = { ...list, principal: { type: 'AWS', id: session } };
  const grantsRole = [policy([allow('cognito-sync:*', '*', { Principal: { AWS: role } })], 'resource')];
  const grantsSession = [policy([allow('cognito-sync:*', '*', { Principal: { AWS: session } })], 'resource')];
  const noGrant = [
    policy(
      [allow('cognito-sync:*', '*', { Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/other` } })],
      'resource',
    ),
  ];
  const narrowSession = [policy([allow('s3:*')], 'session')];
  test.each<[string, AuthorizationRequest, PolicySet, DecisionKind]>([
    ['resource policy alone allows within the account', caller, { resource: grantsRole }, 'Allow'],
    ['resource policy naming another principal', caller, { resource: noGrant }, 'ImplicitDeny'],
    ['resource policy and no principal in the request', list, { resource: grantsRole }, 'ImplicitDeny'],
    [
      'same-account: session policy still limits a role grant',
      caller,
      { resource: grantsRole, session: narrowSession },
      'ImplicitDeny',
    ],
    [
      'same-account-direct: grant to the session ARN is not limited',
      caller,
      {
        resource: grantsSession,
        session: narrowSession,
        resourcePolicyMode: 'same-account-direct',
      },
      'Allow',
    ],
    [
      'same-account-direct: still loses to an explicit deny',
      caller,
      {
        resource: grantsSession,
        session: [policy([deny('*')], 'session')],
        resourcePolicyMode: 'same-account-direct',
      },
      'ExplicitDeny',
    ],
    [
      'cross-account: resource allow alone is not enough',
      caller,
      { resource: grantsRole, resourcePolicyMode: 'cross-account' },
      'ImplicitDeny',
    ],
    [
      'cross-account: identity allow alone is not enough',
      caller,
      {
        identity: [policy([allow('*')])],
        resource: noGrant,
        resourcePolicyMode: 'cross-account',
      },
      'ImplicitDeny',
    ],
    [
      'cross-account: both allow',
      caller,
      {
        identity: [policy([allow('*')])],
        resource: grantsRole,
        resourcePolicyMode: 'cross-account',
      },
      'Allow',
    ],
    [
      'a resource-slot statement without Principal grants nothing',
      caller,
      { resource: [policy([allow('*')])] },
      'ImplicitDeny',
    ],
  ])('%s', (_name, request, set, expected) => {
    expect(evaluate(request, set).decision).toBe(expected);
  });
});

describe('IAM JSON policy elements: Principal / NotPrincipal — matching', () => {
  const acct = `arn:aws:iam::${ACCOUNT}`;
  const stmt = (principal: object) =>
    policy([{ Effect: 'Allow', Action: '*', Resource: '*', ...principal }], 'resource');
  test.each<[string, object, AuthorizationRequest['principal'], boolean]>([
    ['"*" matches anyone', { Principal: '*' }, { type: 'AWS', id: `${acct}:user/u` }, true],
    ['"*" matches anonymous', { Principal: '*' }, undefined, true],
    [
      '"*" matches a web identity',
      { Principal: '*' },
      { type: 'Federated', id: 'accounts.google.com' },
      true,
    ],
    [
      '{AWS:"*"} matches AWS principals',
      { Principal: { AWS: '*' } },
      { type: 'AWS', id: `${acct}:user/u` },
      true,
    ],
    [
      '{AWS:"*"} does not match a web identity',
      { Principal: { AWS: '*' } },
      { type: 'Federated', id: 'accounts.google.com' },
      false,
    ],
    [
      'account id matches a user of the account',
      { Principal: { AWS: ACCOUNT } },
      { type: 'AWS', id: `${acct}:user/u` },
      true,
    ],
    [
      'root ARN matches a role session of the account',
      { Principal: { AWS: `${acct}:root` } },
      { type: 'AWS', id: `arn:aws:sts::${ACCOUNT}:assumed-role/r/s` },
      true,
    ],
    [
      'account id does not match another account',
      { Principal: { AWS: ACCOUNT } },
      { type: 'AWS', id: 'arn:aws:iam::210987654321:user/u' },
      false,
    ],
    [
      'role ARN matches its sessions',
      { Principal: { AWS: `${acct}:role/path/app` } },
      { type: 'AWS', id: `arn:aws:sts::${ACCOUNT}:assumed-role/app/s` },
      true,
    ],
    [
      'role ARN does not match another role session',
      { Principal: { AWS: `${acct}:role/app` } },
      { type: 'AWS', id: `arn:aws:sts::${ACCOUNT}:assumed-role/app2/s` },
      false,
    ],
    [
      'user ARN matches exactly',
      { Principal: { AWS: `${acct}:user/u` } },
      { type: 'AWS', id: `${acct}:user/u` },
      true,
    ],
    [
      'request account id is its root',
      { Principal: { AWS: `${acct}:root` } },
      { type: 'AWS', id: ACCOUNT },
      true,
    ],
    [
      'Federated matches the provider',
      { Principal: { Federated: 'accounts.google.com' } },
      { type: 'Federated', id: 'accounts.google.com' },
      true,
    ],
    [
      'Federated host is case-insensitive',
      { Principal: { Federated: 'Accounts.Google.com' } },
      { type: 'Federated', id: 'accounts.google.com' },
      true,
    ],
    [
      'Federated does not match another provider',
      { Principal: { Federated: 'accounts.google.com' } },
      { type: 'Federated', id: 'graph.facebook.com' },
      false,
    ],
    [
      'type must match',
      { Principal: { Service: 'accounts.google.com' } },
      { type: 'Federated', id: 'accounts.google.com' },
      false,
    ],
    [
      'Service principal',
      { Principal: { Service: ['lambda.amazonaws.com', 'ec2.amazonaws.com'] } },
      { type: 'Service', id: 'ec2.amazonaws.com' },
      true,
    ],
    [
      'several principal types: any matches',
      { Principal: { AWS: ACCOUNT, Service: 'ec2.amazonaws.com' } },
      { type: 'Service', id: 'ec2.amazonaws.com' },
      true,
    ],
    [
      'NotPrincipal applies to others',
      { NotPrincipal: { AWS: `${acct}:user/admin` } },
      { type: 'AWS', id: `${acct}:user/u` },
      true,
    ],
    [
      'NotPrincipal does not apply to the listed',
      { NotPrincipal: { AWS: `${acct}:user/admin` } },
      { type: 'AWS', id: `${acct}:user/admin` },
      false,
    ],
    ['NotPrincipal applies to anonymous', { NotPrincipal: { AWS: `${acct}:user/admin` } }, undefined, true],
  ])('%s', (_name, principal, requestPrincipal, expected) => {
    const decision = evaluate({ ...list, principal: requestPrincipal }, { resource: [stmt(principal)] });
    expect(decision.decision === 'Allow').toBe(expected);
  });
});

describe('Decisions explain themselves', () => {
  test('Allow names the statement, policy label and Sid', () => {
    const d = evaluate(list, {
      identity: [
        policy([allow('s3:*'), { Sid: 'Sync', ...allow('cognito-sync:*') }], 'identity', 'inline/sync'),
      ],
    });
    expect(d).toEqual({
      decision: 'Allow',
      decidedBy: { policyType: 'identity', policy: 'inline/sync', statementIndex: 1, sid: 'Sync' },
      reason: 'Allowed by statement 1 (Sync) of identity policy inline/sync.',
    });
  });

  test('ExplicitDeny names the deny statement; the policy Id stands in for a missing label', () => {
    const doc = parsePolicy({
      Version: V,
      Id: 'guard',
      Statement: [allow('*'), { Sid: 'NoDelete', ...deny('cognito-sync:*') }],
    });
    const d = evaluate(list, [doc]);
    expect(d.decision).toBe('ExplicitDeny');
    expect(d.decidedBy).toEqual({
      policyType: 'identity',
      policy: 'guard',
      statementIndex: 1,
      sid: 'NoDelete',
    });
    expect(d.reason).toBe('Explicitly denied by statement 1 (NoDelete) of identity policy guard.');
  });

  test('unlabelled policies are named by slot and position', () => {
    const d = evaluate(list, { identity: [policy([allow('s3:*')]), policy([allow('*')])] });
    expect(d.decidedBy?.policy).toBe('identity[1]');
  });

  test('ImplicitDeny says what was missing', () => {
    expect(evaluate(list, {}).reason).toBe(
      `No identity-based or resource-based policy allows cognito-sync:ListRecords on ${DATASET}.`,
    );
    const bounded = evaluate(update, {
      identity: [policy([allow('*')], 'identity', 'admin')],
      boundary: [policy([allow('cognito-sync:List*')])],
    });
    expect(bounded).toEqual({
      decision: 'ImplicitDeny',
      reason: `Statement 0 of identity policy admin allows cognito-sync:UpdateRecords on ${DATASET}, but the permissions boundary does not.`,
    });
    const sessioned = evaluate(update, {
      identity: [policy([allow('*')], 'identity', 'admin')],
      session: [policy([allow('cognito-sync:List*')], 'session')],
    });
    expect(sessioned.reason).toMatch(/but no session policy does\.$/);
  });

  test('Allow within limits mentions them', () => {
    const d = evaluate(list, {
      identity: [policy([allow('*')], 'identity', 'admin')],
      boundary: [policy([allow('*')])],
      session: [policy([allow('*')], 'session')],
    });
    expect(d.reason).toBe(
      'Allowed by statement 0 of identity policy admin, within the permissions boundary and the session policy.',
    );
  });

  test('the first applicable Deny across all policies decides, even after an Allow', () => {
    const d = evaluate(list, {
      identity: [policy([allow('*')], 'identity', 'a')],
      session: [policy([allow('*'), deny('cognito-sync:ListRecords')], 'session', 's')],
    });
    expect(d.decidedBy).toMatchObject({ policyType: 'session', policy: 's', statementIndex: 1 });
  });
});
