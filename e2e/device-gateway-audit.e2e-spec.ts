import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import { CognitoSyncClient, ListDatasetsCommand, ListRecordsCommand } from '@aws-sdk/client-cognito-sync';
import { IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { randomBytes } from 'node:crypto';
import { connectDevice, presignSyncUrl } from '../apps/device-gateway/test/device-client';
import { createIdentityPoolRole } from '../libs/testing/src/identity-pool-roles';
import { AuditStream, openAuditStream } from './support/audit-stream';
import { e2eSystem } from './support/e2e-context';

type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken: string };

/**
 * The refusals an identity's own credentials meet before any service sees the call are audited
 * like every other gateway refusal (ADR 0075, 0090): a socket the device gateway refuses after its
 * signature named the caller (device sync's `Connect` record), and a Cognito Sync call the gateway
 * refuses on the identity's role policy. Each refusal leaves exactly one record, found by the
 * request id the client was answered with, and no record holds a secret of the run.
 */
describe('audit records of identities refused at the gateways', () => {
  const system = e2eSystem();
  const base = { endpoint: system.endpoint, region: 'us-east-1', maxAttempts: 1 };
  const adminCreds = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const iam = new IAMClient({ ...base, credentials: adminCreds });
  const identityAdmin = new CognitoIdentityClient({ ...base, credentials: adminCreds });
  const identityApp = new CognitoIdentityClient({
    ...base,
    credentials: { accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' },
  });
  const suffix = randomBytes(3).toString('hex');
  const secrets: string[] = [];
  let identityPoolId: string;
  let stream: AuditStream;

  beforeAll(async () => {
    stream = await openAuditStream(system, `device-audit-${suffix}`);
    const pool = await identityAdmin.send(
      new CreateIdentityPoolCommand({ IdentityPoolName: 'audited', AllowUnauthenticatedIdentities: true }),
    );
    identityPoolId = pool.IdentityPoolId!;
    const roleName = `audited-devices-${suffix}`;
    const roleArn = await createIdentityPoolRole(iam, roleName, identityPoolId, 'unauthenticated');
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: roleName,
        PolicyName: 'own-datasets',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'cognito-sync:*',
              Resource: [
                `arn:aws:cognito-sync:us-east-1:000000000000:identitypool/${identityPoolId}/identity/\${cognito-identity.amazonaws.com:sub}`,
                `arn:aws:cognito-sync:us-east-1:000000000000:identitypool/${identityPoolId}/identity/\${cognito-identity.amazonaws.com:sub}/*`,
              ],
            },
          ],
        }),
      }),
    );
    await identityAdmin.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: identityPoolId,
        Roles: { unauthenticated: roleArn },
      }),
    );
  });

  afterAll(async () => {
    await stream.stop();
    iam.destroy();
    identityAdmin.destroy();
    identityApp.destroy();
  });

  async function newIdentity(): Promise<{ identityId: string; credentials: Creds }> {
    const { IdentityId } = await identityApp.send(new GetIdCommand({ IdentityPoolId: identityPoolId }));
    const { Credentials } = await identityApp.send(new GetCredentialsForIdentityCommand({ IdentityId }));
    const credentials = {
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretKey!,
      sessionToken: Credentials!.SessionToken!,
    };
    secrets.push(credentials.secretAccessKey, credentials.sessionToken);
    return { identityId: IdentityId!, credentials };
  }

  it('records a socket refused for its credentials once, as Connect by the identity, and a forged one not', async () => {
    const { credentials } = await newIdentity();
    const gateway = system.deviceGateways[0];
    // A bad signature names nobody: answered 403 with a request id, and never recorded.
    const url = await presignSyncUrl(gateway, credentials, { region: 'eu-west-1', deviceId: 'tablet' });
    const forged = url.replace(
      /X-Amz-Signature=([0-9a-f])/,
      (_m, c: string) => `X-Amz-Signature=${c === 'a' ? 'b' : 'a'}`,
    );
    const unsigned = await connectDevice(forged);
    expect(unsigned).toMatchObject({ ok: false, status: 403, requestId: expect.any(String) });
    secrets.push(new URL(url).searchParams.get('X-Amz-Signature')!);
    // Signed for a served region that is not the identity's: the identity's credentials refused.
    const refused = await connectDevice(url, { headers: { 'user-agent': 'device-probe/1.0' } });
    expect(refused).toMatchObject({ ok: false, status: 403 });
    if (refused.ok) return;
    const record = await stream.recordOf(refused.requestId);
    expect(record).toMatchObject({
      eventSource: 'cognito-sync.amazonaws.com',
      eventName: 'Connect',
      awsRegion: 'eu-west-1',
      userAgent: 'device-probe/1.0',
      errorCode: 'NotAuthorizedException',
      errorMessage: (JSON.parse(refused.body) as { message: string }).message,
      requestParameters: { deviceId: 'tablet' },
      responseElements: null,
      readOnly: false,
      userIdentity: { type: 'AssumedRole', accessKeyId: credentials.accessKeyId },
    });
    const recorded = JSON.stringify(record);
    for (const secret of [credentials.secretAccessKey, credentials.sessionToken, secrets.at(-1)!]) {
      expect(recorded).not.toContain(secret);
    }
    if (!unsigned.ok) expect(stream.records().filter((r) => r.requestID === unsigned.requestId)).toEqual([]);
  });

  it("records a Cognito Sync call the gateway refuses on the identity's role policy", async () => {
    const me = await newIdentity();
    const other = await newIdentity();
    const sync = new CognitoSyncClient({ ...base, credentials: me.credentials });
    try {
      // Its own datasets are allowed; another identity's are not, whatever it names.
      await sync.send(new ListDatasetsCommand({ IdentityPoolId: identityPoolId, IdentityId: me.identityId }));
      const err = await sync
        .send(
          new ListRecordsCommand({
            IdentityPoolId: identityPoolId,
            IdentityId: other.identityId,
            DatasetName: 'notes',
          }),
        )
        .then(
          () => undefined,
          (e: unknown) =>
            e as {
              name: string;
              message: string;
              $metadata: { requestId?: string; httpStatusCode?: number };
            },
        );
      expect(err).toMatchObject({ name: 'NotAuthorizedException', $metadata: { httpStatusCode: 403 } });
      const record = await stream.recordOf(err!.$metadata.requestId);
      expect(record).toMatchObject({
        eventSource: 'cognito-sync.amazonaws.com',
        eventName: 'ListRecords',
        errorCode: 'NotAuthorizedException',
        errorMessage: err!.message,
        requestParameters: {
          IdentityPoolId: identityPoolId,
          IdentityId: other.identityId,
          DatasetName: 'notes',
        },
        userIdentity: { type: 'AssumedRole', accessKeyId: me.credentials.accessKeyId },
      });
    } finally {
      sync.destroy();
    }
  });

  it('writes no secret of the run into any audit record', () => {
    const text = stream.text();
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
