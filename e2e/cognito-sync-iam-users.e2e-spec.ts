import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  CognitoSyncClient,
  DescribeDatasetCommand,
  ListDatasetsCommand,
  ListRecordsCommand,
  UpdateRecordsCommand,
} from '@aws-sdk/client-cognito-sync';
import { DeleteAccessKeyCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetFederationTokenCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { iamUserWithKey } from './support/iam-principals';
import { e2eSystem } from './support/e2e-context';

type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

/**
 * Cognito Sync signed with an IAM user's access key, or with a session of one (GetSessionToken,
 * GetFederationToken), as AWS serves it (ADR 0047): the request is "signed by using AWS developer
 * credentials" of an IAM principal and allowed where its policies allow `cognito-sync:<Operation>`
 * on `arn:aws:cognito-sync:<region>:<account>:identitypool/<pool>/identity/<id>[/dataset/<name>]`;
 * otherwise Cognito Sync's NotAuthorizedException (403). A session ends with its parent key (ADR
 * 0039): deleting the key refuses the session's next request as an invalid token.
 */
describe('Cognito Sync with IAM users and their sessions', () => {
  const system = e2eSystem();
  const admin: Creds = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const base = { endpoint: system.endpoint, region: 'us-east-1', maxAttempts: 1 };
  const clients: { destroy(): void }[] = [];
  const track = <T extends { destroy(): void }>(c: T): T => (clients.push(c), c);
  const iam = track(new IAMClient({ ...base, credentials: admin }));
  const sync = (credentials: Creds) => track(new CognitoSyncClient({ ...base, credentials }));
  const sts = (credentials: Creds) => track(new STSClient({ ...base, credentials }));
  const identityAdmin = track(new CognitoIdentityClient({ ...base, credentials: admin }));
  const identityApp = track(
    new CognitoIdentityClient({
      ...base,
      credentials: { accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' },
    }),
  );
  afterAll(() => clients.forEach((c) => c.destroy()));

  let poolId: string;
  let identityId: string;
  let otherIdentityId: string;
  beforeAll(async () => {
    poolId = (
      await identityAdmin.send(
        new CreateIdentityPoolCommand({
          IdentityPoolName: 'sync iam users',
          AllowUnauthenticatedIdentities: true,
        }),
      )
    ).IdentityPoolId!;
    identityId = (await identityApp.send(new GetIdCommand({ IdentityPoolId: poolId }))).IdentityId!;
    otherIdentityId = (await identityApp.send(new GetIdCommand({ IdentityPoolId: poolId }))).IdentityId!;
  });

  async function newUser(statements: object[]): Promise<Creds & { UserName: string }> {
    const user = await iamUserWithKey(iam, { prefix: 'sync', statements });
    return { UserName: user.UserName, ...user.credentials };
  }
  const identityArn = (id: string) =>
    `arn:aws:cognito-sync:us-east-1:000000000000:identitypool/${poolId}/identity/${id}`;
  const readOne = () => [
    {
      Effect: 'Allow',
      Action: ['cognito-sync:ListDatasets', 'cognito-sync:ListRecords', 'cognito-sync:UpdateRecords'],
      Resource: [identityArn(identityId), `${identityArn(identityId)}/*`],
    },
  ];
  const sessionOf = (c: {
    AccessKeyId?: string;
    SecretAccessKey?: string;
    SessionToken?: string;
  }): Creds => ({
    accessKeyId: c.AccessKeyId!,
    secretAccessKey: c.SecretAccessKey!,
    sessionToken: c.SessionToken!,
  });

  it("decides an IAM user's key by its policies: allowed on the identity it names, refused elsewhere", async () => {
    const user = await newUser(readOne());
    const ids = { IdentityPoolId: poolId, IdentityId: identityId };
    expect((await sync(user).send(new ListDatasetsCommand(ids))).Datasets).toEqual([]);
    const listed = await sync(user).send(new ListRecordsCommand({ ...ids, DatasetName: 'prefs' }));
    await sync(user).send(
      new UpdateRecordsCommand({
        ...ids,
        DatasetName: 'prefs',
        SyncSessionToken: listed.SyncSessionToken!,
        RecordPatches: [{ Op: 'replace', Key: 'theme', Value: 'dark', SyncCount: 0 }],
      }),
    );
    // Not in the policy: another identity, and an action it does not allow.
    await expectAwsError(
      sync(user).send(new ListDatasetsCommand({ IdentityPoolId: poolId, IdentityId: otherIdentityId })),
      'NotAuthorizedException',
      {
        status: 403,
        message: /is not authorized to perform: cognito-sync:ListDatasets on resource: arn:aws:cognito-sync:/,
      },
    );
    await expectAwsError(
      sync(user).send(new DescribeDatasetCommand({ ...ids, DatasetName: 'prefs' })),
      'NotAuthorizedException',
      { status: 403 },
    );
  });

  it('takes GetSessionToken and GetFederationToken sessions, the latter within its session policy, until the key is deleted', async () => {
    const user = await newUser([
      ...readOne(),
      { Effect: 'Allow', Action: 'sts:GetFederationToken', Resource: '*' },
    ]);
    const ids = { IdentityPoolId: poolId, IdentityId: identityId };
    const session = sessionOf((await sts(user).send(new GetSessionTokenCommand({}))).Credentials!);
    expect((await sync(session).send(new ListDatasetsCommand(ids))).Datasets).toBeDefined();
    const federated = await sts(user).send(
      new GetFederationTokenCommand({
        Name: 'sync-fed',
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'cognito-sync:ListDatasets', Resource: '*' }],
        }),
      }),
    );
    const fed = sessionOf(federated.Credentials!);
    expect((await sync(fed).send(new ListDatasetsCommand(ids))).Datasets).toBeDefined();
    await expectAwsError(
      sync(fed).send(new ListRecordsCommand({ ...ids, DatasetName: 'prefs' })),
      'NotAuthorizedException',
      { status: 403, message: /federated-user\/sync-fed .*because no session policy allows/ },
    );
    await iam.send(new DeleteAccessKeyCommand({ UserName: user.UserName, AccessKeyId: user.accessKeyId }));
    for (const gone of [session, fed, user]) {
      await expectAwsError(sync(gone).send(new ListDatasetsCommand(ids)), 'UnrecognizedClientException', {
        status: 403,
      });
    }
  });

  it('refuses a forged signature of an IAM user key', async () => {
    const user = await newUser(readOne());
    await expectAwsError(
      sync({ ...user, secretAccessKey: `${user.secretAccessKey.slice(0, -2)}xx` }).send(
        new ListDatasetsCommand({ IdentityPoolId: poolId, IdentityId: identityId }),
      ),
      'InvalidSignatureException',
      { status: 403 },
    );
  });
});
