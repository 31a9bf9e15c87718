import { CreateUserCommand, GetUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { randomBytes } from 'node:crypto';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { iamUserWithKey } from './support/iam-principals';
import { e2eSystem } from './support/e2e-context';

/**
 * Creating an IAM user or role with `Tags` is also tagging it (ADR 0065): AWS decides `iam:CreateUser`
 * and `iam:TagUser` separately (IAM User Guide, "Permissions required for tagging IAM resources"), so
 * a caller allowed only the create is refused the tagged create, and nothing is created.
 */
describe('IAM create with tags needs the tagging action too', () => {
  const system = e2eSystem();
  const admin = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const base = { endpoint: system.endpoint, region: 'us-east-1', maxAttempts: 1 };
  const clients: IAMClient[] = [];
  const iamAs = (credentials: { accessKeyId: string; secretAccessKey: string }) => {
    const c = new IAMClient({ ...base, credentials });
    clients.push(c);
    return c;
  };
  const iam = iamAs(admin);
  afterAll(() => clients.forEach((c) => c.destroy()));

  async function userAllowed(actions: string[]): Promise<IAMClient> {
    const user = await iamUserWithKey(iam, {
      prefix: 'creator',
      statements: [{ Effect: 'Allow', Action: actions, Resource: '*' }],
    });
    return iamAs(user.credentials);
  }

  it('refuses CreateUser with Tags without iam:TagUser, creating nothing; allows it without tags or with the action', async () => {
    const createOnly = await userAllowed(['iam:CreateUser']);
    const tagged = `tagged-${randomBytes(4).toString('hex')}`;
    await expectAwsError(
      createOnly.send(new CreateUserCommand({ UserName: tagged, Tags: [{ Key: 'team', Value: 'a' }] })),
      'AccessDenied',
      {
        status: 403,
        message: /is not authorized to perform: iam:TagUser on resource: arn:aws:iam::\d{12}:user\//,
      },
    );
    await expectAwsError(iam.send(new GetUserCommand({ UserName: tagged })), 'NoSuchEntityException', {
      status: 404,
    });
    const plain = `plain-${randomBytes(4).toString('hex')}`;
    expect((await createOnly.send(new CreateUserCommand({ UserName: plain }))).User!.UserName).toBe(plain);

    const createAndTag = await userAllowed(['iam:CreateUser', 'iam:TagUser']);
    const created = await createAndTag.send(
      new CreateUserCommand({ UserName: tagged, Tags: [{ Key: 'team', Value: 'a' }] }),
    );
    expect(created.User!.Tags).toEqual([{ Key: 'team', Value: 'a' }]);
  });
});
