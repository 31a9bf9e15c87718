import { parsePolicy } from './policy.parser';
import { contextKeysOf, simulate, SimulatedPolicy, statementSpans } from './policy.simulator';

function input(id: string, text: string, sourceType = 'none'): SimulatedPolicy {
  const kind = sourceType === 'resource' ? 'resource' : 'identity';
  return { id, sourceType, text, document: parsePolicy(text, { label: id, kind }) };
}

const allowRead = [
  '{',
  '  "Version": "2012-10-17",',
  '  "Statement": [',
  '    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},',
  '    {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/${aws:username}/*"},',
  '    {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*",',
  '     "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}',
  '  ]',
  '}',
].join('\n');

describe('simulate', () => {
  it('reports every granting statement of an allow, with its position', () => {
    const result = simulate(
      { action: 's3:GetObject', resource: 'arn:aws:s3:::b/alice/x', context: { 'aws:username': 'alice' } },
      { identity: [input('PolicyInputList.1', allowRead)] },
    );
    expect(result.decision).toBe('allowed');
    expect(result.matched).toEqual([
      {
        policyId: 'PolicyInputList.1',
        sourceType: 'none',
        start: { line: 4, column: 5 },
        end: { line: 4, column: 66 },
      },
      {
        policyId: 'PolicyInputList.1',
        sourceType: 'none',
        start: { line: 5, column: 5 },
        end: { line: 5, column: 89 },
      },
    ]);
    expect(result.missingContextKeys).toEqual([]);
  });

  it('reports only the deny of an explicit deny, and the keys a statement would read but was not given', () => {
    const denied = simulate(
      {
        action: 's3:DeleteObject',
        resource: 'arn:aws:s3:::b/alice/x',
        context: { 'aws:MultiFactorAuthPresent': false },
      },
      { identity: [input('p', allowRead)] },
    );
    expect(denied.decision).toBe('explicitDeny');
    expect(denied.matched).toEqual([
      expect.objectContaining({ start: { line: 6, column: 5 }, end: { line: 7, column: 68 } }),
    ]);
    expect(denied.missingContextKeys).toEqual(['aws:username']);

    const unknown = simulate(
      { action: 's3:DeleteObject', resource: 'arn:aws:s3:::other' },
      { identity: [input('p', allowRead)] },
    );
    expect(unknown.decision).toBe('implicitDeny');
    expect(unknown.matched).toEqual([]);
    // The variable cannot be resolved, so whether the second statement applies depends on it.
    expect(unknown.missingContextKeys).toEqual(['aws:username', 'aws:MultiFactorAuthPresent']);
  });

  it('limits an allow by the boundary and says whether the boundary allowed', () => {
    const boundary = input(
      'PermissionsBoundaryPolicyInputList.1',
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:List*","Resource":"*"}}',
    );
    const outside = simulate(
      { action: 's3:GetObject', resource: '*' },
      { identity: [input('p', allowRead)], boundary: [boundary] },
    );
    expect(outside).toMatchObject({ decision: 'implicitDeny', allowedByBoundary: false, matched: [] });
    const inside = simulate(
      { action: 's3:ListBucket', resource: 'arn:aws:s3:::b/alice/x', context: { 'aws:username': 'alice' } },
      { identity: [input('p', allowRead)], boundary: [boundary] },
    );
    expect(inside).toMatchObject({ decision: 'allowed', allowedByBoundary: true });
    expect(inside.matched.map((m) => m.policyId)).toEqual(['p']);
  });

  it('takes a resource policy for the named caller', () => {
    const resource = input(
      'ResourcePolicy',
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/bob"},"Action":"s3:PutObject","Resource":"*"}]}',
      'resource',
    );
    const asked = { action: 's3:PutObject', resource: 'arn:aws:s3:::b/k' };
    const bob = simulate(
      { ...asked, principal: { type: 'AWS', id: 'arn:aws:iam::111122223333:user/bob' } },
      { identity: [], resource },
    );
    expect(bob.decision).toBe('allowed');
    expect(bob.matched).toEqual([
      {
        policyId: 'ResourcePolicy',
        sourceType: 'resource',
        start: { line: 1, column: 38 },
        end: { line: 1, column: 151 },
      },
    ]);
    const eve = simulate(
      { ...asked, principal: { type: 'AWS', id: 'arn:aws:iam::111122223333:user/eve' } },
      { identity: [], resource },
    );
    expect(eve.decision).toBe('implicitDeny');
  });
});

describe('simulate: each policy type alone', () => {
  const boundary = input(
    'PermissionsBoundaryPolicyInputList.1',
    '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}}',
  );
  const bucketPolicy = input(
    'ResourcePolicy',
    '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/secret"}]}',
    'resource',
  );

  it('reports the identity, resource and boundary decisions apart from the overall one', () => {
    const caller = { type: 'AWS' as const, id: 'arn:aws:iam::111122223333:user/bob' };
    const open = simulate(
      { action: 's3:GetObject', resource: 'arn:aws:s3:::b/open', principal: caller },
      { identity: [input('p', allowRead)], boundary: [boundary], resource: bucketPolicy },
    );
    expect(open.decision).toBe('allowed');
    expect(open.byPolicyType).toEqual({ identity: 'allowed', resource: 'implicitDeny', boundary: 'allowed' });
    const secret = simulate(
      { action: 's3:GetObject', resource: 'arn:aws:s3:::b/secret', principal: caller },
      { identity: [input('p', allowRead)], boundary: [boundary], resource: bucketPolicy },
    );
    expect(secret.decision).toBe('explicitDeny');
    expect(secret.byPolicyType).toEqual({
      identity: 'allowed',
      resource: 'explicitDeny',
      boundary: 'allowed',
    });
  });

  it('leaves out the types not simulated, and an identity Deny wins over its Allow', () => {
    const result = simulate(
      { action: 's3:DeleteObject', resource: '*', context: { 'aws:MultiFactorAuthPresent': false } },
      {
        identity: [
          input('p', allowRead),
          input(
            'q',
            '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}',
          ),
        ],
      },
    );
    expect(result.byPolicyType).toEqual({ identity: 'explicitDeny' });
  });

  it("names the resource side of another account's resource even with no resource policy", () => {
    const result = simulate(
      { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' },
      { identity: [input('p', allowRead)], resourcePolicyMode: 'cross-account' },
    );
    expect(result.decision).toBe('implicitDeny');
    expect(result.byPolicyType).toEqual({ identity: 'allowed', resource: 'implicitDeny' });
  });
});

describe('statementSpans', () => {
  it('finds a single statement object and ignores braces inside strings', () => {
    const text = '{"Statement":{"Effect":"Allow","Action":"a:b","Resource":"x}{"},"Version":"2012-10-17"}';
    expect(statementSpans(text)).toEqual([{ start: { line: 1, column: 14 }, end: { line: 1, column: 63 } }]);
  });
});

describe('contextKeysOf', () => {
  it('lists condition keys and policy variables once each', () => {
    expect(contextKeysOf([parsePolicy(allowRead), parsePolicy(allowRead)])).toEqual([
      'aws:username',
      'aws:MultiFactorAuthPresent',
    ]);
  });
});
