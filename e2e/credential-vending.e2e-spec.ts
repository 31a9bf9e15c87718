import {
  AddClientIDToOpenIDConnectProviderCommand,
  AttachRolePolicyCommand,
  CreateOpenIDConnectProviderCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  DeleteConflictException,
  DeleteOpenIDConnectProviderCommand,
  DeletePolicyCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  EntityAlreadyExistsException,
  GetOpenIDConnectProviderCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListOpenIDConnectProvidersCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  MalformedPolicyDocumentException,
  NoSuchEntityException,
  PutRolePolicyCommand,
  UpdateRoleCommand,
} from '@aws-sdk/client-iam';
import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  ExpiredTokenException,
  GetCallerIdentityCommand,
  InvalidIdentityTokenException,
  MalformedPolicyDocumentException as StsMalformedPolicyDocumentException,
  PackedPolicyTooLargeException,
  STSClient,
} from '@aws-sdk/client-sts';
import { fromWebToken } from '@aws-sdk/credential-providers';
import { randomBytes } from 'node:crypto';
import { SessionTokenCodec } from '../libs/session-credentials/src';
import { signRequest } from '../libs/sigv4/src';
import { e2eSystem } from './support/e2e-context';
import { startTestIdp, TestIdp } from './support/test-idp';

type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
type SdkError = Error & { $metadata: { httpStatusCode?: number } };

async function failureOf(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (err) {
    return err as SdkError;
  }
  throw new Error('expected the call to fail');
}

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';

/**
 * Credential vending as an app meets it: the IAM and STS SDKs (and the SDK's web-identity
 * credential provider) against idfed, a real OpenID Connect provider on loopback issuing ID
 * tokens, and the vended credentials used to sign further calls.
 */
describe('credential vending: IAM roles, OIDC providers and STS through the AWS SDKs', () => {
  const system = e2eSystem();
  const admin = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const suffix = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const roleName = `e2e-web-${suffix}`;
  const chainRoleName = `e2e-chain-${suffix}`;
  const policyName = `e2e-shelves-${suffix}`;
  const roleArn = `arn:aws:iam::${ACCOUNT}:role/apps/${roleName}`;
  const chainRoleArn = `arn:aws:iam::${ACCOUNT}:role/${chainRoleName}`;
  let idp: TestIdp;
  let iam: IAMClient;
  let providerArn: string;
  let policyArn: string;
  let roleId: string;
  let vended: Creds & { expiration?: Date };

  const sts = (credentials: Creds = admin) =>
    new STSClient({ region: REGION, endpoint: system.endpoint, credentials, maxAttempts: 1 });
  const token = (
    claims: Record<string, unknown> = {},
    extra: Parameters<TestIdp['mint']>[0] extends infer O ? Partial<O> : never = {},
  ) => idp.mint({ claims: { sub: 'user-42', aud: 'app-client', ...claims }, ...extra });
  const assume = (webIdentityToken: string, more: Record<string, unknown> = {}) =>
    sts().send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: roleArn,
        RoleSessionName: 'device-1',
        WebIdentityToken: webIdentityToken,
        ...more,
      }),
    );

  /** A Query call the SDKs do not model (idfed's RevokeRoleSessions), signed with the admin key. */
  async function adminQuery(params: Record<string, string>): Promise<{ status: number; text: string }> {
    const url = new URL(system.endpoint);
    const body = new URLSearchParams({ Version: '2010-05-08', ...params }).toString();
    const signed = signRequest(
      {
        method: 'POST',
        path: '/',
        query: '',
        headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      },
      admin,
      { region: REGION, service: 'iam' },
    );
    const res = await fetch(system.endpoint, {
      method: 'POST',
      headers: signed.headers as Record<string, string>,
      body,
    });
    return { status: res.status, text: await res.text() };
  }

  /** What a resource service does with a request a device signed: ask idfed's authorizer. */
  async function authorize(device: Creds, action: string, resource: string) {
    const deviceRequest = signRequest(
      { method: 'GET', path: '/shelves/x', query: '', headers: { host: 'docs.example.test' }, body: '' },
      device,
      { region: REGION, service: 'docs' },
    );
    const url = new URL(`${system.endpoint}/authorize`);
    const body = JSON.stringify({
      request: {
        method: 'GET',
        path: '/shelves/x',
        query: '',
        headers: deviceRequest.headers,
        service: 'docs',
      },
      action,
      resource,
    });
    const signed = signRequest(
      {
        method: 'POST',
        path: '/authorize',
        query: '',
        headers: { host: url.host, 'content-type': 'application/json' },
        body,
      },
      admin,
      { region: REGION, service: 'idfed' },
    );
    const res = await fetch(url, { method: 'POST', headers: signed.headers as Record<string, string>, body });
    expect(res.status).toBe(200);
    return (await res.json()) as {
      authenticated: boolean;
      allowed: boolean;
      decision: string;
      reason: string;
    };
  }

  beforeAll(async () => {
    idp = await startTestIdp();
    iam = new IAMClient({ region: REGION, endpoint: system.endpoint, credentials: admin, maxAttempts: 1 });
  });
  afterAll(async () => {
    iam.destroy();
    await idp.stop();
  });

  it('registers the local OpenID Connect provider with IAM', async () => {
    const created = await iam.send(
      new CreateOpenIDConnectProviderCommand({ Url: idp.issuer, ClientIDList: ['app-client'] }),
    );
    providerArn = created.OpenIDConnectProviderArn!;
    expect(providerArn).toBe(`arn:aws:iam::${ACCOUNT}:oidc-provider/${idp.urlKey}`);
    await iam.send(
      new AddClientIDToOpenIDConnectProviderCommand({
        OpenIDConnectProviderArn: providerArn,
        ClientID: 'cli',
      }),
    );
    const got = await iam.send(
      new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: providerArn }),
    );
    expect(got.Url).toBe(idp.urlKey);
    expect(got.ClientIDList).toEqual(['app-client', 'cli']);
    expect(got.CreateDate).toBeInstanceOf(Date);
    const listed = await iam.send(new ListOpenIDConnectProvidersCommand({}));
    expect(listed.OpenIDConnectProviderList?.map((p) => p.Arn)).toContain(providerArn);
    const again = await failureOf(iam.send(new CreateOpenIDConnectProviderCommand({ Url: idp.issuer })));
    expect(again).toBeInstanceOf(EntityAlreadyExistsException);
  });

  it('creates a role trusting the provider, with an inline and a managed policy', async () => {
    const trust = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: providerArn },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { [`${idp.urlKey}:aud`]: 'app-client' },
            StringLike: { [`${idp.urlKey}:sub`]: 'user-*' },
          },
        },
      ],
    };
    const { Role } = await iam.send(
      new CreateRoleCommand({
        RoleName: roleName,
        Path: '/apps/',
        AssumeRolePolicyDocument: JSON.stringify(trust),
        Description: 'e2e web identity role',
        Tags: [{ Key: 'suite', Value: 'e2e' }],
      }),
    );
    expect(Role).toMatchObject({
      RoleName: roleName,
      Arn: roleArn,
      Path: '/apps/',
      MaxSessionDuration: 3600,
    });
    expect(Role?.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    roleId = Role!.RoleId!;
    expect(JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!))).toEqual(trust);

    const docs = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'docs:*', Resource: `arn:aws:docs:::user/\${${idp.urlKey}:sub}/*` },
      ],
    };
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: roleName,
        PolicyName: 'own-docs',
        PolicyDocument: JSON.stringify(docs),
      }),
    );
    const { Policy } = await iam.send(
      new CreatePolicyCommand({
        PolicyName: policyName,
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'docs:ListShelves', Resource: '*' }],
        }),
      }),
    );
    policyArn = Policy!.Arn!;
    expect(Policy).toMatchObject({ DefaultVersionId: 'v1', AttachmentCount: 0, IsAttachable: true });
    await iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: policyArn }));

    const fetched = await iam.send(new GetRoleCommand({ RoleName: roleName.toUpperCase() }));
    expect(fetched.Role?.Tags).toEqual([{ Key: 'suite', Value: 'e2e' }]);
    const inline = await iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: 'own-docs' }));
    expect(JSON.parse(decodeURIComponent(inline.PolicyDocument!))).toEqual(docs);
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: roleName }))).PolicyNames).toEqual([
      'own-docs',
    ]);
    const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName }));
    expect(attached.AttachedPolicies).toEqual([{ PolicyName: policyName, PolicyArn: policyArn }]);
    const listed = await iam.send(new ListRolesCommand({ PathPrefix: '/apps/' }));
    expect(listed.Roles?.map((r) => r.RoleName)).toContain(roleName);
  });

  it('refuses malformed policies with MalformedPolicyDocument and the reason, and duplicates', async () => {
    const withPrincipal = await failureOf(
      iam.send(
        new PutRolePolicyCommand({
          RoleName: roleName,
          PolicyName: 'bad',
          PolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }],
          }),
        }),
      ),
    );
    expect(withPrincipal).toBeInstanceOf(MalformedPolicyDocumentException);
    expect(withPrincipal.message).toBe('Policy document should not specify a principal.');
    expect(withPrincipal.$metadata.httpStatusCode).toBe(400);
    const notJson = await failureOf(
      iam.send(
        new CreateRoleCommand({ RoleName: `bad-${suffix}`, AssumeRolePolicyDocument: '{"Statement":' }),
      ),
    );
    expect(notJson).toBeInstanceOf(MalformedPolicyDocumentException);
    const duplicate = await failureOf(
      iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: '{}' })),
    );
    expect(duplicate.name).toMatch(/MalformedPolicyDocument|EntityAlreadyExists/);
    const missing = await failureOf(iam.send(new GetRoleCommand({ RoleName: `nope-${suffix}` })));
    expect(missing).toBeInstanceOf(NoSuchEntityException);
    expect(missing.$metadata.httpStatusCode).toBe(404);
  });

  it('vends ASIA credentials through the SDK web-identity provider, and they sign GetCallerIdentity', async () => {
    const provider = fromWebToken({
      roleArn,
      roleSessionName: 'device-1',
      webIdentityToken: await token(),
      clientConfig: { region: REGION, endpoint: system.endpoint, maxAttempts: 1 },
    });
    const creds = await provider();
    expect(creds.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(creds.secretAccessKey).toHaveLength(40);
    expect(creds.sessionToken).toBeTruthy();
    expect(creds.expiration!.getTime() - Date.now()).toBeGreaterThan(3500_000);
    vended = { ...creds };

    const who = await sts(vended).send(new GetCallerIdentityCommand({}));
    expect(who).toMatchObject({
      Account: ACCOUNT,
      Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${roleName}/device-1`,
      UserId: `${roleId}:device-1`,
    });
  });

  it('answers AssumeRoleWithWebIdentity like STS: subject, provider, audience, DurationSeconds', async () => {
    const out = await assume(await token({}, { alg: 'ES256' }), { DurationSeconds: 900 });
    expect(out).toMatchObject({
      SubjectFromWebIdentityToken: 'user-42',
      Provider: idp.issuer,
      Audience: 'app-client',
      AssumedRoleUser: {
        Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${roleName}/device-1`,
        AssumedRoleId: `${roleId}:device-1`,
      },
    });
    const lifetime = out.Credentials!.Expiration!.getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(880_000);
    expect(lifetime).toBeLessThanOrEqual(900_000);
    const tooLong = await failureOf(assume(await token(), { DurationSeconds: 7200 }));
    expect(tooLong.name).toBe('ValidationError');
    expect(tooLong.message).toMatch(/exceeds the MaxSessionDuration/);
    await iam.send(new UpdateRoleCommand({ RoleName: roleName, MaxSessionDuration: 7200 }));
    const longer = await assume(await token(), { DurationSeconds: 7200 });
    expect(longer.Credentials!.Expiration!.getTime() - Date.now()).toBeGreaterThan(7100_000);
  });

  it.each<[string, () => Promise<string>, string | (new (...a: never[]) => Error)]>([
    [
      'a tampered token',
      async () => {
        const [h, , s] = (await token()).split('.');
        const body = Buffer.from(
          JSON.stringify({ iss: idp.issuer, sub: 'user-1', aud: 'app-client', exp: 4e9 }),
        ).toString('base64url');
        return `${h}.${body}.${s}`;
      },
      InvalidIdentityTokenException,
    ],
    [
      'a token signed with a key the IdP does not publish',
      () => token({}, { forge: true }),
      InvalidIdentityTokenException,
    ],
    ['an expired token', () => token({}, { expiresIn: -300 }), ExpiredTokenException],
    ['a token for another audience', () => token({ aud: 'other-app' }), InvalidIdentityTokenException],
    [
      'a token from an issuer the account does not trust',
      () => token({ iss: 'http://127.0.0.1:9/realms/other' }),
      InvalidIdentityTokenException,
    ],
    [
      'an unsigned token (alg none)',
      async () => {
        const [, body] = (await token()).split('.');
        return `${Buffer.from('{"alg":"none"}').toString('base64url')}.${body}.`;
      },
      InvalidIdentityTokenException,
    ],
    ['a subject the trust policy does not admit', () => token({ sub: 'admin-1' }), 'AccessDenied'],
  ])('refuses %s', async (_what, makeToken, expected) => {
    const err = await failureOf(assume(await makeToken()));
    if (typeof expected === 'string') expect(err.name).toBe(expected);
    else expect(err).toBeInstanceOf(expected);
  });

  it('refuses a role that does not exist like one that does not trust the caller', async () => {
    const err = await failureOf(
      assume(await token(), { RoleArn: `arn:aws:iam::${ACCOUNT}:role/none-${suffix}` }),
    );
    expect(err.name).toBe('AccessDenied');
    expect(err.$metadata.httpStatusCode).toBe(403);
  });

  it('refuses a malformed session policy, and session policies too large to pack', async () => {
    const malformed = await failureOf(
      assume(await token(), { Policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}' }),
    );
    expect(malformed).toBeInstanceOf(StsMalformedPolicyDocumentException);
    expect(malformed.message).toBe('Policy statement must contain actions.');
    // A managed policy near IAM's 6,144-character quota, of text that does not compress.
    const noise = randomBytes(6000)
      .toString('base64')
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 5900);
    const { Policy } = await iam.send(
      new CreatePolicyCommand({
        PolicyName: `e2e-big-${suffix}`,
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Sid: noise, Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
        }),
      }),
    );
    const big = await failureOf(assume(await token(), { PolicyArns: [{ arn: Policy!.Arn! }] }));
    expect(big).toBeInstanceOf(PackedPolicyTooLargeException);
    expect(big.message).toMatch(/^Packed policy consumes \d+% of allotted space/);
    await iam.send(new DeletePolicyCommand({ PolicyArn: Policy!.Arn! }));
  });

  it('refuses a tampered session token and expired credentials when they sign a request', async () => {
    const tampered = { ...vended, sessionToken: `${vended.sessionToken!.slice(0, -6)}AAAAAA` };
    const err = await failureOf(sts(tampered).send(new GetCallerIdentityCommand({})));
    expect(err.name).toBe('InvalidClientTokenId');
    expect(err.$metadata.httpStatusCode).toBe(403);

    // Credentials of the same role that expired a minute ago, sealed with the deployment's key.
    const codec = SessionTokenCodec.fromMasterKey(
      Buffer.from(system.commonEnv.IDFED_SESSION_TOKEN_KEY, 'base64'),
    );
    const expired = {
      accessKeyId: 'ASIAEXPIREDEXPIRED22',
      secretAccessKey: randomBytes(30).toString('base64'),
    };
    const sessionToken = codec.seal({
      ...expired,
      roleArn,
      roleId,
      sessionName: 'old',
      subject: 'user-42',
      provider: providerArn,
      issuedAt: Date.now() - 3660_000,
      expiresAt: Date.now() - 60_000,
    });
    const expiredErr = await failureOf(
      sts({ ...expired, sessionToken }).send(new GetCallerIdentityCommand({})),
    );
    expect(expiredErr.name).toBe('ExpiredToken');
    expect(expiredErr.message).toBe('The security token included in the request is expired');
  });

  it('intersects the role policies with the session policy (authorizer)', async () => {
    const own = 'arn:aws:docs:::user/user-42/notes';
    const full = await authorize(vended, 'docs:PutDocument', own);
    expect(full).toMatchObject({ authenticated: true, allowed: true });
    expect((await authorize(vended, 'docs:GetDocument', 'arn:aws:docs:::user/user-7/notes')).allowed).toBe(
      false,
    );
    expect((await authorize(vended, 'docs:ListShelves', '*')).allowed).toBe(true);

    const scoped = await assume(await token(), {
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['docs:GetDocument', 'docs:ListShelves'], Resource: '*' }],
      }),
    });
    expect(scoped.PackedPolicySize).toBeGreaterThan(0);
    const c = scoped.Credentials!;
    const creds = {
      accessKeyId: c.AccessKeyId!,
      secretAccessKey: c.SecretAccessKey!,
      sessionToken: c.SessionToken!,
    };
    expect((await authorize(creds, 'docs:GetDocument', own)).allowed).toBe(true);
    const put = await authorize(creds, 'docs:PutDocument', own);
    expect(put).toMatchObject({ allowed: false, decision: 'ImplicitDeny' });
    expect(put.reason).toMatch(/session policy/);
    // The session policy allows any document; the role still limits it to the user's own.
    expect((await authorize(creds, 'docs:GetDocument', 'arn:aws:docs:::user/user-7/notes')).allowed).toBe(
      false,
    );
  });

  it('chains roles with AssumeRole: one hour at most, and only into roles that trust the session', async () => {
    await iam.send(
      new CreateRoleCommand({
        RoleName: chainRoleName,
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: roleArn }, Action: 'sts:AssumeRole' }],
        }),
        MaxSessionDuration: 7200,
      }),
    );
    const tooLong = await failureOf(
      sts(vended).send(
        new AssumeRoleCommand({ RoleArn: chainRoleArn, RoleSessionName: 'chained', DurationSeconds: 7200 }),
      ),
    );
    expect(tooLong.name).toBe('ValidationError');
    expect(tooLong.message).toMatch(/role chaining/);
    const chained = await sts(vended).send(
      new AssumeRoleCommand({ RoleArn: chainRoleArn, RoleSessionName: 'chained' }),
    );
    const c = chained.Credentials!;
    expect(c.AccessKeyId).toMatch(/^ASIA/);
    const who = await sts({
      accessKeyId: c.AccessKeyId!,
      secretAccessKey: c.SecretAccessKey!,
      sessionToken: c.SessionToken!,
    }).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/${chainRoleName}/chained`);
    // The admin key is the account root, which this trust policy does not name.
    const root = await failureOf(
      sts().send(new AssumeRoleCommand({ RoleArn: chainRoleArn, RoleSessionName: 'root' })),
    );
    expect(root.name).toBe('AccessDenied');
    expect(root.message).toContain(
      `arn:aws:iam::${ACCOUNT}:root is not authorized to perform: sts:AssumeRole`,
    );
  });

  it('refuses revoked sessions within the documented delay, and keeps vending new ones', async () => {
    await sts(vended).send(new GetCallerIdentityCommand({}));
    const revoked = await adminQuery({ Action: 'RevokeRoleSessions', RoleName: roleName });
    expect(revoked.status).toBe(200);
    expect(revoked.text).toContain(`<RoleArn>${roleArn}</RoleArn>`);
    const started = Date.now();
    let refusal: SdkError | undefined;
    while (!refusal && Date.now() - started < 10_000) {
      refusal = await sts(vended)
        .send(new GetCallerIdentityCommand({}))
        .then(
          () => undefined,
          (err: SdkError) => err,
        );
      if (!refusal) await new Promise((r) => setTimeout(r, 100));
    }
    expect(refusal?.name).toBe('InvalidClientTokenId');
    // ADR 0004: one refresh interval (IDFED_REVOCATION_REFRESH_MS, 2 s by default) plus a bus round trip.
    expect(Date.now() - started).toBeLessThan(2000 + 1500);

    await new Promise((r) => setTimeout(r, 5));
    const fresh = (await assume(await token())).Credentials!;
    const who = await sts({
      accessKeyId: fresh.AccessKeyId!,
      secretAccessKey: fresh.SecretAccessKey!,
      sessionToken: fresh.SessionToken!,
    }).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/${roleName}/device-1`);
    const unknown = await adminQuery({ Action: 'RevokeRoleSessions', RoleName: `none-${suffix}` });
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('<Code>NoSuchEntity</Code>');
  });

  it('deletes in IAM order: a role with policies is a DeleteConflict', async () => {
    const conflict = await failureOf(iam.send(new DeleteRoleCommand({ RoleName: roleName })));
    expect(conflict).toBeInstanceOf(DeleteConflictException);
    expect(conflict.$metadata.httpStatusCode).toBe(409);
    await iam.send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: 'own-docs' }));
    expect((await failureOf(iam.send(new DeletePolicyCommand({ PolicyArn: policyArn })))).name).toBe(
      'DeleteConflictException',
    );
    await iam.send(new DetachRolePolicyCommand({ RoleName: roleName, PolicyArn: policyArn }));
    await iam.send(new DeletePolicyCommand({ PolicyArn: policyArn }));
    await iam.send(new DeleteRoleCommand({ RoleName: roleName }));
    await iam.send(new DeleteRoleCommand({ RoleName: chainRoleName }));
    await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: providerArn }));
    expect(await failureOf(iam.send(new GetRoleCommand({ RoleName: roleName })))).toBeInstanceOf(
      NoSuchEntityException,
    );
    // Sessions of a deleted role no longer get anything from AssumeRole* (the provider is gone too).
    expect((await failureOf(assume(await token()))).name).toBe('InvalidIdentityTokenException');
  });
});
