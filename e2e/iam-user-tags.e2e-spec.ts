import {
  CognitoIdentityProviderClient,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  AddUserToGroupCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetUserCommand,
  IAMClient,
  ListRoleTagsCommand,
  ListUserTagsCommand,
  PutGroupPolicyCommand,
  PutUserPolicyCommand,
  TagRoleCommand,
  TagUserCommand,
  UntagUserCommand,
} from '@aws-sdk/client-iam';
import { randomBytes } from 'node:crypto';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { e2eSystem } from './support/e2e-context';

const REGION = 'us-east-1';

/**
 * IAM user tags (ADR 0046): TagUser / UntagUser / ListUserTags as the IAM API reference describes
 * them (at most 50 tags a user, `LimitExceeded`; keys compare case-insensitively), and the user's
 * tags as `aws:PrincipalTag/<key>` in the decisions of its requests (IAM User Guide, "Controlling
 * access for IAM principals": "aws:PrincipalTag/key-name ... the tag attached to the principal
 * making the request"), read on every request.
 */
describe('IAM user tags', () => {
  const system = e2eSystem();
  const admin = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const clients: { destroy(): void }[] = [];
  const iam = new IAMClient({
    region: REGION,
    endpoint: system.endpoint,
    credentials: admin,
    maxAttempts: 1,
  });
  clients.push(iam);
  const unique = () => randomBytes(4).toString('hex');

  afterAll(() => {
    for (const c of clients) c.destroy();
  });

  it('tags, lists, retags in another case and untags a user', async () => {
    const UserName = `tagged-${unique()}`;
    await iam.send(new CreateUserCommand({ UserName, Tags: [{ Key: 'Team', Value: 'dev' }] }));
    await iam.send(new TagUserCommand({ UserName, Tags: [{ Key: 'cost', Value: '7' }] }));
    await iam.send(new TagUserCommand({ UserName, Tags: [{ Key: 'team', Value: 'ops' }] }));
    expect((await iam.send(new ListUserTagsCommand({ UserName }))).Tags).toEqual([
      { Key: 'cost', Value: '7' },
      { Key: 'team', Value: 'ops' },
    ]);
    const page = await iam.send(new ListUserTagsCommand({ UserName, MaxItems: 1 }));
    expect(page.IsTruncated).toBe(true);
    expect((await iam.send(new ListUserTagsCommand({ UserName, Marker: page.Marker }))).Tags).toEqual([
      { Key: 'team', Value: 'ops' },
    ]);
    await iam.send(new UntagUserCommand({ UserName, TagKeys: ['COST', 'absent'] }));
    expect((await iam.send(new GetUserCommand({ UserName }))).User!.Tags).toEqual([
      { Key: 'team', Value: 'ops' },
    ]);
    await iam.send(
      new TagUserCommand({
        UserName,
        Tags: Array.from({ length: 49 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })),
      }),
    );
    await expectAwsError(
      iam.send(new TagUserCommand({ UserName, Tags: [{ Key: 'one-too-many', Value: 'v' }] })),
      'LimitExceededException',
      { status: 409 },
    );
    await expectAwsError(
      iam.send(new TagUserCommand({ UserName: `nobody-${unique()}`, Tags: [{ Key: 'a', Value: 'b' }] })),
      'NoSuchEntityException',
    );
  });

  it("decides aws:PrincipalTag on the user's current tags", async () => {
    const GroupName = `by-tag-${unique()}`;
    await iam.send(new CreateGroupCommand({ GroupName }));
    await iam.send(
      new PutGroupPolicyCommand({
        GroupName,
        PolicyName: 'ops-only',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'cognito-idp:ListUserPools',
              Resource: '*',
              Condition: { StringEquals: { 'aws:PrincipalTag/team': 'ops' } },
            },
          ],
        }),
      }),
    );
    const UserName = `tagged-signer-${unique()}`;
    await iam.send(new CreateUserCommand({ UserName, Tags: [{ Key: 'team', Value: 'dev' }] }));
    await iam.send(new AddUserToGroupCommand({ GroupName, UserName }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName }))).AccessKey!;
    const idp = new CognitoIdentityProviderClient({
      region: REGION,
      endpoint: system.endpoint,
      maxAttempts: 1,
      credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! },
    });
    clients.push(idp);
    await expectAwsError(idp.send(new ListUserPoolsCommand({ MaxResults: 5 })), 'AccessDeniedException');
    await iam.send(new TagUserCommand({ UserName, Tags: [{ Key: 'Team', Value: 'ops' }] }));
    expect((await idp.send(new ListUserPoolsCommand({ MaxResults: 5 }))).UserPools).toBeDefined();
    await iam.send(new UntagUserCommand({ UserName, TagKeys: ['team'] }));
    await expectAwsError(idp.send(new ListUserPoolsCommand({ MaxResults: 5 })), 'AccessDeniedException');
  });

  /**
   * Tag condition keys on IAM actions (IAM User Guide, "Controlling access to IAM resources" and
   * "Controlling access during AWS requests"): `aws:ResourceTag/<key>` is the tag on the user or
   * role the action acts on; `aws:RequestTag/<key>` a tag the request carries; `aws:TagKeys` the
   * keys the request carries or removes (UntagUser).
   */
  it('decides TagRole on aws:ResourceTag, TagUser on aws:RequestTag and UntagUser on aws:TagKeys', async () => {
    const ACCOUNT = '000000000000';
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' },
      ],
    });
    const blue = `blue-${unique()}`;
    const red = `red-${unique()}`;
    await iam.send(
      new CreateRoleCommand({
        RoleName: blue,
        AssumeRolePolicyDocument: trust,
        Tags: [{ Key: 'team', Value: 'blue' }],
      }),
    );
    await iam.send(
      new CreateRoleCommand({
        RoleName: red,
        AssumeRolePolicyDocument: trust,
        Tags: [{ Key: 'team', Value: 'red' }],
      }),
    );
    const target = `tag-target-${unique()}`;
    await iam.send(new CreateUserCommand({ UserName: target, Tags: [{ Key: 'project', Value: 'x' }] }));
    const UserName = `tag-admin-${unique()}`;
    await iam.send(new CreateUserCommand({ UserName }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName,
        PolicyName: 'tagging',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'iam:TagRole',
              Resource: '*',
              Condition: { StringEquals: { 'aws:ResourceTag/team': 'blue' } },
            },
            {
              Effect: 'Allow',
              Action: 'iam:TagUser',
              Resource: '*',
              Condition: { StringEquals: { 'aws:RequestTag/project': 'x' } },
            },
            { Effect: 'Allow', Action: 'iam:UntagUser', Resource: '*' },
            {
              Effect: 'Deny',
              Action: 'iam:UntagUser',
              Resource: '*',
              Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['project'] } },
            },
          ],
        }),
      }),
    );
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName }))).AccessKey!;
    const signer = new IAMClient({
      region: REGION,
      endpoint: system.endpoint,
      maxAttempts: 1,
      credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! },
    });
    clients.push(signer);
    const arn = `arn:aws:iam::${ACCOUNT}:user/${UserName}`;

    // aws:ResourceTag/team: the blue role may be tagged, the red one not.
    await signer.send(new TagRoleCommand({ RoleName: blue, Tags: [{ Key: 'note', Value: 'a' }] }));
    await expectAwsError(
      signer.send(new TagRoleCommand({ RoleName: red, Tags: [{ Key: 'note', Value: 'a' }] })),
      'AccessDenied',
      {
        status: 403,
        message: `User: ${arn} is not authorized to perform: iam:TagRole on resource: arn:aws:iam::${ACCOUNT}:role/${red} because no identity-based policy allows the iam:TagRole action`,
      },
    );
    expect((await iam.send(new ListRoleTagsCommand({ RoleName: red }))).Tags).toEqual([
      { Key: 'team', Value: 'red' },
    ]);
    // Read on every request: once the red role is retagged blue, it may be tagged.
    await iam.send(new TagRoleCommand({ RoleName: red, Tags: [{ Key: 'team', Value: 'blue' }] }));
    await signer.send(new TagRoleCommand({ RoleName: red, Tags: [{ Key: 'note', Value: 'b' }] }));

    // aws:RequestTag/project: only project=x, and not without it.
    await signer.send(
      new TagUserCommand({
        UserName: target,
        Tags: [
          { Key: 'project', Value: 'x' },
          { Key: 'cost', Value: '1' },
        ],
      }),
    );
    await expectAwsError(
      signer.send(new TagUserCommand({ UserName: target, Tags: [{ Key: 'project', Value: 'y' }] })),
      'AccessDenied',
      {
        status: 403,
      },
    );
    await expectAwsError(
      signer.send(new TagUserCommand({ UserName: target, Tags: [{ Key: 'cost', Value: '2' }] })),
      'AccessDenied',
    );

    // aws:TagKeys: removing `cost` is allowed, removing `project` (even beside another key) is not.
    await expectAwsError(
      signer.send(new UntagUserCommand({ UserName: target, TagKeys: ['cost', 'project'] })),
      'AccessDenied',
      {
        status: 403,
        message: `User: ${arn} is not authorized to perform: iam:UntagUser on resource: arn:aws:iam::${ACCOUNT}:user/${target} with an explicit deny in an identity-based policy`,
      },
    );
    await signer.send(new UntagUserCommand({ UserName: target, TagKeys: ['cost'] }));
    expect((await iam.send(new ListUserTagsCommand({ UserName: target }))).Tags).toEqual([
      { Key: 'project', Value: 'x' },
    ]);
  });
});
