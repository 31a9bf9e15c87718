import {
  CreateAccessKeyCommand,
  DeleteAccessKeyCommand,
  GetUserCommand,
  IAMClient,
  ListAccessKeysCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { iamUserWithKey } from './support/iam-principals';
import { e2eSystem } from './support/e2e-context';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';

/**
 * IAM operations whose UserName is optional act on the caller. IAM API reference (GetUser,
 * CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey): "If you do not specify a user
 * name, IAM determines the user name implicitly based on the Amazon Web Services access key ID
 * used to sign the request"; GetUser signed by the root answers the root (its account id as
 * UserId, `arn:aws:iam::<account>:root`). The decision is on the caller's own ARN, so the usual
 * "manage your own keys" policy (`arn:aws:iam::*:user/${aws:username}`) allows it, and nothing more.
 */
describe('IAM operations that default to the caller', () => {
  const system = e2eSystem();
  const admin = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const clients: { destroy(): void }[] = [];
  const client = (credentials: { accessKeyId: string; secretAccessKey: string }) => {
    const c = new IAMClient({ region: REGION, endpoint: system.endpoint, credentials, maxAttempts: 1 });
    clients.push(c);
    return c;
  };
  const iam = client(admin);

  afterAll(() => {
    for (const c of clients) c.destroy();
  });

  async function userWithOwnKeysPolicy(path = '/') {
    const user = await iamUserWithKey(iam, {
      prefix: 'self',
      path,
      policyName: 'own-credentials',
      statements: [
        {
          Effect: 'Allow',
          Action: ['iam:GetUser', 'iam:*AccessKey*'],
          Resource: 'arn:aws:iam::*:user/${aws:username}',
        },
      ],
    });
    return { UserName: user.UserName, key: { AccessKeyId: user.accessKeyId }, own: client(user.credentials) };
  }

  it('answers the root to GetUser without a name signed by the admin key', async () => {
    const { User } = await iam.send(new GetUserCommand({}));
    expect(User).toMatchObject({ UserId: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:root` });
    expect(User!.CreateDate).toBeInstanceOf(Date);
    expect(User!.UserName).toBeUndefined();
    expect(User!.Path).toBeUndefined();
  });

  it('lets a user read itself and manage its own keys without naming itself', async () => {
    const { UserName, key, own } = await userWithOwnKeysPolicy();
    const me = (await own.send(new GetUserCommand({}))).User!;
    expect(me).toMatchObject({ UserName, Arn: `arn:aws:iam::${ACCOUNT}:user/${UserName}` });

    const second = (await own.send(new CreateAccessKeyCommand({}))).AccessKey!;
    expect(second.UserName).toBe(UserName);
    const listed = (await own.send(new ListAccessKeysCommand({}))).AccessKeyMetadata!;
    expect(listed.map((k) => k.AccessKeyId).sort()).toEqual([key.AccessKeyId, second.AccessKeyId].sort());
    await own.send(new UpdateAccessKeyCommand({ AccessKeyId: second.AccessKeyId, Status: 'Inactive' }));
    expect(
      (await iam.send(new ListAccessKeysCommand({ UserName }))).AccessKeyMetadata!.find(
        (k) => k.AccessKeyId === second.AccessKeyId,
      )!.Status,
    ).toBe('Inactive');
    await own.send(new DeleteAccessKeyCommand({ AccessKeyId: second.AccessKeyId }));
    expect(
      (await own.send(new ListAccessKeysCommand({}))).AccessKeyMetadata!.map((k) => k.AccessKeyId),
    ).toEqual([key.AccessKeyId]);
  });

  it("keeps the same policy from reaching another user's keys, by name or by key id", async () => {
    const alice = await userWithOwnKeysPolicy();
    const bob = await userWithOwnKeysPolicy();
    await expectAwsError(alice.own.send(new GetUserCommand({ UserName: bob.UserName })), 'AccessDenied', {
      status: 403,
    });
    await expectAwsError(
      alice.own.send(new ListAccessKeysCommand({ UserName: bob.UserName })),
      'AccessDenied',
      {
        status: 403,
      },
    );
    // Bob's key id without a name is looked up among Alice's own keys: not found, nothing changed.
    await expectAwsError(
      alice.own.send(new UpdateAccessKeyCommand({ AccessKeyId: bob.key.AccessKeyId, Status: 'Inactive' })),
      'NoSuchEntityException',
      { status: 404 },
    );
    await expectAwsError(
      alice.own.send(new DeleteAccessKeyCommand({ AccessKeyId: bob.key.AccessKeyId })),
      'NoSuchEntityException',
      { status: 404 },
    );
    expect((await bob.own.send(new ListAccessKeysCommand({}))).AccessKeyMetadata![0].Status).toBe('Active');
  });

  it('refuses the root a key of its own: the admin key is configured, not made', async () => {
    await expectAwsError(iam.send(new CreateAccessKeyCommand({})), 'ValidationError', { status: 400 });
    await expectAwsError(iam.send(new ListAccessKeysCommand({})), 'ValidationError', { status: 400 });
  });
});
