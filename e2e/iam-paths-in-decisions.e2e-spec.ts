import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetRoleCommand,
  GetUserCommand,
  IAMClient,
  PutUserPolicyCommand,
  TagUserCommand,
} from '@aws-sdk/client-iam';
import { randomBytes } from 'node:crypto';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { e2eSystem } from './support/e2e-context';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';

/**
 * An IAM user's or role's path is part of its ARN (IAM User Guide, "IAM identifiers": "the path
 * ... is part of the ARN: arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/Bob"), and
 * policies name users and roles by that ARN. A request names them by name alone; idfed decides it
 * on the stored ARN, path included, as AWS does, both for the entity acted on and for one being
 * created with a Path.
 */
describe('IAM paths in decided ARNs', () => {
  const system = e2eSystem();
  const admin = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const clients: { destroy(): void }[] = [];
  const client = (credentials: { accessKeyId: string; secretAccessKey: string }) => {
    const c = new IAMClient({ region: REGION, endpoint: system.endpoint, credentials, maxAttempts: 1 });
    clients.push(c);
    return c;
  };
  const iam = client(admin);
  const unique = () => randomBytes(4).toString('hex');
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' },
    ],
  });

  afterAll(() => {
    for (const c of clients) c.destroy();
  });

  it("decides on users' and roles' ARNs with their paths, for existing and new ones", async () => {
    const division = `/division-${unique()}/`;
    const operator = `paths-${unique()}`;
    await iam.send(new CreateUserCommand({ UserName: operator }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: operator,
        PolicyName: 'division-only',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: ['iam:GetUser', 'iam:TagUser', 'iam:CreateUser', 'iam:GetRole', 'iam:CreateRole'],
              Resource: [
                `arn:aws:iam::${ACCOUNT}:user${division}*`,
                `arn:aws:iam::${ACCOUNT}:role${division}*`,
              ],
            },
          ],
        }),
      }),
    );
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: operator }))).AccessKey!;
    const own = client({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });

    const inside = `in-${unique()}`;
    const outside = `out-${unique()}`;
    await iam.send(new CreateUserCommand({ UserName: inside, Path: division }));
    await iam.send(new CreateUserCommand({ UserName: outside }));
    expect((await own.send(new GetUserCommand({ UserName: inside }))).User!.Arn).toBe(
      `arn:aws:iam::${ACCOUNT}:user${division}${inside}`,
    );
    await own.send(new TagUserCommand({ UserName: inside, Tags: [{ Key: 'seen', Value: 'yes' }] }));
    // The refusal names the resource as decided: the user's ARN with its path.
    await expectAwsError(own.send(new GetUserCommand({ UserName: outside })), 'AccessDenied', {
      status: 403,
      message: new RegExp(`on resource: arn:aws:iam::${ACCOUNT}:user/${outside} `),
    });

    const insideRole = `in-${unique()}`;
    const outsideRole = `out-${unique()}`;
    await iam.send(
      new CreateRoleCommand({ RoleName: insideRole, Path: division, AssumeRolePolicyDocument: trust }),
    );
    await iam.send(new CreateRoleCommand({ RoleName: outsideRole, AssumeRolePolicyDocument: trust }));
    expect((await own.send(new GetRoleCommand({ RoleName: insideRole }))).Role!.Path).toBe(division);
    await expectAwsError(own.send(new GetRoleCommand({ RoleName: outsideRole })), 'AccessDenied', {
      status: 403,
    });

    // Creating: decided on the ARN the new entity will have, the request's Path included.
    const made = await own.send(new CreateUserCommand({ UserName: `new-${unique()}`, Path: division }));
    expect(made.User!.Path).toBe(division);
    await expectAwsError(own.send(new CreateUserCommand({ UserName: `new-${unique()}` })), 'AccessDenied', {
      status: 403,
    });
    await expectAwsError(
      own.send(
        new CreateRoleCommand({
          RoleName: `new-${unique()}`,
          Path: '/elsewhere/',
          AssumeRolePolicyDocument: trust,
        }),
      ),
      'AccessDenied',
      { status: 403 },
    );
  });
});
