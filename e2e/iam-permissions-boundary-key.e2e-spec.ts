import {
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  AttachUserPolicyCommand,
  CreateUserCommand,
  DeleteUserPermissionsBoundaryCommand,
  GetUserCommand,
  IAMClient,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { randomBytes } from 'node:crypto';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { e2eSystem } from './support/e2e-context';

const REGION = 'us-east-1';

/**
 * The condition key `iam:PermissionsBoundary` with @aws-sdk/client-iam, as IAM's service
 * authorization reference lists it for CreateUser and PutUserPermissionsBoundary ("filters access
 * if the specified policy is set as the permissions boundary"): the IAM user guide's delegated
 * administrator, who may create users and set boundaries only with one boundary. Another boundary,
 * or none, is AccessDenied (403), nothing created.
 */
describe('iam:PermissionsBoundary holds a delegated administrator to one boundary', () => {
  const system = e2eSystem();
  const admin = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const base = { region: REGION, endpoint: system.endpoint, maxAttempts: 1 };
  const iam = new IAMClient({ ...base, credentials: admin });
  const clients: IAMClient[] = [iam];
  const unique = () => randomBytes(4).toString('hex');
  const doc = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

  afterAll(() => clients.forEach((c) => c.destroy()));

  it('lets the delegate create users and set boundaries with its boundary only', async () => {
    const policy = async (name: string) =>
      (
        await iam.send(
          new CreatePolicyCommand({
            PolicyName: `${name}-${unique()}`,
            PolicyDocument: doc([{ Effect: 'Allow', Action: 'cognito-idp:*', Resource: '*' }]),
          }),
        )
      ).Policy!.Arn!;
    const boundary = await policy('team-boundary');
    const other = await policy('other-boundary');
    const delegate = `delegate-${unique()}`;
    await iam.send(new CreateUserCommand({ UserName: delegate }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: delegate,
        PolicyName: 'delegated',
        PolicyDocument: doc([
          {
            Effect: 'Allow',
            Action: ['iam:CreateUser', 'iam:PutUserPermissionsBoundary'],
            Resource: '*',
            Condition: { StringEquals: { 'iam:PermissionsBoundary': boundary } },
          },
        ]),
      }),
    );
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: delegate }))).AccessKey!;
    const asDelegate = new IAMClient({
      ...base,
      credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! },
    });
    clients.push(asDelegate);

    const made = `made-${unique()}`;
    const created = await asDelegate.send(
      new CreateUserCommand({ UserName: made, PermissionsBoundary: boundary }),
    );
    expect(created.User!.PermissionsBoundary).toEqual({
      PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
      PermissionsBoundaryArn: boundary,
    });

    const refused = [`other-${unique()}`, `none-${unique()}`];
    const denial = await expectAwsError(
      asDelegate.send(new CreateUserCommand({ UserName: refused[0], PermissionsBoundary: other })),
      'AccessDenied',
      { status: 403 },
    );
    expect((denial as Error).message).toContain('iam:CreateUser');
    await expectAwsError(asDelegate.send(new CreateUserCommand({ UserName: refused[1] })), 'AccessDenied', {
      status: 403,
    });
    for (const UserName of refused)
      await expectAwsError(iam.send(new GetUserCommand({ UserName })), 'NoSuchEntityException', {
        status: 404,
      });

    await expectAwsError(
      asDelegate.send(new PutUserPermissionsBoundaryCommand({ UserName: made, PermissionsBoundary: other })),
      'AccessDenied',
      { status: 403 },
    );
    expect(
      (await iam.send(new GetUserCommand({ UserName: made }))).User!.PermissionsBoundary!
        .PermissionsBoundaryArn,
    ).toBe(boundary);
    await asDelegate.send(
      new PutUserPermissionsBoundaryCommand({ UserName: made, PermissionsBoundary: boundary }),
    );
  });

  it('decides policy changes of a user on its current boundary (Attach, Put, DeleteUserPermissionsBoundary)', async () => {
    const policy = async (name: string) =>
      (
        await iam.send(
          new CreatePolicyCommand({
            PolicyName: `${name}-${unique()}`,
            PolicyDocument: doc([{ Effect: 'Allow', Action: 'cognito-idp:*', Resource: '*' }]),
          }),
        )
      ).Policy!.Arn!;
    const boundary = await policy('held-boundary');
    const other = await policy('other-boundary');
    const grant = await policy('grant');
    const delegate = `keeper-${unique()}`;
    await iam.send(new CreateUserCommand({ UserName: delegate }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: delegate,
        PolicyName: 'bounded-only',
        PolicyDocument: doc([
          {
            Effect: 'Allow',
            Action: ['iam:PutUserPolicy', 'iam:AttachUserPolicy', 'iam:DeleteUserPermissionsBoundary'],
            Resource: '*',
            Condition: { StringEquals: { 'iam:PermissionsBoundary': boundary } },
          },
        ]),
      }),
    );
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: delegate }))).AccessKey!;
    const asDelegate = new IAMClient({
      ...base,
      credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! },
    });
    clients.push(asDelegate);
    const user = async (PermissionsBoundary?: string) => {
      const UserName = `held-${unique()}`;
      await iam.send(
        new CreateUserCommand({ UserName, ...(PermissionsBoundary ? { PermissionsBoundary } : {}) }),
      );
      return UserName;
    };
    const held = await user(boundary);
    const elsewhere = await user(other);
    const free = await user();
    const inline = (UserName: string) =>
      new PutUserPolicyCommand({
        UserName,
        PolicyName: 'more',
        PolicyDocument: doc([{ Effect: 'Allow', Action: 'cognito-idp:ListUserPools', Resource: '*' }]),
      });

    await asDelegate.send(inline(held));
    await asDelegate.send(new AttachUserPolicyCommand({ UserName: held, PolicyArn: grant }));
    for (const UserName of [elsewhere, free]) {
      await expectAwsError(asDelegate.send(inline(UserName)), 'AccessDenied');
      await expectAwsError(
        asDelegate.send(new AttachUserPolicyCommand({ UserName, PolicyArn: grant })),
        'AccessDenied',
      );
      await expectAwsError(
        asDelegate.send(new DeleteUserPermissionsBoundaryCommand({ UserName })),
        'AccessDenied',
      );
    }
    // Once the boundary is gone the user is no longer the delegate's to change (seen at once here).
    await asDelegate.send(new DeleteUserPermissionsBoundaryCommand({ UserName: held }));
    expect(
      (await iam.send(new GetUserCommand({ UserName: held }))).User!.PermissionsBoundary,
    ).toBeUndefined();
    await expectAwsError(asDelegate.send(inline(held)), 'AccessDenied');
  });
});
