import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DetachRolePolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  IAMClient,
  ListEntitiesForPolicyCommand,
  ListPoliciesCommand,
  ListPolicyVersionsCommand,
  SetDefaultPolicyVersionCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { randomBytes } from 'node:crypto';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { eventually } from '../libs/testing/src/eventually';
import { authorizeDeviceRequest } from './support/authorize';
import { e2eSystem } from './support/e2e-context';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';

/**
 * IAM managed policy versions and listings with @aws-sdk/client-iam, each behaviour as the IAM API
 * reference states it: CreatePolicyVersion ("A managed policy can have up to five versions"),
 * version ids that only grow, DeletePolicyVersion ("You cannot delete the default version"),
 * DeletePolicy ("you must delete all the policy's versions" first), SetDefaultPolicyVersion
 * ("sets the specified version ... as the policy's default (operative) version ... affects all
 * users, groups, and roles that the policy is attached to"), ListPolicies (no Description or Tags
 * in the list) and ListEntitiesForPolicy. The last is checked through the authorizer: a role's
 * session is decided by the policy's new default version.
 */
describe('IAM managed policy versions through the AWS SDK', () => {
  const system = e2eSystem();
  const admin = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const iam = new IAMClient({
    region: REGION,
    endpoint: system.endpoint,
    credentials: admin,
    maxAttempts: 1,
  });
  const sts = new STSClient({
    region: REGION,
    endpoint: system.endpoint,
    credentials: admin,
    maxAttempts: 1,
  });
  const unique = () => randomBytes(4).toString('hex');
  const allow = (action: string) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }],
    });

  afterAll(() => {
    iam.destroy();
    sts.destroy();
  });

  async function newPolicy(path = '/') {
    const { Policy } = await iam.send(
      new CreatePolicyCommand({
        PolicyName: `versions-${unique()}`,
        Path: path,
        PolicyDocument: allow('docs:GetDocument'),
        Description: 'readers',
        Tags: [{ Key: 'team', Value: 'docs' }],
      }),
    );
    return Policy!;
  }

  /** The authorizer's decision for `action` by a session of the role. */
  async function decision(
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string },
    action: string,
  ) {
    return (await authorizeDeviceRequest(credentials, { action, resource: '*', path: '/x' })).allowed;
  }

  it('creates versions v2..v5, refuses a sixth, and never reuses a number', async () => {
    const policy = await newPolicy();
    const arn = policy.Arn!;
    for (const n of [2, 3, 4, 5]) {
      const { PolicyVersion } = await iam.send(
        new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allow(`docs:Action${n}`) }),
      );
      expect(PolicyVersion).toMatchObject({ VersionId: `v${n}`, IsDefaultVersion: false });
      expect(PolicyVersion!.CreateDate).toBeInstanceOf(Date);
      expect(PolicyVersion!.Document).toBeUndefined();
    }
    await expectAwsError(
      iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allow('docs:Six') })),
      'LimitExceededException',
      // IAM's LimitExceeded is 409; the SDK names it as Cognito's 400 LimitExceededException.
      { status: 409, message: /up to 5 versions/ },
    );
    const listed = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }));
    expect(listed.Versions!.map((v) => [v.VersionId, v.IsDefaultVersion])).toEqual([
      ['v5', false],
      ['v4', false],
      ['v3', false],
      ['v2', false],
      ['v1', true],
    ]);
    const paged = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn, MaxItems: 2 }));
    expect(paged).toMatchObject({ IsTruncated: true });
    const rest = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn, Marker: paged.Marker }));
    expect(rest.Versions!.map((v) => v.VersionId)).toEqual(['v3', 'v2', 'v1']);

    await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v5' }));
    const next = await iam.send(
      new CreatePolicyVersionCommand({
        PolicyArn: arn,
        PolicyDocument: allow('docs:Six'),
        SetAsDefault: true,
      }),
    );
    expect(next.PolicyVersion).toMatchObject({ VersionId: 'v6', IsDefaultVersion: true });
    const got = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v6' }));
    // IAM sends policy documents URL-encoded; the SDK leaves them so.
    expect(JSON.parse(decodeURIComponent(got.PolicyVersion!.Document!))).toEqual(
      JSON.parse(allow('docs:Six')),
    );
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy!.DefaultVersionId).toBe('v6');
  });

  it('refuses what IAM refuses: the default version deleted, unknown versions, malformed input', async () => {
    const arn = (await newPolicy()).Arn!;
    await expectAwsError(
      iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' })),
      'DeleteConflictException',
      'Cannot delete the default version of a policy.',
    );
    for (const call of [
      new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v7' }),
      new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v7' }),
      new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v7' }),
    ]) {
      await expectAwsError(
        iam.send(call as never),
        'NoSuchEntityException',
        `Policy ${arn} version v7 does not exist or is not attachable.`,
      );
    }
    await expectAwsError(
      iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'latest' })),
      'ValidationError',
    );
    await expectAwsError(
      iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: '{"Statement":"no"}' })),
      'MalformedPolicyDocumentException',
    );
    const gone = arn.replace(/[^/]+$/, `missing-${unique()}`);
    await expectAwsError(
      iam.send(new CreatePolicyVersionCommand({ PolicyArn: gone, PolicyDocument: allow('docs:X') })),
      'NoSuchEntityException',
    );
    // Nothing of the refused calls was stored.
    const listed = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }));
    expect(listed.Versions!.map((v) => v.VersionId)).toEqual(['v1']);
  });

  it('deletes a policy only once its other versions are gone', async () => {
    const arn = (await newPolicy()).Arn!;
    await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allow('docs:Two') }));
    await expectAwsError(
      iam.send(new DeletePolicyCommand({ PolicyArn: arn })),
      'DeleteConflictException',
      /more than one version/,
    );
    await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v2' }));
    await iam.send(new DeletePolicyCommand({ PolicyArn: arn }));
    await expectAwsError(iam.send(new GetPolicyCommand({ PolicyArn: arn })), 'NoSuchEntityException');
  });

  it('lists policies and the roles they are attached to, and decides sessions by the default version', async () => {
    const path = `/versions-${unique()}/`;
    const attached = await newPolicy(path);
    const idle = await newPolicy(path);
    const roleName = `versions-${unique()}`;
    await iam.send(
      new CreateRoleCommand({
        RoleName: roleName,
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' },
          ],
        }),
      }),
    );
    await iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: attached.Arn! }));

    const all = await iam.send(new ListPoliciesCommand({ PathPrefix: path, Scope: 'Local' }));
    expect(all.Policies!.map((p) => [p.PolicyName, p.AttachmentCount]).sort()).toEqual(
      [
        [attached.PolicyName, 1],
        [idle.PolicyName, 0],
      ].sort(),
    );
    // As IAM: the list gives neither description nor tags.
    expect(all.Policies!.every((p) => p.Description === undefined && p.Tags === undefined)).toBe(true);
    const onlyAttached = await iam.send(new ListPoliciesCommand({ PathPrefix: path, OnlyAttached: true }));
    expect(onlyAttached.Policies!.map((p) => p.Arn)).toEqual([attached.Arn]);
    expect((await iam.send(new ListPoliciesCommand({ PathPrefix: path, Scope: 'AWS' }))).Policies).toEqual(
      [],
    );
    const entities = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: attached.Arn! }));
    expect(entities.PolicyRoles!.map((r) => r.RoleName)).toEqual([roleName]);
    expect(entities.PolicyUsers).toEqual([]);
    expect(entities.PolicyGroups).toEqual([]);

    const { Credentials: c } = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${ACCOUNT}:role/${roleName}`,
        RoleSessionName: 'versions',
      }),
    );
    const session = {
      accessKeyId: c!.AccessKeyId!,
      secretAccessKey: c!.SecretAccessKey!,
      sessionToken: c!.SessionToken!,
    };
    expect(await decision(session, 'docs:GetDocument')).toBe(true);
    expect(await decision(session, 'docs:PutDocument')).toBe(false);
    await iam.send(
      new CreatePolicyVersionCommand({
        PolicyArn: attached.Arn!,
        PolicyDocument: allow('docs:PutDocument'),
        SetAsDefault: true,
      }),
    );
    // The authorizer caches a role's policies for a few seconds, then decides by the new default.
    await eventually(
      async () => {
        expect(await decision(session, 'docs:PutDocument')).toBe(true);
        expect(await decision(session, 'docs:GetDocument')).toBe(false);
      },
      { timeoutMs: 15_000, intervalMs: 500 },
    );
    await iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: attached.Arn!, VersionId: 'v1' }));
    await eventually(async () => expect(await decision(session, 'docs:GetDocument')).toBe(true), {
      timeoutMs: 15_000,
      intervalMs: 500,
    });
    await iam.send(new DetachRolePolicyCommand({ RoleName: roleName, PolicyArn: attached.Arn! }));
  });
});
