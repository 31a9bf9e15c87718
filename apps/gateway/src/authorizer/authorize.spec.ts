import {
  AuthorizationMessageSealer,
  newSecretAccessKey,
  newTemporaryAccessKeyId,
  SessionClaims,
  SessionTokenCodec,
} from '@idfed/session-credentials';
import { presignRequest, signRequest } from '@idfed/sigv4';
import { ADMIN, GatewayHarness, SESSION_TOKEN_KEY, startGateway } from '../../test/gateway.harness';
import { credentialVendingState } from '../../test/credential-vending.double';

const ROLE = 'arn:aws:iam::000000000000:role/reader';
const codec = SessionTokenCodec.fromMasterKey(SESSION_TOKEN_KEY);

function session(over: Partial<SessionClaims> = {}): SessionClaims {
  return {
    accessKeyId: newTemporaryAccessKeyId(),
    secretAccessKey: newSecretAccessKey(),
    roleArn: ROLE,
    roleId: 'AROAREADERREADERREADE',
    sessionName: 'app',
    subject: 'user-7',
    provider: 'arn:aws:iam::000000000000:oidc-provider/idp.example.test',
    issuedAt: Date.now() - 1000,
    expiresAt: Date.now() + 600_000,
    webIdentity: { keyPrefix: 'idp.example.test', claims: { sub: 'user-7', aud: 'client' } },
    ...over,
  };
}

describe('gateway: POST /authorize for resource services', () => {
  let gw: GatewayHarness;
  beforeAll(async () => {
    gw = await startGateway();
    credentialVendingState.permissions.set(ROLE, {
      RoleArn: ROLE,
      RoleId: 'AROAREADERREADERREADE',
      Policies: [
        {
          Label: 'reader/read',
          Document: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: 'docs:Get*',
                Resource: 'arn:aws:docs:::user/${idp.example.test:sub}/*',
              },
            ],
          }),
        },
      ],
    });
  });
  afterAll(async () => {
    await gw.close();
  });

  /** The admin-signed call a resource service makes. */
  async function authorize(body: unknown, credentials = ADMIN) {
    const url = new URL(`${gw.url}/authorize`);
    const text = JSON.stringify(body);
    const signed = signRequest(
      {
        method: 'POST',
        path: '/authorize',
        query: '',
        headers: { host: url.host, 'content-type': 'application/json' },
        body: text,
      },
      credentials,
      { region: 'us-east-1', service: 'idfed' },
    );
    return fetch(url, { method: 'POST', headers: signed.headers as Record<string, string>, body: text });
  }

  /** A request a device signed with its temporary credentials, as the resource service received it. */
  function deviceRequest(c: SessionClaims, token = codec.seal(c)) {
    const signed = signRequest(
      {
        method: 'GET',
        path: '/docs/user-7/a',
        query: 'x=1',
        headers: { host: 'docs.example.test' },
        body: '',
      },
      { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: token },
      { region: 'us-east-1', service: 'docs' },
    );
    return { method: 'GET', path: '/docs/user-7/a', query: 'x=1', headers: signed.headers, service: 'docs' };
  }

  it('verifies the signed request and allows what the role grants, variables filled from the token', async () => {
    const c = session();
    const res = await authorize({
      request: deviceRequest(c),
      action: 'docs:GetDocument',
      resource: 'arn:aws:docs:::user/user-7/a',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      authenticated: true,
      allowed: true,
      decision: 'Allow',
      principal: {
        type: 'AssumedRole',
        arn: 'arn:aws:sts::000000000000:assumed-role/reader/app',
        roleArn: ROLE,
        subject: 'user-7',
      },
      decidedBy: { policyType: 'identity', policy: 'reader/read' },
    });
    expect(JSON.stringify(body)).not.toContain(c.secretAccessKey);
  });

  it("denies another user's document and says why", async () => {
    const res = await authorize({
      request: deviceRequest(session()),
      action: 'docs:GetDocument',
      resource: 'arn:aws:docs:::user/user-8/a',
    });
    expect(await res.json()).toMatchObject({ authenticated: true, allowed: false, decision: 'ImplicitDeny' });
  });

  it('seals an encoded authorization message into a refusal only, for STS DecodeAuthorizationMessage (ADR 0039)', async () => {
    const denied = (await (
      await authorize({
        request: deviceRequest(session()),
        action: 'docs:GetDocument',
        resource: 'arn:aws:docs:::user/user-8/a',
        context: { 'docs:Shelf': 'top' },
      })
    ).json()) as { encodedMessage: string };
    expect(denied.encodedMessage).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(
      JSON.parse(new AuthorizationMessageSealer(SESSION_TOKEN_KEY).decode(denied.encodedMessage)),
    ).toEqual({
      allowed: false,
      explicitDeny: false,
      matchedStatements: { items: [] },
      failures: { items: [] },
      context: {
        principal: {
          id: 'AROAREADERREADERREADE:app',
          arn: 'arn:aws:sts::000000000000:assumed-role/reader/app',
        },
        action: 'docs:GetDocument',
        resource: 'arn:aws:docs:::user/user-8/a',
        // The asker's keys, and the region the request was signed for.
        conditions: {
          items: [
            { key: 'docs:Shelf', values: { items: [{ value: 'top' }] } },
            { key: 'aws:RequestedRegion', values: { items: [{ value: 'us-east-1' }] } },
          ],
        },
      },
    });
    // Sealed under a key of its own: another master key does not open it.
    expect(() => new AuthorizationMessageSealer(Buffer.alloc(32, 8)).decode(denied.encodedMessage)).toThrow();
    const allowed = (await (
      await authorize({
        request: deviceRequest(session()),
        action: 'docs:GetDocument',
        resource: 'arn:aws:docs:::user/user-7/a',
      })
    ).json()) as Record<string, unknown>;
    expect(allowed).not.toHaveProperty('encodedMessage');
  });

  it('answers an unverifiable request as not authenticated, with the AWS error it would get', async () => {
    const c = session({ expiresAt: Date.now() - 1 });
    const res = await authorize({ request: deviceRequest(c), action: 'docs:GetDocument', resource: '*' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      authenticated: false,
      allowed: false,
      error: { code: 'ExpiredToken' },
    });
    const tampered = await authorize({
      request: { ...deviceRequest(session()), path: '/docs/user-8/a' },
      action: 'docs:GetDocument',
      resource: '*',
    });
    expect(await tampered.json()).toMatchObject({
      authenticated: false,
      error: { code: 'SignatureDoesNotMatch' },
    });
  });

  it('refuses a device request presigned over UNSIGNED-PAYLOAD that carries a body, except for S3', async () => {
    const c = session();
    const creds = {
      accessKeyId: c.accessKeyId,
      secretAccessKey: c.secretAccessKey,
      sessionToken: codec.seal(c),
    };
    const presign = (service: string) =>
      presignRequest(
        {
          method: 'PUT',
          path: '/docs/user-7/a',
          query: '',
          headers: { host: 'docs.example.test' },
          body: '',
        },
        creds,
        { region: 'us-east-1', service, unsignedPayload: true },
      );
    const asSent = (signed: ReturnType<typeof presign>, service: string) => ({
      method: 'PUT',
      path: signed.path,
      query: signed.query,
      headers: signed.headers,
      body: Buffer.from('any body at all').toString('base64'),
      service,
    });
    const docs = await authorize({
      request: asSent(presign('docs'), 'docs'),
      action: 'docs:PutDocument',
      resource: '*',
    });
    expect(await docs.json()).toMatchObject({
      authenticated: false,
      error: { code: 'SignatureDoesNotMatch' },
    });
    const s3 = await authorize({
      request: asSent(presign('s3'), 's3'),
      action: 's3:PutObject',
      resource: '*',
    });
    expect(await s3.json()).toMatchObject({ authenticated: true });
  });

  it('accepts credentials the resource service verified itself', async () => {
    const c = session();
    const res = await authorize({
      credentials: { accessKeyId: c.accessKeyId, sessionToken: codec.seal(c) },
      action: 'docs:GetDocument',
      resource: 'arn:aws:docs:::user/user-7/b',
    });
    expect(await res.json()).toMatchObject({ authenticated: true, allowed: true });
  });

  it('is for the admin key only, and checks its input', async () => {
    const c = session();
    const asDevice = await authorize(
      {
        credentials: { accessKeyId: c.accessKeyId, sessionToken: codec.seal(c) },
        action: 'a:b',
        resource: '*',
      },
      { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey },
    );
    expect(asDevice.status).toBe(400);
    expect(await asDevice.json()).toMatchObject({ __type: 'UnrecognizedClientException' });
    const bad = await authorize({ action: 'nope', resource: '*' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ __type: 'ValidationException' });
  });
});
