import {
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  DeleteRoleCommand,
  EntityAlreadyExistsException,
  IAMClient,
  ListOpenIDConnectProvidersCommand,
} from '@aws-sdk/client-iam';
import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  ExpiredTokenException,
  GetCallerIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import {
  newSecretAccessKey,
  newTemporaryAccessKeyId,
  SessionClaims,
  SessionTokenCodec,
} from '@idfed/session-credentials';
import { presignRequest } from '@idfed/sigv4';
import { ADMIN, GatewayHarness, SESSION_TOKEN_KEY, startGateway } from '../test/gateway.harness';
import {
  credentialVendingState,
  receivedByCredentialVending as received,
} from '../test/credential-vending.double';

type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

async function failureOf(
  promise: Promise<unknown>,
): Promise<Error & { $metadata: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (err) {
    return err as Error & { $metadata: { httpStatusCode?: number } };
  }
  throw new Error('expected the call to fail');
}

const codec = SessionTokenCodec.fromMasterKey(SESSION_TOKEN_KEY);

/** Temporary credentials as credential vending would mint them. */
function session(over: Partial<SessionClaims> = {}): Creds & { claims: SessionClaims } {
  const claims: SessionClaims = {
    accessKeyId: newTemporaryAccessKeyId(),
    secretAccessKey: newSecretAccessKey(),
    roleArn: 'arn:aws:iam::000000000000:role/app/web',
    roleId: 'AROAWEBWEBWEBWEBWEBWE',
    sessionName: 'alice',
    subject: 'user-1',
    provider: 'arn:aws:iam::000000000000:oidc-provider/idp.example.test',
    issuedAt: Date.now() - 1000,
    expiresAt: Date.now() + 3600_000,
    ...over,
  };
  return {
    accessKeyId: claims.accessKeyId,
    secretAccessKey: claims.secretAccessKey,
    sessionToken: codec.seal(claims),
    claims,
  };
}

describe('gateway: the AWS Query protocol with the real STS and IAM SDKs', () => {
  let gw: GatewayHarness;
  const sts = (credentials: Creds = ADMIN) =>
    new STSClient({ region: 'us-east-1', endpoint: gw.url, credentials, maxAttempts: 1 });
  const iam = (credentials: Creds = ADMIN) =>
    new IAMClient({ region: 'us-east-1', endpoint: gw.url, credentials, maxAttempts: 1 });
  const form = (body: string, headers: Record<string, string> = {}) =>
    fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
    });

  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(async () => {
    await gw.close();
  });
  beforeEach(() => {
    received.length = 0;
    credentialVendingState.revocations = [];
  });

  it('answers GetCallerIdentity for the admin key as the account root, without asking any service', async () => {
    const out = await sts().send(new GetCallerIdentityCommand({}));
    expect(out).toMatchObject({
      Account: '000000000000',
      Arn: 'arn:aws:iam::000000000000:root',
      UserId: '000000000000',
    });
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(received).toHaveLength(0);
  });

  it('answers GetCallerIdentity for temporary credentials as the assumed role', async () => {
    const out = await sts(session()).send(new GetCallerIdentityCommand({}));
    expect(out).toMatchObject({
      Account: '000000000000',
      Arn: 'arn:aws:sts::000000000000:assumed-role/web/alice',
      UserId: 'AROAWEBWEBWEBWEBWEBWE:alice',
    });
  });

  it('refuses expired temporary credentials as ExpiredToken', async () => {
    const expired = session({ issuedAt: Date.now() - 7200_000, expiresAt: Date.now() - 1000 });
    const err = await failureOf(sts(expired).send(new GetCallerIdentityCommand({})));
    expect(err.name).toBe('ExpiredToken');
    expect(err.message).toBe('The security token included in the request is expired');
    expect(err.$metadata.httpStatusCode).toBe(400);
  });

  it.each<[string, (c: ReturnType<typeof session>) => Creds]>([
    ['a tampered session token', (c) => ({ ...c, sessionToken: `${c.sessionToken!.slice(0, -4)}AAAA` })],
    ['a session token of another key', (c) => ({ ...c, sessionToken: session().sessionToken })],
    [
      'a token sealed under another master key',
      (c) => ({
        ...c,
        sessionToken: SessionTokenCodec.fromMasterKey(Buffer.alloc(32, 1)).seal(c.claims),
      }),
    ],
  ])('refuses %s as InvalidClientTokenId', async (_what, mangle) => {
    const err = await failureOf(sts(mangle(session())).send(new GetCallerIdentityCommand({})));
    expect(err.name).toBe('InvalidClientTokenId');
    expect(err.$metadata.httpStatusCode).toBe(403);
  });

  it('refuses a wrong secret as SignatureDoesNotMatch', async () => {
    const c = session();
    const err = await failureOf(
      sts({ ...c, secretAccessKey: newSecretAccessKey() }).send(new GetCallerIdentityCommand({})),
    );
    expect(err.name).toBe('SignatureDoesNotMatch');
  });

  it('refuses sessions issued before a revocation once the list is refreshed, and accepts newer ones', async () => {
    const old = session({ issuedAt: Date.now() - 60_000 });
    await sts(old).send(new GetCallerIdentityCommand({}));
    credentialVendingState.revocations = [
      { RoleArn: old.claims.roleArn, RevokedBefore: new Date(Date.now() - 1000).toISOString() },
    ];
    const deadline = Date.now() + 2000;
    let err: Error | undefined;
    while (Date.now() < deadline) {
      err = await sts(old)
        .send(new GetCallerIdentityCommand({}))
        .then(
          () => undefined,
          (e: Error) => e,
        );
      if (err) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(err?.name).toBe('InvalidClientTokenId');
    const fresh = session({ issuedAt: Date.now() });
    await expect(sts(fresh).send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();
  });

  it('forwards CreateRole with the member lists turned into a nested request, and reads the XML answer', async () => {
    const out = await iam().send(
      new CreateRoleCommand({
        RoleName: 'web',
        AssumeRolePolicyDocument: '{"Version":"2012-10-17"}',
        MaxSessionDuration: 7200,
        Tags: [
          { Key: 'team', Value: 'a b=c+d' },
          { Key: 'env', Value: '' },
        ],
      }),
    );
    expect(out.Role).toMatchObject({
      RoleName: 'web',
      Arn: 'arn:aws:iam::000000000000:role/web',
      MaxSessionDuration: 7200,
      CreateDate: new Date('2030-01-02T03:04:05Z'),
      Tags: [
        { Key: 'team', Value: 'a b=c+d' },
        { Key: 'env', Value: '' },
      ],
    });
    expect(decodeURIComponent(out.Role!.AssumeRolePolicyDocument!)).toBe('{"Version":"2012-10-17"}');
    expect(received[0]).not.toHaveProperty('key');
    expect(received[0]).toMatchObject({
      payload: {
        RoleName: 'web',
        MaxSessionDuration: 7200,
        Tags: [
          { Key: 'team', Value: 'a b=c+d' },
          { Key: 'env', Value: '' },
        ],
      },
      meta: { caller: { kind: 'admin', accessKeyId: ADMIN.accessKeyId } },
    });
  });

  it('sends the client id and thumbprint lists as arrays, empty ones included', async () => {
    await iam().send(
      new CreateOpenIDConnectProviderCommand({ Url: 'https://idp.example.test', ClientIDList: ['a', 'b'] }),
    );
    await iam().send(
      new CreateOpenIDConnectProviderCommand({
        Url: 'https://idp.example.test',
        ClientIDList: [],
        ThumbprintList: [],
      }),
    );
    expect(received.map((e) => e.payload)).toEqual([
      { Url: 'https://idp.example.test', ClientIDList: ['a', 'b'] },
      { Url: 'https://idp.example.test', ClientIDList: [], ThumbprintList: [] },
    ]);
    const listed = await iam().send(new ListOpenIDConnectProvidersCommand({}));
    expect(listed.OpenIDConnectProviderList?.map((p) => p.Arn)).toHaveLength(2);
  });

  it('answers a write action without a Result element', async () => {
    const res = await iam().send(new DeleteRoleCommand({ RoleName: 'web' }));
    expect(res.$metadata.httpStatusCode).toBe(200);
  });

  it("delivers a service's error as the SDK's modelled exception with IAM's status", async () => {
    const err = await failureOf(
      iam().send(new CreateRoleCommand({ RoleName: 'taken', AssumeRolePolicyDocument: '{}' })),
    );
    expect(err).toBeInstanceOf(EntityAlreadyExistsException);
    expect(err.$metadata.httpStatusCode).toBe(409);
  });

  it('refuses IAM actions signed with temporary credentials', async () => {
    const err = await failureOf(iam(session()).send(new DeleteRoleCommand({ RoleName: 'web' })));
    expect(err.name).toBe('AccessDenied');
    expect(err.$metadata.httpStatusCode).toBe(403);
    expect(received).toHaveLength(0);
  });

  it('passes AssumeRoleWithWebIdentity unsigned, as the SDK sends it', async () => {
    const out = await sts().send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: 'arn:aws:iam::000000000000:role/web',
        RoleSessionName: 'session',
        WebIdentityToken: 'a.b.c',
        DurationSeconds: 900,
        PolicyArns: [{ arn: 'arn:aws:iam::000000000000:policy/p' }],
      }),
    );
    expect(out.Credentials?.Expiration).toEqual(new Date('2030-01-02T04:04:05Z'));
    expect(out.AssumedRoleUser?.Arn).toBe('arn:aws:sts::000000000000:assumed-role/web/s');
    expect(received[0]).toMatchObject({
      payload: {
        RoleArn: 'arn:aws:iam::000000000000:role/web',
        DurationSeconds: 900,
        PolicyArns: [{ arn: 'arn:aws:iam::000000000000:policy/p' }],
      },
      meta: { caller: { kind: 'anonymous' } },
    });
    const err = await failureOf(
      sts().send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: 'x'.repeat(20),
          RoleSessionName: 'session',
          WebIdentityToken: 'expired',
        }),
      ),
    );
    expect(err).toBeInstanceOf(ExpiredTokenException);
  });

  it('tells credential vending which session called AssumeRole (role chaining), without its secret', async () => {
    const caller = session({ sessionPolicies: ['{"Version":"2012-10-17","Statement":[]}'] });
    await sts(caller).send(
      new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::000000000000:role/other', RoleSessionName: 's2' }),
    );
    expect(received[0].meta.caller).toEqual({
      kind: 'temporary',
      accessKeyId: caller.accessKeyId,
      principalArn: 'arn:aws:sts::000000000000:assumed-role/web/alice',
      session: {
        roleArn: caller.claims.roleArn,
        roleId: caller.claims.roleId,
        sessionName: 'alice',
        issuedAt: new Date(caller.claims.issuedAt).toISOString(),
        expiresAt: new Date(caller.claims.expiresAt).toISOString(),
        sessionPolicies: caller.claims.sessionPolicies,
      },
    });
    expect(JSON.stringify(received[0])).not.toContain(caller.secretAccessKey);
  });

  it('serves presigned GET requests (GetCallerIdentity URLs)', async () => {
    const c = session();
    const url = new URL(gw.url);
    const presigned = presignRequest(
      {
        method: 'GET',
        path: '/',
        query: 'Action=GetCallerIdentity&Version=2011-06-15',
        headers: { host: url.host },
        body: '',
      },
      c,
      { region: 'us-east-1', service: 'sts', expiresIn: 60 },
    );
    const res = await fetch(`${gw.url}/?${presigned.query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/xml');
    expect(await res.text()).toContain('<Arn>arn:aws:sts::000000000000:assumed-role/web/alice</Arn>');
  });

  it.each([
    ['no Action', 'Version=2011-06-15', 'MissingAction'],
    ['an unknown action', 'Action=AssumeRoot&Version=2011-06-15', 'InvalidAction'],
    ['a known action under another version', 'Action=GetCallerIdentity&Version=2010-05-08', 'InvalidAction'],
    [
      'a signed action without a signature',
      'Action=GetCallerIdentity&Version=2011-06-15',
      'MissingAuthenticationToken',
    ],
    ['a repeated parameter', 'Action=GetCallerIdentity&Action=GetCallerIdentity', 'InvalidParameterValue'],
  ])('answers %s in the XML error envelope', async (_what, body, code) => {
    const res = await form(body);
    expect(res.headers.get('content-type')).toBe('text/xml');
    const text = await res.text();
    expect(text).toMatch(
      /^<ErrorResponse xmlns="https:\/\/(sts|iam)\.amazonaws\.com\/doc\/\d{4}-\d\d-\d\d\/"><Error><Type>Sender<\/Type>/,
    );
    expect(text).toContain(`<Code>${code}</Code>`);
    expect(text).toMatch(/<RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/);
  });

  it('still answers a JSON request without X-Amz-Target as UnknownOperationException', async () => {
    const res = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1' },
      body: '{}',
    });
    expect(await res.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });
});
