import {
  CognitoIdentityProviderClient,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, GetFederationTokenCommand, STSClient, Tag } from '@aws-sdk/client-sts';
import { randomBytes } from 'node:crypto';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { e2eSystem } from './support/e2e-context';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';
type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

/**
 * GetFederationToken's session tags (ADR 0047), as the STS API reference and IAM user guide state:
 * "You can pass up to 50 session tags"; "Tag key–value pairs are not case sensitive, but case is
 * preserved" (duplicate keys in any case: InvalidParameterValue "Duplicate tag keys found. Please
 * note that Tag keys are case insensitive."); passing tags needs "the sts:TagSession action" in the
 * caller's identity policy; "When you use the session credentials to make a subsequent request,
 * the request context includes the aws:PrincipalTag context key".
 */
describe('GetFederationToken with session tags', () => {
  const system = e2eSystem();
  const admin: Creds = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const clients: { destroy(): void }[] = [];
  const opts = (credentials: Creds) => ({
    region: REGION,
    endpoint: system.endpoint,
    credentials,
    maxAttempts: 1,
  });
  const track = <T extends { destroy(): void }>(c: T): T => (clients.push(c), c);
  const sts = (c: Creds) => track(new STSClient(opts(c)));
  const idp = (c: Creds) => track(new CognitoIdentityProviderClient(opts(c)));
  const iam = track(new IAMClient(opts(admin)));
  const policy = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
  afterAll(() => clients.forEach((c) => c.destroy()));

  async function newUser(statements: object[]) {
    const UserName = `fedtags-${randomBytes(4).toString('hex')}`;
    await iam.send(new CreateUserCommand({ UserName }));
    await iam.send(
      new PutUserPolicyCommand({ UserName, PolicyName: 'p', PolicyDocument: policy(statements) }),
    );
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName }))).AccessKey!;
    return { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
  }

  const federate = (c: Creds, Name: string, Tags?: Tag[]) =>
    sts(c).send(
      new GetFederationTokenCommand({
        Name,
        Tags,
        Policy: policy([{ Effect: 'Allow', Action: 'cognito-idp:*', Resource: '*' }]),
      }),
    );
  const asCreds = (c: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string }): Creds => ({
    accessKeyId: c.AccessKeyId!,
    secretAccessKey: c.SecretAccessKey!,
    sessionToken: c.SessionToken!,
  });

  /** May federate, tag only with team, and list pools only as team blue. */
  const teamPolicy = [
    { Effect: 'Allow', Action: 'sts:GetFederationToken', Resource: '*' },
    {
      Effect: 'Allow',
      Action: 'sts:TagSession',
      Resource: '*',
      Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } },
    },
    {
      Effect: 'Allow',
      Action: 'cognito-idp:ListUserPools',
      Resource: '*',
      Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } },
    },
  ];

  it('carries the tags into the session as aws:PrincipalTag: team blue may list pools, team red may not', async () => {
    const user = await newUser(teamPolicy);
    const blue = await federate(user, 'blue-fed', [{ Key: 'team', Value: 'blue' }]);
    expect(blue.PackedPolicySize).toBeGreaterThan(0);
    expect(blue.FederatedUser!.Arn).toBe(`arn:aws:sts::${ACCOUNT}:federated-user/blue-fed`);
    const blueCreds = asCreds(blue.Credentials!);
    await expect(idp(blueCreds).send(new ListUserPoolsCommand({ MaxResults: 1 }))).resolves.toBeDefined();
    const red = asCreds((await federate(user, 'red-fed', [{ Key: 'team', Value: 'red' }])).Credentials!);
    await expectAwsError(
      idp(red).send(new ListUserPoolsCommand({ MaxResults: 1 })),
      'AccessDeniedException',
      {
        message: /federated-user\/red-fed is not authorized to perform: cognito-idp:ListUserPools/,
      },
    );
    // Untagged, the condition has nothing to match.
    const none = asCreds((await federate(user, 'plain-fed')).Credentials!);
    await expectAwsError(
      idp(none).send(new ListUserPoolsCommand({ MaxResults: 1 })),
      'AccessDeniedException',
    );
    expect((await sts(blueCreds).send(new GetCallerIdentityCommand({}))).Arn).toBe(
      `arn:aws:sts::${ACCOUNT}:federated-user/blue-fed`,
    );
  });

  it('needs sts:TagSession in the caller policy, with its aws:TagKeys conditions, for tags to be passed', async () => {
    const noTagging = await newUser([{ Effect: 'Allow', Action: 'sts:GetFederationToken', Resource: '*' }]);
    await expect(federate(noTagging, 'untagged')).resolves.toBeDefined();
    await expectAwsError(federate(noTagging, 'tagged', [{ Key: 'team', Value: 'blue' }]), 'AccessDenied', {
      message:
        /is not authorized to perform: sts:TagSession on resource: arn:aws:sts::000000000000:federated-user\/tagged/,
    });
    const teamOnly = await newUser(teamPolicy);
    await expectAwsError(federate(teamOnly, 'other-key', [{ Key: 'project', Value: 'x' }]), 'AccessDenied', {
      message: /sts:TagSession/,
    });
  });

  it('refuses duplicate keys in any case and a 51st tag, as STS does', async () => {
    const user = await newUser([
      { Effect: 'Allow', Action: ['sts:GetFederationToken', 'sts:TagSession'], Resource: '*' },
    ]);
    await expectAwsError(
      federate(user, 'dupes', [
        { Key: 'Team', Value: 'a' },
        { Key: 'team', Value: 'b' },
      ]),
      'InvalidParameterValue',
      { message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.' },
    );
    const many = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await expectAwsError(federate(user, 'many', many), 'ValidationError');
    const fifty = many.slice(0, 50);
    await expect(federate(user, 'fifty', fifty)).resolves.toMatchObject({
      PackedPolicySize: expect.any(Number),
    });
  });

  it('lets the root pass tags without sts:TagSession (the admin key is the root)', async () => {
    const out = await federate(admin, 'root-fed', [{ Key: 'team', Value: 'blue' }]);
    expect(out.Credentials!.AccessKeyId).toMatch(/^ASIA/);
  });
});
