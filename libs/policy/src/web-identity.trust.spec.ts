import { parsePolicy } from './policy.parser';
import { DecisionKind, RequestContext } from './policy.types';
import { evaluateWebIdentityTrust, webIdentityContext, webIdentityKeyPrefix } from './web-identity.trust';

/**
 * Role trust policies for AssumeRoleWithWebIdentity, modelled on the IAM User Guide's examples
 * ("Creating a role for web identity or OpenID Connect federation", "Role trust policies for
 * Amazon Cognito identity pools" and "Available keys for AWS web identity federation").
 */
const ROLE = 'arn:aws:iam::123456789012:role/Cognito_PoolAuth_Role';
const POOL = 'us-east-1:12345678-abcd-abcd-abcd-123456789012';
const COGNITO = 'cognito-identity.amazonaws.com';
const OIDC = 'arn:aws:iam::123456789012:oidc-provider/token.actions.example.com/org';

const cognitoTrust = parsePolicy(
  {
    Version: '2012-10-17',
    Statement: {
      Effect: 'Allow',
      Principal: { Federated: COGNITO },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'cognito-identity.amazonaws.com:aud': POOL },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
      },
    },
  },
  { kind: 'trust', label: 'Cognito_PoolAuth_Role' },
);

const googleTrust = parsePolicy(
  {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Google',
        Effect: 'Allow',
        Principal: { Federated: 'accounts.google.com' },
        Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
        Condition: { StringEquals: { 'accounts.google.com:aud': 'client-123.apps.googleusercontent.com' } },
      },
      {
        Sid: 'BlockedUser',
        Effect: 'Deny',
        Principal: { Federated: 'accounts.google.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { 'accounts.google.com:sub': '110000000000000000666' } },
      },
    ],
  },
  { kind: 'trust' },
);

const oidcTrust = parsePolicy(
  {
    Version: '2012-10-17',
    Statement: {
      Effect: 'Allow',
      Principal: { Federated: OIDC },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'token.actions.example.com/org:aud': 'sts.amazonaws.com' },
        StringLike: { 'token.actions.example.com/org:sub': 'repo:org/app:*' },
      },
    },
  },
  { kind: 'trust' },
);

describe('Trust policies for AssumeRoleWithWebIdentity', () => {
  const amr = 'cognito-identity.amazonaws.com:amr';
  test.each<[string, ReturnType<typeof parsePolicy>, string, RequestContext, DecisionKind, string?]>([
    [
      'Cognito authenticated identity of the pool',
      cognitoTrust,
      COGNITO,
      {
        'cognito-identity.amazonaws.com:aud': POOL,
        [amr]: ['authenticated', 'accounts.google.com', 'accounts.google.com:123'],
      },
      'Allow',
    ],
    [
      'Cognito unauthenticated identity',
      cognitoTrust,
      COGNITO,
      {
        'cognito-identity.amazonaws.com:aud': POOL,
        [amr]: ['unauthenticated'],
      },
      'ImplicitDeny',
    ],
    [
      'Cognito identity of another pool',
      cognitoTrust,
      COGNITO,
      {
        'cognito-identity.amazonaws.com:aud': 'us-east-1:other',
        [amr]: ['authenticated'],
      },
      'ImplicitDeny',
    ],
    [
      'Cognito without amr',
      cognitoTrust,
      COGNITO,
      { 'cognito-identity.amazonaws.com:aud': POOL },
      'ImplicitDeny',
    ],
    [
      'another provider cannot use the Cognito trust',
      cognitoTrust,
      'accounts.google.com',
      {
        'cognito-identity.amazonaws.com:aud': POOL,
        [amr]: ['authenticated'],
      },
      'ImplicitDeny',
    ],
    [
      'Google with the right audience',
      googleTrust,
      'accounts.google.com',
      {
        'accounts.google.com:aud': 'client-123.apps.googleusercontent.com',
        'accounts.google.com:sub': '110000000000000000001',
      },
      'Allow',
    ],
    [
      'Google with another audience',
      googleTrust,
      'accounts.google.com',
      {
        'accounts.google.com:aud': 'client-999.apps.googleusercontent.com',
      },
      'ImplicitDeny',
    ],
    [
      'Google user explicitly denied',
      googleTrust,
      'accounts.google.com',
      {
        'accounts.google.com:aud': 'client-123.apps.googleusercontent.com',
        'accounts.google.com:sub': '110000000000000000666',
      },
      'ExplicitDeny',
    ],
    [
      'OIDC provider ARN with matching claims',
      oidcTrust,
      OIDC,
      {
        'token.actions.example.com/org:aud': 'sts.amazonaws.com',
        'token.actions.example.com/org:sub': 'repo:org/app:ref:refs/heads/main',
      },
      'Allow',
    ],
    [
      'OIDC provider with a foreign subject',
      oidcTrust,
      OIDC,
      {
        'token.actions.example.com/org:aud': 'sts.amazonaws.com',
        'token.actions.example.com/org:sub': 'repo:evil/app:ref:refs/heads/main',
      },
      'ImplicitDeny',
    ],
    [
      'OIDC: other provider ARN',
      oidcTrust,
      'arn:aws:iam::123456789012:oidc-provider/other.example.com',
      {
        'token.actions.example.com/org:aud': 'sts.amazonaws.com',
        'token.actions.example.com/org:sub': 'repo:org/app:x',
      },
      'ImplicitDeny',
    ],
  ])('%s', (...[, trust, provider, context, expected]) => {
    expect(evaluateWebIdentityTrust(trust, { provider, roleArn: ROLE, context }).decision).toBe(expected);
  });

  test('sts:TagSession is checked with the same trust policy', () => {
    const context = { 'accounts.google.com:aud': 'client-123.apps.googleusercontent.com' };
    const d = evaluateWebIdentityTrust(googleTrust, {
      provider: 'accounts.google.com',
      roleArn: ROLE,
      context,
      action: 'sts:TagSession',
    });
    expect(d.decision).toBe('Allow');
    const c = evaluateWebIdentityTrust(cognitoTrust, {
      provider: COGNITO,
      roleArn: ROLE,
      context,
      action: 'sts:TagSession',
    });
    expect(c.decision).toBe('ImplicitDeny');
  });

  test('the decision names the trust policy statement', () => {
    const d = evaluateWebIdentityTrust(cognitoTrust, {
      provider: COGNITO,
      roleArn: ROLE,
      context: { 'cognito-identity.amazonaws.com:aud': POOL, [amr]: ['authenticated'] },
    });
    expect(d.decidedBy).toEqual({
      policyType: 'resource',
      policy: 'Cognito_PoolAuth_Role',
      statementIndex: 0,
      sid: undefined,
    });
  });

  test('an identity policy passed as a trust policy grants nothing', () => {
    const identity = parsePolicy({
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: '*', Resource: '*' },
    });
    expect(evaluateWebIdentityTrust(identity, { provider: COGNITO, roleArn: ROLE }).decision).toBe(
      'ImplicitDeny',
    );
  });
});

describe('Available keys for AWS web identity federation — key names', () => {
  test.each([
    ['accounts.google.com', 'accounts.google.com'],
    [COGNITO, COGNITO],
    [OIDC, 'token.actions.example.com/org'],
    ['arn:aws:iam::123456789012:oidc-provider/issuer.example.com', 'issuer.example.com'],
  ])('prefix for %s', (provider, prefix) => {
    expect(webIdentityKeyPrefix(provider)).toBe(prefix);
  });

  test('webIdentityContext prefixes claims and keeps arrays multivalued', () => {
    expect(
      webIdentityContext(COGNITO, {
        aud: POOL,
        sub: 'us-east-1:id',
        amr: ['authenticated'],
        absent: undefined,
      }),
    ).toEqual({
      'cognito-identity.amazonaws.com:aud': POOL,
      'cognito-identity.amazonaws.com:sub': 'us-east-1:id',
      'cognito-identity.amazonaws.com:amr': ['authenticated'],
    });
  });
});
