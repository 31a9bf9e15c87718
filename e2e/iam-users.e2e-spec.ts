import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeletePolicyCommand,
  DeleteUserCommand,
  DeleteUserPermissionsBoundaryCommand,
  DeleteUserPolicyCommand,
  DetachUserPolicyCommand,
  GetAccessKeyLastUsedCommand,
  GetPolicyCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListAttachedUserPoliciesCommand,
  ListUserPoliciesCommand,
  ListUsersCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  UpdateAccessKeyCommand,
  UpdateUserCommand,
} from '@aws-sdk/client-iam';
import { randomBytes } from 'node:crypto';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { e2eSystem } from './support/e2e-context';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';

/**
 * IAM users, access keys, their inline and attached policies and permissions boundaries with
 * @aws-sdk/client-iam, each behaviour as the IAM API reference states it: CreateAccessKey ("This is
 * the only time the secret access key can be viewed"; "two access keys per user" quota),
 * DeleteUser ("you must delete the items attached to the user manually" first: DeleteConflict),
 * UpdateAccessKey (Active / Inactive), ListUsers (no PermissionsBoundary or Tags in the list),
 * GetAccessKeyLastUsed ("N/A" for a key never used). IAM answers NoSuchEntity 404,
 * EntityAlreadyExists 409, DeleteConflict 409 and LimitExceeded 409.
 */
describe('IAM users and access keys through the AWS SDK', () => {
  const system = e2eSystem();
  const admin = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const iam = new IAMClient({
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
  const others: IAMClient[] = [];

  afterAll(() => {
    iam.destroy();
    for (const c of others) c.destroy();
  });

  async function newUser(path = '/') {
    const { User } = await iam.send(new CreateUserCommand({ UserName: `user-${unique()}`, Path: path }));
    return User!;
  }

  it('creates, gets, lists, renames and deletes a user', async () => {
    const name = `Ann-${unique()}`;
    const path = `/team-${unique()}/`;
    const { User } = await iam.send(
      new CreateUserCommand({ UserName: name, Path: path, Tags: [{ Key: 'team', Value: 'ops' }] }),
    );
    expect(User).toMatchObject({
      UserName: name,
      Path: path,
      Arn: `arn:aws:iam::${ACCOUNT}:user${path}${name}`,
    });
    expect(User!.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(User!.CreateDate).toBeInstanceOf(Date);
    // IAM's names are case-insensitive.
    const got = await iam.send(new GetUserCommand({ UserName: name.toLowerCase() }));
    expect(got.User).toMatchObject({
      UserName: name,
      UserId: User!.UserId,
      Tags: [{ Key: 'team', Value: 'ops' }],
    });
    await expectAwsError(
      iam.send(new CreateUserCommand({ UserName: name.toUpperCase() })),
      'EntityAlreadyExistsException',
      {
        status: 409,
        message: `User with name ${name.toUpperCase()} already exists.`,
      },
    );

    const listed = await iam.send(new ListUsersCommand({ PathPrefix: path }));
    expect(listed.Users!.map((u) => u.UserName)).toEqual([name]);
    expect(listed.Users![0].Tags).toBeUndefined();

    const renamed = `Anna-${unique()}`;
    await iam.send(new UpdateUserCommand({ UserName: name, NewUserName: renamed, NewPath: '/moved/' }));
    const moved = (await iam.send(new GetUserCommand({ UserName: renamed }))).User!;
    expect(moved).toMatchObject({
      UserId: User!.UserId,
      Arn: `arn:aws:iam::${ACCOUNT}:user/moved/${renamed}`,
    });
    await expectAwsError(iam.send(new GetUserCommand({ UserName: name })), 'NoSuchEntityException', {
      status: 404,
      message: `The user with name ${name} cannot be found.`,
    });

    await iam.send(new DeleteUserCommand({ UserName: renamed }));
    await expectAwsError(iam.send(new DeleteUserCommand({ UserName: renamed })), 'NoSuchEntityException');
  });

  it('pages ListUsers with Marker', async () => {
    const path = `/page-${unique()}/`;
    const names = [];
    for (let i = 0; i < 3; i++) names.push((await newUser(path)).UserName!);
    const first = await iam.send(new ListUsersCommand({ PathPrefix: path, MaxItems: 2 }));
    expect(first).toMatchObject({ IsTruncated: true });
    const rest = await iam.send(new ListUsersCommand({ PathPrefix: path, Marker: first.Marker }));
    expect([...first.Users!, ...rest.Users!].map((u) => u.UserName)).toEqual([...names].sort());
    expect(rest.IsTruncated).toBe(false);
  });

  it('shows a secret once, allows two keys, switches and deletes them', async () => {
    const user = await newUser();
    const UserName = user.UserName!;
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName }));
    expect(AccessKey).toMatchObject({ UserName, Status: 'Active' });
    expect(AccessKey!.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(AccessKey!.SecretAccessKey).toHaveLength(40);
    const second = (await iam.send(new CreateAccessKeyCommand({ UserName }))).AccessKey!;
    await expectAwsError(iam.send(new CreateAccessKeyCommand({ UserName })), 'LimitExceededException', {
      status: 409,
      message: 'Cannot exceed quota for AccessKeysPerUser: 2',
    });

    const listed = await iam.send(new ListAccessKeysCommand({ UserName }));
    expect(listed.AccessKeyMetadata!.map((k) => k.AccessKeyId).sort()).toEqual(
      [AccessKey!.AccessKeyId, second.AccessKeyId].sort(),
    );
    // No operation gives the secret back.
    expect(JSON.stringify(listed)).not.toContain(AccessKey!.SecretAccessKey);

    await iam.send(
      new UpdateAccessKeyCommand({ UserName, AccessKeyId: AccessKey!.AccessKeyId, Status: 'Inactive' }),
    );
    const after = await iam.send(new ListAccessKeysCommand({ UserName }));
    expect(after.AccessKeyMetadata!.find((k) => k.AccessKeyId === AccessKey!.AccessKeyId)!.Status).toBe(
      'Inactive',
    );

    const lastUsed = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: second.AccessKeyId }));
    expect(lastUsed).toMatchObject({ UserName, AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' } });

    await expectAwsError(iam.send(new DeleteUserCommand({ UserName })), 'DeleteConflictException', {
      status: 409,
      message: 'Cannot delete entity, must delete access keys first.',
    });
    await iam.send(new DeleteAccessKeyCommand({ UserName, AccessKeyId: AccessKey!.AccessKeyId }));
    await iam.send(new DeleteAccessKeyCommand({ UserName, AccessKeyId: second.AccessKeyId }));
    await iam.send(new DeleteUserCommand({ UserName }));
  });

  it("refuses another user's key as one that does not exist, and says nothing of unknown keys", async () => {
    const owner = (await newUser()).UserName!;
    const stranger = (await newUser()).UserName!;
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: owner }))).AccessKey!;
    const unknown = `AKIA${'A'.repeat(16)}`;
    for (const id of [key.AccessKeyId!, unknown]) {
      await expectAwsError(
        iam.send(new UpdateAccessKeyCommand({ UserName: stranger, AccessKeyId: id, Status: 'Inactive' })),
        'NoSuchEntityException',
        { status: 404, message: `The Access Key with id ${id} cannot be found.` },
      );
      await expectAwsError(
        iam.send(new DeleteAccessKeyCommand({ UserName: stranger, AccessKeyId: id })),
        'NoSuchEntityException',
        { status: 404, message: `The Access Key with id ${id} cannot be found.` },
      );
    }
    // The owner's key is untouched by the refused calls.
    const listed = await iam.send(new ListAccessKeysCommand({ UserName: owner }));
    expect(listed.AccessKeyMetadata).toEqual([
      expect.objectContaining({ AccessKeyId: key.AccessKeyId, Status: 'Active' }),
    ]);
    await expectAwsError(
      iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: unknown })),
      'AccessDenied',
      {
        status: 403,
      },
    );
    await expectAwsError(
      iam.send(
        new UpdateAccessKeyCommand({ UserName: owner, AccessKeyId: key.AccessKeyId, Status: 'Off' as never }),
      ),
      'ValidationError',
    );
  });

  it('keeps inline policies, attachments and the boundary, and refuses deletion until they are gone', async () => {
    const UserName = (await newUser()).UserName!;
    await iam.send(
      new PutUserPolicyCommand({ UserName, PolicyName: 'read', PolicyDocument: allow('docs:Read') }),
    );
    const got = await iam.send(new GetUserPolicyCommand({ UserName, PolicyName: 'read' }));
    expect(JSON.parse(decodeURIComponent(got.PolicyDocument!))).toEqual(JSON.parse(allow('docs:Read')));
    expect((await iam.send(new ListUserPoliciesCommand({ UserName }))).PolicyNames).toEqual(['read']);
    await expectAwsError(
      iam.send(
        new PutUserPolicyCommand({ UserName, PolicyName: 'bad', PolicyDocument: '{"Statement":"no"}' }),
      ),
      'MalformedPolicyDocumentException',
    );
    await expectAwsError(
      iam.send(
        new PutUserPolicyCommand({
          UserName,
          PolicyName: 'big',
          PolicyDocument: allow(`docs:${'x'.repeat(2100)}`),
        }),
      ),
      'LimitExceededException',
      { status: 409, message: `Maximum policy size of 2048 bytes exceeded for user ${UserName}` },
    );

    const policy = (
      await iam.send(
        new CreatePolicyCommand({ PolicyName: `user-pol-${unique()}`, PolicyDocument: allow('docs:Write') }),
      )
    ).Policy!;
    await iam.send(new AttachUserPolicyCommand({ UserName, PolicyArn: policy.Arn }));
    await iam.send(new AttachUserPolicyCommand({ UserName, PolicyArn: policy.Arn })); // a no-op, as IAM
    expect((await iam.send(new ListAttachedUserPoliciesCommand({ UserName }))).AttachedPolicies).toEqual([
      { PolicyName: policy.PolicyName, PolicyArn: policy.Arn },
    ]);
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: policy.Arn }))).Policy!.AttachmentCount).toBe(1);
    await expectAwsError(
      iam.send(
        new AttachUserPolicyCommand({ UserName, PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }),
      ),
      'NoSuchEntityException',
    );
    await expectAwsError(
      iam.send(new DeletePolicyCommand({ PolicyArn: policy.Arn })),
      'DeleteConflictException',
    );

    await iam.send(new PutUserPermissionsBoundaryCommand({ UserName, PermissionsBoundary: policy.Arn }));
    expect((await iam.send(new GetUserCommand({ UserName }))).User!.PermissionsBoundary).toEqual({
      PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
      PermissionsBoundaryArn: policy.Arn,
    });

    await expectAwsError(iam.send(new DeleteUserCommand({ UserName })), 'DeleteConflictException', {
      status: 409,
      message: 'Cannot delete entity, must delete policies first.',
    });
    await iam.send(new DeleteUserPolicyCommand({ UserName, PolicyName: 'read' }));
    await expectAwsError(
      iam.send(new DeleteUserPolicyCommand({ UserName, PolicyName: 'read' })),
      'NoSuchEntityException',
      {
        status: 404,
        message: `The user policy with name read cannot be found for user ${UserName}.`,
      },
    );
    await expectAwsError(iam.send(new DeleteUserCommand({ UserName })), 'DeleteConflictException', {
      message: 'Cannot delete entity, must detach all policies first.',
    });
    await iam.send(new DetachUserPolicyCommand({ UserName, PolicyArn: policy.Arn }));
    await expectAwsError(
      iam.send(new DetachUserPolicyCommand({ UserName, PolicyArn: policy.Arn })),
      'NoSuchEntityException',
    );
    // Still the user's boundary: the policy cannot go yet.
    await expectAwsError(
      iam.send(new DeletePolicyCommand({ PolicyArn: policy.Arn })),
      'DeleteConflictException',
    );
    await iam.send(new DeleteUserPermissionsBoundaryCommand({ UserName }));
    expect((await iam.send(new GetUserCommand({ UserName }))).User!.PermissionsBoundary).toBeUndefined();
    await iam.send(new DeleteUserCommand({ UserName }));
    await iam.send(new DeletePolicyCommand({ PolicyArn: policy.Arn }));
  });

  it('refuses forged calls, and calls by an IAM user whose policies do not allow them', async () => {
    const UserName = (await newUser()).UserName!;
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName }))).AccessKey!;
    const forged = new IAMClient({
      region: REGION,
      endpoint: system.endpoint,
      credentials: { accessKeyId: admin.accessKeyId, secretAccessKey: `${admin.secretAccessKey}x` },
      maxAttempts: 1,
    });
    // A user's own key is decided by its policies (none here): no managing keys, its own included.
    const asUser = new IAMClient({
      region: REGION,
      endpoint: system.endpoint,
      credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! },
      maxAttempts: 1,
    });
    others.push(forged, asUser);
    await expectAwsError(
      forged.send(new CreateUserCommand({ UserName: `x-${unique()}` })),
      'SignatureDoesNotMatch',
    );
    await expectAwsError(asUser.send(new CreateAccessKeyCommand({ UserName })), 'AccessDenied', {
      status: 403,
    });
    expect((await iam.send(new ListAccessKeysCommand({ UserName }))).AccessKeyMetadata).toHaveLength(1);
  });
});
