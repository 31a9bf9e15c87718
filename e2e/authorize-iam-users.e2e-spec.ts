import { DeleteAccessKeyCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetFederationTokenCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { randomBytes } from 'node:crypto';
import { iamUserWithKey } from './support/iam-principals';
import { authorizeDeviceRequest } from './support/authorize';
import { e2eSystem } from './support/e2e-context';

type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
const REGION = 'us-east-1';
const ACCOUNT = '000000000000';

interface Answer {
  authenticated: boolean;
  allowed: boolean;
  decision: string;
  principal?: Record<string, unknown>;
  decidedBy?: { policyType: string; policy: string };
  encodedMessage?: string;
  error?: { code: string };
}

/**
 * POST /authorize for requests signed with an IAM user's access key, or with a GetSessionToken /
 * GetFederationToken session of one (ADR 0047): the principal is the user (or the federated user),
 * decided by the user's policies as credential vending lists them (groups' ones too, once IAM
 * groups are in), within a federation session's policies; a
 * deleted key, and every session of it, is refused as AWS refuses a token it no longer honours.
 */
describe('POST /authorize with IAM users and their sessions', () => {
  const system = e2eSystem();
  const admin: Creds = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const base = { endpoint: system.endpoint, region: REGION, maxAttempts: 1 };
  const clients: { destroy(): void }[] = [];
  const track = <T extends { destroy(): void }>(c: T): T => (clients.push(c), c);
  const iam = track(new IAMClient({ ...base, credentials: admin }));
  const sts = (credentials: Creds) => track(new STSClient({ ...base, credentials }));
  afterAll(() => clients.forEach((c) => c.destroy()));
  const unique = () => randomBytes(4).toString('hex');
  const doc = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

  /** What a resource service does with a request signed by `device`: ask idfed's authorizer. */
  async function authorize(
    device: Creds,
    action: string,
    resource: string,
    context?: object,
  ): Promise<Answer> {
    return authorizeDeviceRequest<Answer>(device, { action, resource, context });
  }

  async function newUser(statements: object[]): Promise<Creds & { UserName: string }> {
    const user = await iamUserWithKey(iam, { prefix: 'authz', statements });
    return { UserName: user.UserName, ...user.credentials };
  }
  const credsOf = (c: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string }): Creds => ({
    accessKeyId: c.AccessKeyId!,
    secretAccessKey: c.SecretAccessKey!,
    sessionToken: c.SessionToken!,
  });
  const readDocs = { Effect: 'Allow', Action: 'docs:Get*', Resource: 'arn:aws:docs:::doc/*' };

  it("names the user and decides by the user's policies", async () => {
    const user = await newUser([readDocs]);
    const allowed = await authorize(user, 'docs:GetDocument', 'arn:aws:docs:::doc/a');
    expect(allowed).toMatchObject({
      authenticated: true,
      allowed: true,
      decision: 'Allow',
      principal: {
        type: 'User',
        arn: `arn:aws:iam::${ACCOUNT}:user/${user.UserName}`,
        accountId: ACCOUNT,
        accessKeyId: user.accessKeyId,
        userName: user.UserName,
      },
      decidedBy: { policyType: 'identity' },
    });
    const refused = await authorize(user, 'docs:PutDocument', 'arn:aws:docs:::doc/a');
    expect(refused).toMatchObject({ authenticated: true, allowed: false, decision: 'ImplicitDeny' });
    expect(refused.encodedMessage).toEqual(expect.any(String));
    // The asker cannot supply the principal's own keys.
    const conditioned = await newUser([
      { ...readDocs, Condition: { StringEquals: { 'aws:PrincipalTag/team': 'red' } } },
    ]);
    expect(
      (
        await authorize(conditioned, 'docs:GetDocument', 'arn:aws:docs:::doc/a', {
          'aws:PrincipalTag/team': 'red',
        })
      ).allowed,
    ).toBe(false);
  });

  it('refuses a forged signature, and a deleted key with all its sessions', async () => {
    const user = await newUser([
      readDocs,
      { Effect: 'Allow', Action: 'sts:GetFederationToken', Resource: '*' },
    ]);
    const forged = await authorize(
      { ...user, secretAccessKey: `${user.secretAccessKey}x` },
      'docs:GetDocument',
      '*',
    );
    expect(forged).toMatchObject({
      authenticated: false,
      allowed: false,
      error: { code: 'SignatureDoesNotMatch' },
    });
    const session = credsOf((await sts(user).send(new GetSessionTokenCommand({}))).Credentials!);
    expect(await authorize(session, 'docs:GetDocument', 'arn:aws:docs:::doc/a')).toMatchObject({
      authenticated: true,
      allowed: true,
      principal: {
        type: 'User',
        arn: `arn:aws:iam::${ACCOUNT}:user/${user.UserName}`,
        parentAccessKeyId: user.accessKeyId,
      },
    });
    await iam.send(new DeleteAccessKeyCommand({ UserName: user.UserName, AccessKeyId: user.accessKeyId }));
    for (const gone of [user, session]) {
      const answer = await authorize(gone, 'docs:GetDocument', 'arn:aws:docs:::doc/a');
      expect(answer).toMatchObject({
        authenticated: false,
        allowed: false,
        error: { code: 'InvalidClientTokenId' },
      });
    }
  });

  it('decides a federation session as its federated user, within its session policy', async () => {
    const user = await newUser([
      readDocs,
      { Effect: 'Allow', Action: 'sts:GetFederationToken', Resource: '*' },
    ]);
    const Name = `fed-${unique()}`;
    const fed = credsOf(
      (
        await sts(user).send(
          new GetFederationTokenCommand({
            Name,
            Policy: doc([{ Effect: 'Allow', Action: 'docs:GetDocument', Resource: 'arn:aws:docs:::doc/a' }]),
          }),
        )
      ).Credentials!,
    );
    expect(await authorize(fed, 'docs:GetDocument', 'arn:aws:docs:::doc/a')).toMatchObject({
      authenticated: true,
      allowed: true,
      principal: { type: 'FederatedUser', arn: `arn:aws:sts::${ACCOUNT}:federated-user/${Name}` },
    });
    // The user may read doc/b, the session policy does not.
    expect(await authorize(fed, 'docs:GetDocument', 'arn:aws:docs:::doc/b')).toMatchObject({
      authenticated: true,
      allowed: false,
      decision: 'ImplicitDeny',
    });
    // The session policy allows no more than the user may.
    expect((await authorize(fed, 'docs:PutDocument', 'arn:aws:docs:::doc/a')).allowed).toBe(false);
  });
});
