import {
  AddUserToGroupCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetContextKeysForCustomPolicyCommand,
  GetContextKeysForPrincipalPolicyCommand,
  IAMClient,
  ListUsersCommand,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { randomBytes } from 'node:crypto';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { e2eSystem } from './support/e2e-context';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';

/**
 * IAM's policy simulator (IAM API reference, SimulateCustomPolicy / SimulatePrincipalPolicy /
 * GetContextKeysFor*Policy): each action is evaluated against each resource (`*` when none is
 * given) and answered as `allowed`, `explicitDeny` or `implicitDeny`, one EvaluationResult per
 * action with the named resources' own results in ResourceSpecificResults; MatchedStatements lists the
 * statements that decided ("if only one statement denies ... the deny statement is the only entry
 * included"), MissingContextValues the context keys the policies use that the request did not give;
 * SimulatePrincipalPolicy reads a user's own policies, its groups' ("If you specify a user, then
 * the simulation also includes all of the policies that are attached to groups that the user
 * belongs to") and its boundary; the output is paged by MaxItems / Marker. The simulator shares the
 * policy engine of live decisions, so its answer for a user matches what the user's key is allowed.
 */
describe('IAM policy simulator', () => {
  const system = e2eSystem();
  const admin = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const clients: { destroy(): void }[] = [];
  const client = <T extends { destroy(): void }>(c: T): T => {
    clients.push(c);
    return c;
  };
  const iam = client(
    new IAMClient({ region: REGION, endpoint: system.endpoint, credentials: admin, maxAttempts: 1 }),
  );
  const unique = () => randomBytes(4).toString('hex');

  afterAll(() => {
    for (const c of clients) c.destroy();
  });

  const s3Policy = [
    '{',
    '  "Version": "2012-10-17",',
    '  "Statement": [',
    '    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::docs/*"},',
    '    {"Effect": "Deny", "Action": "s3:*", "Resource": "*",',
    '     "Condition": {"Bool": {"aws:SecureTransport": "false"}}}',
    '  ]',
    '}',
  ].join('\n');

  it('answers one result per action, each named resource in ResourceSpecificResults, with the deciding statements', async () => {
    const out = await iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [s3Policy],
        ActionNames: ['s3:GetObject', 's3:PutObject'],
        ResourceArns: ['arn:aws:s3:::docs/a.txt', 'arn:aws:s3:::private/b.txt'],
        ContextEntries: [
          { ContextKeyName: 'aws:SecureTransport', ContextKeyType: 'boolean', ContextKeyValues: ['true'] },
        ],
      }),
    );
    expect(out.IsTruncated).toBe(false);
    // "The simulator now returns a single EvaluationResult per action, regardless of how many
    // resource ARNs are provided"; the top-level decision is the most restrictive of the resources'.
    expect(out.EvaluationResults!.map((r) => [r.EvalActionName, r.EvalDecision])).toEqual([
      ['s3:GetObject', 'implicitDeny'],
      ['s3:PutObject', 'implicitDeny'],
    ]);
    const get = out.EvaluationResults![0];
    expect(
      get.ResourceSpecificResults!.map((r) => [
        r.EvalResourceName,
        r.EvalResourceDecision,
        r.MatchedStatements,
      ]),
    ).toEqual([
      [
        'arn:aws:s3:::docs/a.txt',
        'allowed',
        [
          {
            SourcePolicyId: 'PolicyInputList.1',
            SourcePolicyType: 'none',
            StartPosition: { Line: 4, Column: 5 },
            EndPosition: { Line: 4, Column: 84 },
          },
        ],
      ],
      ['arn:aws:s3:::private/b.txt', 'implicitDeny', []],
    ]);
    // Only the statements behind the reported (implicitDeny) decision are at the top: none.
    expect(get.MatchedStatements).toEqual([]);
    expect(get.MissingContextValues).toEqual([]);
    // "If the simulation evaluates policies within the same account and includes a resource ARN,
    // then the parameter is present but the response is empty"; per resource it is cross-account only.
    expect(get.EvalDecisionDetails).toEqual({});
    expect(get.ResourceSpecificResults![0].EvalDecisionDetails).toBeUndefined();

    const one = await iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [s3Policy],
        ActionNames: ['s3:GetObject'],
        ResourceArns: ['arn:aws:s3:::docs/a.txt'],
        ContextEntries: [
          { ContextKeyName: 'aws:SecureTransport', ContextKeyType: 'boolean', ContextKeyValues: ['true'] },
        ],
      }),
    );
    expect(one.EvaluationResults![0]).toMatchObject({
      EvalDecision: 'allowed',
      MatchedStatements: [{ SourcePolicyId: 'PolicyInputList.1', StartPosition: { Line: 4, Column: 5 } }],
    });

    // Over plain HTTP the Deny applies, and it is the only statement reported.
    const denied = await iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [s3Policy],
        ActionNames: ['s3:GetObject'],
        ResourceArns: ['arn:aws:s3:::docs/a.txt'],
        ContextEntries: [
          { ContextKeyName: 'aws:SecureTransport', ContextKeyType: 'boolean', ContextKeyValues: ['false'] },
        ],
      }),
    );
    expect(denied.EvaluationResults![0]).toMatchObject({
      EvalDecision: 'explicitDeny',
      MatchedStatements: [
        {
          SourcePolicyId: 'PolicyInputList.1',
          StartPosition: { Line: 5, Column: 5 },
          EndPosition: { Line: 6, Column: 61 },
        },
      ],
    });

    // Without the key the condition cannot be decided: it is reported missing.
    const unknown = await iam.send(
      new SimulateCustomPolicyCommand({ PolicyInputList: [s3Policy], ActionNames: ['s3:PutObject'] }),
    );
    expect(unknown.EvaluationResults![0]).toMatchObject({
      EvalResourceName: '*',
      EvalDecision: 'implicitDeny',
      MissingContextValues: ['aws:SecureTransport'],
    });
    // Same account, all resources: neither EvalDecisionDetails nor ResourceSpecificResults.
    expect(unknown.EvaluationResults![0].EvalDecisionDetails).toBeUndefined();
    expect(unknown.EvaluationResults![0].ResourceSpecificResults).toBeUndefined();

    // With resources named, each one's missing keys are its own, and the top lists them once.
    const perResource = await iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [s3Policy],
        ActionNames: ['s3:PutObject'],
        ResourceArns: ['arn:aws:s3:::docs/a.txt', 'arn:aws:s3:::private/b.txt'],
      }),
    );
    expect(perResource.EvaluationResults![0].MissingContextValues).toEqual(['aws:SecureTransport']);
    expect(
      perResource.EvaluationResults![0].ResourceSpecificResults!.map((r) => r.MissingContextValues),
    ).toEqual([['aws:SecureTransport'], ['aws:SecureTransport']]);
  });

  it('limits by a permissions boundary and says whether the boundary allowed', async () => {
    const boundary = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:List*', Resource: '*' }],
    });
    const wide = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
    });
    const out = await iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [wide],
        PermissionsBoundaryPolicyInputList: [boundary],
        ActionNames: ['s3:ListBucket', 's3:DeleteBucket'],
      }),
    );
    expect(out.EvaluationResults!.map((r) => [r.EvalDecision, r.PermissionsBoundaryDecisionDetail])).toEqual([
      ['allowed', { AllowedByPermissionsBoundary: true }],
      ['implicitDeny', { AllowedByPermissionsBoundary: false }],
    ]);
  });

  it('pages by action, every resource of an action on the same page', async () => {
    const wide = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sqs:Send*', Resource: '*' }],
    });
    const ResourceArns = ['arn:aws:sqs:us-east-1:000000000000:a', 'arn:aws:sqs:us-east-1:000000000000:b'];
    const first = await iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [wide],
        ActionNames: ['sqs:SendMessage', 'sqs:DeleteQueue'],
        ResourceArns,
        MaxItems: 1,
      }),
    );
    expect(first.IsTruncated).toBe(true);
    expect(first.EvaluationResults!.map((r) => r.ResourceSpecificResults!.length)).toEqual([2]);
  });

  it('pages the results with MaxItems and Marker', async () => {
    const wide = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sqs:Send*', Resource: '*' }],
    });
    const ActionNames = ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteQueue'];
    const first = await iam.send(
      new SimulateCustomPolicyCommand({ PolicyInputList: [wide], ActionNames, MaxItems: 2 }),
    );
    expect(first.IsTruncated).toBe(true);
    expect(first.EvaluationResults!.map((r) => r.EvalActionName)).toEqual(ActionNames.slice(0, 2));
    const rest = await iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [wide],
        ActionNames,
        MaxItems: 2,
        Marker: first.Marker,
      }),
    );
    expect(rest.IsTruncated).toBe(false);
    expect(rest.Marker).toBeUndefined();
    expect(rest.EvaluationResults!.map((r) => [r.EvalActionName, r.EvalDecision])).toEqual([
      ['sqs:DeleteQueue', 'implicitDeny'],
    ]);
    // A marker is no key into another simulation: one past its end, or forged, is refused.
    await expectAwsError(
      iam.send(
        new SimulateCustomPolicyCommand({
          PolicyInputList: [wide],
          ActionNames: ['sqs:SendMessage'],
          Marker: first.Marker,
        }),
      ),
      'ValidationError',
      { status: 400 },
    );
    await expectAwsError(
      iam.send(
        new SimulateCustomPolicyCommand({ PolicyInputList: [wide], ActionNames, Marker: 'bm90LWEtbWFya2Vy' }),
      ),
      'ValidationError',
      { status: 400 },
    );
  });

  it('evaluates a resource policy for the CallerArn only', async () => {
    const bucketPolicy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/reader` },
          Action: 's3:GetObject',
          Resource: '*',
        },
      ],
    });
    const none = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: 'ec2:*', Resource: '*' }],
    });
    const asked = {
      PolicyInputList: [none],
      ResourcePolicy: bucketPolicy,
      ActionNames: ['s3:GetObject'],
      ResourceArns: ['arn:aws:s3:::b/k'],
    };
    const reader = await iam.send(
      new SimulateCustomPolicyCommand({ ...asked, CallerArn: `arn:aws:iam::${ACCOUNT}:user/reader` }),
    );
    expect(reader.EvaluationResults![0]).toMatchObject({
      EvalDecision: 'allowed',
      MatchedStatements: [{ SourcePolicyId: 'ResourcePolicy', SourcePolicyType: 'resource' }],
    });
    const other = await iam.send(
      new SimulateCustomPolicyCommand({ ...asked, CallerArn: `arn:aws:iam::${ACCOUNT}:user/other` }),
    );
    expect(other.EvaluationResults![0].EvalDecision).toBe('implicitDeny');
    await expectAwsError(iam.send(new SimulateCustomPolicyCommand(asked)), 'InvalidInputException', {
      status: 400,
    });
  });

  it("needs another account's resource to allow too, and details each policy type's decision", async () => {
    const caller = `arn:aws:iam::${ACCOUNT}:user/reader`;
    const identity = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared/*' }],
    });
    const bucketPolicy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: caller },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::shared/open',
        },
        { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared/secret' },
      ],
    });
    const asked = {
      PolicyInputList: [identity],
      ResourcePolicy: bucketPolicy,
      CallerArn: caller,
      ActionNames: ['s3:GetObject'],
      ResourceArns: ['arn:aws:s3:::shared/open', 'arn:aws:s3:::shared/closed', 'arn:aws:s3:::shared/secret'],
    };
    // "When you make a cross-account request, AWS evaluates the request in the trusting account and
    // the trusted account. The request is allowed only if both evaluations return true."
    const cross = await iam.send(
      new SimulateCustomPolicyCommand({ ...asked, ResourceOwner: 'arn:aws:iam::444455556666:root' }),
    );
    const result = cross.EvaluationResults![0];
    expect(
      result.ResourceSpecificResults!.map((r) => [
        r.EvalResourceName,
        r.EvalResourceDecision,
        r.EvalDecisionDetails,
      ]),
    ).toEqual([
      ['arn:aws:s3:::shared/open', 'allowed', { 'IAM Policy': 'allowed', 'Resource Policy': 'allowed' }],
      [
        'arn:aws:s3:::shared/closed',
        'implicitDeny',
        { 'IAM Policy': 'allowed', 'Resource Policy': 'implicitDeny' },
      ],
      [
        'arn:aws:s3:::shared/secret',
        'explicitDeny',
        { 'IAM Policy': 'allowed', 'Resource Policy': 'explicitDeny' },
      ],
    ]);
    // The top: the most restrictive decision overall and per policy type, and only the Deny.
    expect(result).toMatchObject({
      EvalDecision: 'explicitDeny',
      EvalDecisionDetails: { 'IAM Policy': 'allowed', 'Resource Policy': 'explicitDeny' },
      MatchedStatements: [{ SourcePolicyId: 'ResourcePolicy', SourcePolicyType: 'resource' }],
    });

    // In the caller's own account (no ResourceOwner: the caller's), the identity Allow suffices.
    const same = await iam.send(new SimulateCustomPolicyCommand(asked));
    expect(same.EvaluationResults![0].ResourceSpecificResults!.map((r) => r.EvalResourceDecision)).toEqual([
      'allowed',
      'allowed',
      'explicitDeny',
    ]);
    expect(same.EvaluationResults![0].EvalDecisionDetails).toEqual({});

    // Another account's resource with no resource policy given grants nothing.
    const bare = await iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [identity],
        ActionNames: ['s3:GetObject'],
        ResourceArns: ['arn:aws:s3:::shared/open'],
        ResourceOwner: 'arn:aws:iam::444455556666:root',
      }),
    );
    expect(bare.EvaluationResults![0]).toMatchObject({
      EvalDecision: 'implicitDeny',
      EvalDecisionDetails: { 'IAM Policy': 'allowed', 'Resource Policy': 'implicitDeny' },
    });
  });

  it('refuses malformed policies and wildcard actions as InvalidInput, with no partial answer', async () => {
    await expectAwsError(
      iam.send(
        new SimulateCustomPolicyCommand({
          PolicyInputList: ['{"Statement": ['],
          ActionNames: ['s3:GetObject'],
        }),
      ),
      'InvalidInputException',
      { status: 400, message: /^PolicyInputList\.1 is not a valid policy/ },
    );
    const ok = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
    await expectAwsError(
      iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [ok], ActionNames: ['s3:*'] })),
      'InvalidInputException',
      { status: 400 },
    );
  });

  it("simulates a user's own, group and managed policies within its boundary, by the user's exact ARN", async () => {
    const UserName = `sim-${unique()}`;
    const GroupName = `sim-group-${unique()}`;
    const Path = '/division/';
    const user = (await iam.send(new CreateUserCommand({ UserName, Path }))).User!;
    expect(user.Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/division/${UserName}`);
    await iam.send(new CreateGroupCommand({ GroupName }));
    await iam.send(new AddUserToGroupCommand({ GroupName, UserName }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName,
        PolicyName: 'own',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }],
        }),
      }),
    );
    await iam.send(
      new PutGroupPolicyCommand({
        GroupName,
        PolicyName: 'team',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'sqs:ReceiveMessage',
              Resource: '*',
              Condition: { StringEquals: { 'aws:RequestTag/team': 'a' } },
            },
          ],
        }),
      }),
    );
    const managed = (
      await iam.send(
        new CreatePolicyCommand({
          PolicyName: `sim-managed-${unique()}`,
          PolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: ['sqs:DeleteQueue', 'sns:Publish'], Resource: '*' }],
          }),
        }),
      )
    ).Policy!;
    const bound = (
      await iam.send(
        new CreatePolicyCommand({
          PolicyName: `sim-bound-${unique()}`,
          PolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }],
          }),
        }),
      )
    ).Policy!;
    await iam.send(new AttachUserPolicyCommand({ UserName, PolicyArn: managed.Arn }));
    await iam.send(new PutUserPermissionsBoundaryCommand({ UserName, PermissionsBoundary: bound.Arn }));

    const out = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: user.Arn,
        ActionNames: ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteQueue', 'sns:Publish'],
        ContextEntries: [
          { ContextKeyName: 'aws:RequestTag/team', ContextKeyType: 'string', ContextKeyValues: ['a'] },
        ],
      }),
    );
    expect(
      out.EvaluationResults!.map((r) => [
        r.EvalActionName,
        r.EvalDecision,
        r.MatchedStatements!.map((m) => [m.SourcePolicyId, m.SourcePolicyType]),
        r.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary,
      ]),
    ).toEqual([
      ['sqs:SendMessage', 'allowed', [['own', 'user']], true],
      ['sqs:ReceiveMessage', 'allowed', [['team', 'group']], true],
      ['sqs:DeleteQueue', 'allowed', [[managed.PolicyName, 'user-managed']], true],
      // Allowed by the managed policy but outside the boundary.
      ['sns:Publish', 'implicitDeny', [], false],
    ]);

    // A given boundary replaces the stored one.
    const narrower = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sns:*', Resource: '*' }],
    });
    const swapped = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: user.Arn,
        ActionNames: ['sns:Publish', 'sqs:SendMessage'],
        PermissionsBoundaryPolicyInputList: [narrower],
      }),
    );
    expect(swapped.EvaluationResults!.map((r) => r.EvalDecision)).toEqual(['allowed', 'implicitDeny']);

    const keys = await iam.send(new GetContextKeysForPrincipalPolicyCommand({ PolicySourceArn: user.Arn }));
    expect(keys.ContextKeyNames).toEqual(['aws:RequestTag/team']);

    // The ARN must be the user's own: the default path, another account or an unknown name are refused.
    await expectAwsError(
      iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/${UserName}`,
          ActionNames: ['sqs:SendMessage'],
        }),
      ),
      'NoSuchEntityException',
      { status: 404 },
    );
    await expectAwsError(
      iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: `arn:aws:iam::111122223333:user/division/${UserName}`,
          ActionNames: ['sqs:SendMessage'],
        }),
      ),
      'InvalidInputException',
      { status: 400 },
    );
    await expectAwsError(
      iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/nobody-${unique()}`,
          ActionNames: ['sqs:SendMessage'],
        }),
      ),
      'NoSuchEntityException',
      { status: 404 },
    );
  });

  it("simulates a role's inline policies", async () => {
    const RoleName = `sim-role-${unique()}`;
    const role = (
      await iam.send(
        new CreateRoleCommand({
          RoleName,
          AssumeRolePolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
                Action: 'sts:AssumeRole',
              },
            ],
          }),
        }),
      )
    ).Role!;
    await iam.send(
      new PutRolePolicyCommand({
        RoleName,
        PolicyName: 'reads',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' }],
        }),
      }),
    );
    const out = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: role.Arn,
        ActionNames: ['dynamodb:GetItem', 'dynamodb:PutItem'],
      }),
    );
    expect(
      out.EvaluationResults!.map((r) => [
        r.EvalDecision,
        r.MatchedStatements!.map((m) => m.SourcePolicyType),
      ]),
    ).toEqual([
      ['allowed', ['role']],
      ['implicitDeny', []],
    ]);
    // "Simulation of resource-based policies isn't supported for IAM roles", even with a CallerArn.
    await expectAwsError(
      iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: role.Arn,
          ActionNames: ['dynamodb:GetItem'],
          ResourcePolicy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: '*', Action: 'dynamodb:GetItem', Resource: '*' }],
          }),
          CallerArn: role.Arn,
        }),
      ),
      'InvalidInputException',
      { status: 400, message: 'A ResourcePolicy can be simulated only for an IAM user.' },
    );
  });

  it('lists the context keys of custom policies, variables included', async () => {
    const out = await iam.send(
      new GetContextKeysForCustomPolicyCommand({
        PolicyInputList: [
          s3Policy,
          JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::home/${aws:username}/*' }],
          }),
        ],
      }),
    );
    expect(out.ContextKeyNames).toEqual(['aws:SecureTransport', 'aws:username']);
  });

  it("agrees with live decisions, and keeps a user's key from reading another user's permissions", async () => {
    const UserName = `sim-live-${unique()}`;
    const other = `sim-other-${unique()}`;
    const user = (await iam.send(new CreateUserCommand({ UserName }))).User!;
    const otherUser = (await iam.send(new CreateUserCommand({ UserName: other }))).User!;
    await iam.send(
      new PutUserPolicyCommand({
        UserName,
        PolicyName: 'self-simulation',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'iam:SimulatePrincipalPolicy',
              Resource: 'arn:aws:iam::*:user/${aws:username}',
            },
            { Effect: 'Allow', Action: 'iam:SimulateCustomPolicy', Resource: '*' },
          ],
        }),
      }),
    );
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName }))).AccessKey!;
    const own = client(
      new IAMClient({
        region: REGION,
        endpoint: system.endpoint,
        credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! },
        maxAttempts: 1,
      }),
    );
    const self = await own.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: user.Arn,
        ActionNames: ['iam:SimulateCustomPolicy', 'iam:ListUsers'],
      }),
    );
    expect(self.EvaluationResults!.map((r) => r.EvalDecision)).toEqual(['allowed', 'implicitDeny']);
    // The live answer for the action the simulator denied.
    await expectAwsError(own.send(new ListUsersCommand({})), 'AccessDenied', { status: 403 });
    // A key without iam:SimulatePrincipalPolicy / iam:SimulateCustomPolicy gets no answer at all.
    const bare = (await iam.send(new CreateUserCommand({ UserName: `sim-bare-${unique()}` }))).User!;
    const bareKey = (await iam.send(new CreateAccessKeyCommand({ UserName: bare.UserName }))).AccessKey!;
    const bareClient = client(
      new IAMClient({
        region: REGION,
        endpoint: system.endpoint,
        credentials: { accessKeyId: bareKey.AccessKeyId!, secretAccessKey: bareKey.SecretAccessKey! },
        maxAttempts: 1,
      }),
    );
    await expectAwsError(
      bareClient.send(
        new SimulatePrincipalPolicyCommand({ PolicySourceArn: bare.Arn, ActionNames: ['s3:GetObject'] }),
      ),
      'AccessDenied',
      { status: 403 },
    );
    await expectAwsError(
      bareClient.send(
        new SimulateCustomPolicyCommand({
          PolicyInputList: [
            '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}',
          ],
          ActionNames: ['s3:GetObject'],
        }),
      ),
      'AccessDenied',
      { status: 403 },
    );
    // Another user's permissions are not the caller's to read.
    await expectAwsError(
      own.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: otherUser.Arn,
          ActionNames: ['iam:ListUsers'],
        }),
      ),
      'AccessDenied',
      { status: 403 },
    );
  });
});
