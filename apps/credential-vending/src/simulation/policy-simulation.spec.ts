import { parsePolicy, SimulatedPolicy } from '@idfed/policy';
import { IamArns } from '../common/arns';
import { PolicySimulation } from './policy-simulation';

const ACCOUNT = '111122223333';
const simulation = new PolicySimulation(new IamArns(ACCOUNT));

function policy(id: string, statements: object[], sourceType = 'none'): SimulatedPolicy {
  const text = JSON.stringify({ Version: '2012-10-17', Statement: statements });
  return { id, sourceType, text, document: parsePolicy(text, { label: id, kind: 'identity' }) };
}

const identity = [
  policy('PolicyInputList.1', [
    { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::docs/*' },
    { Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::docs/secret' },
    {
      Effect: 'Allow',
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::docs/*',
      Condition: { StringEquals: { 's3:x-amz-acl': 'private' } },
    },
  ]),
];

describe('PolicySimulation.run', () => {
  it('answers one result per action, with each named resource decided on its own', () => {
    const out = simulation.run(
      {
        ActionNames: ['s3:GetObject', 's3:PutObject'],
        ResourceArns: ['arn:aws:s3:::docs/a', 'arn:aws:s3:::docs/secret', 'arn:aws:s3:::other/b'],
      },
      { identity, boundary: [] },
    );
    expect(out.IsTruncated).toBe(false);
    expect(out.EvaluationResults).toHaveLength(2);
    const [get, put] = out.EvaluationResults;
    expect(get).toMatchObject({
      EvalActionName: 's3:GetObject',
      EvalResourceName: '*',
      EvalDecision: 'explicitDeny',
    });
    // Only the statements behind the most restrictive decision are at the top.
    const denyAt = identity[0].text.indexOf('{"Effect":"Deny"') + 1;
    expect(get.MatchedStatements!.map((m) => m.StartPosition)).toEqual([{ Line: 1, Column: denyAt }]);
    expect(get.ResourceSpecificResults!.map((r) => [r.EvalResourceName, r.EvalResourceDecision])).toEqual([
      ['arn:aws:s3:::docs/a', 'allowed'],
      ['arn:aws:s3:::docs/secret', 'explicitDeny'],
      ['arn:aws:s3:::other/b', 'implicitDeny'],
    ]);
    expect(get.ResourceSpecificResults![0].MatchedStatements).toHaveLength(1);
    expect(get.ResourceSpecificResults![2].MatchedStatements).toEqual([]);
    // Same account with resources named: present, empty; nowhere per resource.
    expect(get.EvalDecisionDetails).toEqual({ entry: [] });
    expect(get.ResourceSpecificResults![0].EvalDecisionDetails).toBeUndefined();
    expect(put.EvalDecision).toBe('implicitDeny');
    expect(put.MissingContextValues).toEqual(['s3:x-amz-acl']);
    expect(put.ResourceSpecificResults!.map((r) => r.MissingContextValues)).toEqual([
      ['s3:x-amz-acl'],
      ['s3:x-amz-acl'],
      [],
    ]);
  });

  it('has neither ResourceSpecificResults nor EvalDecisionDetails for a same-account `*` simulation', () => {
    const out = simulation.run({ ActionNames: ['s3:GetObject', 's3:PutObject'] }, { identity, boundary: [] });
    expect(out.EvaluationResults).toEqual([
      {
        EvalActionName: 's3:GetObject',
        EvalResourceName: '*',
        EvalDecision: 'implicitDeny',
        MatchedStatements: [],
        MissingContextValues: [],
      },
      {
        EvalActionName: 's3:PutObject',
        EvalResourceName: '*',
        EvalDecision: 'implicitDeny',
        MatchedStatements: [],
        // The statement is for docs/*, which `*` is not: its condition key is not read.
        MissingContextValues: [],
      },
    ]);
  });

  it('reports the boundary per resource, and at the top only when it allowed every resource', () => {
    const boundary = [
      policy('PermissionsBoundaryPolicyInputList.1', [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::docs/a' },
      ]),
    ];
    const out = simulation.run(
      { ActionNames: ['s3:GetObject'], ResourceArns: ['arn:aws:s3:::docs/a', 'arn:aws:s3:::docs/b'] },
      { identity, boundary },
    );
    const [result] = out.EvaluationResults;
    expect(result.EvalDecision).toBe('implicitDeny');
    expect(result.PermissionsBoundaryDecisionDetail).toEqual({ AllowedByPermissionsBoundary: false });
    expect(
      result.ResourceSpecificResults!.map((r) => [
        r.EvalResourceDecision,
        r.PermissionsBoundaryDecisionDetail,
      ]),
    ).toEqual([
      ['allowed', { AllowedByPermissionsBoundary: true }],
      ['implicitDeny', { AllowedByPermissionsBoundary: false }],
    ]);
  });

  it("needs another account's resource policy too, and details each policy type's decision", () => {
    const caller = `arn:aws:iam::${ACCOUNT}:user/alice`;
    const resourcePolicy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: caller },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::docs/a',
        },
      ],
    });
    const out = simulation.run(
      {
        ActionNames: ['s3:GetObject'],
        ResourceArns: ['arn:aws:s3:::docs/a', 'arn:aws:s3:::docs/b'],
        ResourcePolicy: resourcePolicy,
        ResourceOwner: 'arn:aws:iam::444455556666:root',
      },
      { identity, boundary: [], caller },
    );
    const [result] = out.EvaluationResults;
    expect(
      result.ResourceSpecificResults!.map((r) => [r.EvalResourceDecision, r.EvalDecisionDetails]),
    ).toEqual([
      [
        'allowed',
        {
          entry: [
            { key: 'IAM Policy', value: 'allowed' },
            { key: 'Resource Policy', value: 'allowed' },
          ],
        },
      ],
      [
        'implicitDeny',
        {
          entry: [
            { key: 'IAM Policy', value: 'allowed' },
            { key: 'Resource Policy', value: 'implicitDeny' },
          ],
        },
      ],
    ]);
    expect(result.EvalDecision).toBe('implicitDeny');
    expect(result.EvalDecisionDetails).toEqual({
      entry: [
        { key: 'IAM Policy', value: 'allowed' },
        { key: 'Resource Policy', value: 'implicitDeny' },
      ],
    });

    // The same resource policy in the caller's own account: the identity Allow is enough.
    const same = simulation.run(
      {
        ActionNames: ['s3:GetObject'],
        ResourceArns: ['arn:aws:s3:::docs/b'],
        ResourcePolicy: resourcePolicy,
      },
      { identity, boundary: [], caller },
    );
    expect(same.EvaluationResults[0]).toMatchObject({
      EvalDecision: 'allowed',
      EvalDecisionDetails: { entry: [] },
    });
  });

  it("denies another account's resource that has no resource policy, as the resource side grants nothing", () => {
    const out = simulation.run(
      {
        ActionNames: ['s3:GetObject'],
        ResourceArns: ['arn:aws:s3:::docs/a'],
        ResourceOwner: 'arn:aws:iam::444455556666:root',
      },
      { identity, boundary: [] },
    );
    expect(out.EvaluationResults[0]).toMatchObject({
      EvalDecision: 'implicitDeny',
      EvalDecisionDetails: {
        entry: [
          { key: 'IAM Policy', value: 'allowed' },
          { key: 'Resource Policy', value: 'implicitDeny' },
        ],
      },
    });
  });

  it('pages by action, and refuses a marker from outside its own list', () => {
    const req = {
      ActionNames: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'],
      ResourceArns: ['arn:aws:s3:::docs/a', 'arn:aws:s3:::docs/b'],
      MaxItems: 2,
    };
    const first = simulation.run(req, { identity, boundary: [] });
    expect(first.EvaluationResults.map((r) => r.ResourceSpecificResults!.length)).toEqual([2, 2]);
    expect(first.IsTruncated).toBe(true);
    const rest = simulation.run({ ...req, Marker: first.Marker }, { identity, boundary: [] });
    expect(rest.EvaluationResults.map((r) => r.EvalActionName)).toEqual(['s3:ListBucket']);
    expect(rest.IsTruncated).toBe(false);
    expect(() =>
      simulation.run(
        { ...req, ActionNames: ['s3:GetObject'], Marker: first.Marker },
        { identity, boundary: [] },
      ),
    ).toThrow(expect.objectContaining({ errorName: 'ValidationError' }));
  });
});
