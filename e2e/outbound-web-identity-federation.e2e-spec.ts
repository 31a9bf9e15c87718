import {
  CreateAccessKeyCommand,
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DisableOutboundWebIdentityFederationCommand,
  EnableOutboundWebIdentityFederationCommand,
  GetOutboundWebIdentityFederationInfoCommand,
  IAMClient,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  TagUserCommand,
} from '@aws-sdk/client-iam';
import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  GetSessionTokenCommand,
  GetWebIdentityTokenCommand,
  GetWebIdentityTokenCommandInput,
  STSClient,
} from '@aws-sdk/client-sts';
import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
} from 'jose';
import { randomBytes } from 'node:crypto';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { queryForm, rawQueryCall } from './support/raw-aws';
import { e2eSystem } from './support/e2e-context';
import { startTestIdp, TestIdp } from './support/test-idp';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';
const NS = 'https://sts.amazonaws.com/';
type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

/**
 * IAM outbound identity federation and STS GetWebIdentityToken (ADR 0086) as AWS documents them,
 * with @aws-sdk/client-iam and client-sts: enabling answers the account's issuer URL, a role
 * session (AssumeRole, AssumeRoleWithWebIdentity) or an IAM user asks for a JWT, and an external
 * service verifies it as it would one of AWS's: jose's createRemoteJWKSet over the JWKS the
 * issuer's discovery document names, with the issuer and audience checked. Refusals: the feature
 * disabled, a policy without the action or holding the audience, duration or algorithm to
 * something else, a token that would outlive its session, oversized tags, anonymous callers; and
 * tokens the JWKS check must refuse (changed, signed with a key not the issuer's, `alg: none`).
 */
describe('outbound identity federation: GetWebIdentityToken', () => {
  const system = e2eSystem();
  const admin: Creds = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const clients: { destroy(): void }[] = [];
  const opts = (credentials: Creds) => ({
    region: REGION,
    endpoint: system.endpoint,
    credentials,
    maxAttempts: 1,
  });
  function track<T extends { destroy(): void }>(c: T): T {
    clients.push(c);
    return c;
  }
  const sts = (c: Creds) => track(new STSClient(opts(c)));
  const iamAs = (c: Creds) => track(new IAMClient(opts(c)));
  const iam = iamAs(admin);
  const unique = () => randomBytes(4).toString('hex');
  const policy = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
  const allowToken = (condition?: object) => ({
    Effect: 'Allow',
    Action: 'sts:GetWebIdentityToken',
    Resource: '*',
    ...(condition ? { Condition: condition } : {}),
  });
  const asCreds = (c: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string }): Creds => ({
    accessKeyId: c.AccessKeyId!,
    secretAccessKey: c.SecretAccessKey!,
    ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
  });
  const ask = (c: Creds, input: Partial<GetWebIdentityTokenCommandInput> = {}) =>
    sts(c).send(
      new GetWebIdentityTokenCommand({
        Audience: ['https://api.example.com'],
        SigningAlgorithm: 'RS256',
        ...input,
      }),
    );

  afterAll(() => clients.forEach((c) => c.destroy()));

  /** Turns the feature on (whatever state an earlier test left) and answers the issuer URL. */
  async function enabled(): Promise<string> {
    try {
      return (await iam.send(new EnableOutboundWebIdentityFederationCommand({}))).IssuerIdentifier!;
    } catch (err) {
      if ((err as Error).name !== 'FeatureEnabledException') throw err;
      return (await iam.send(new GetOutboundWebIdentityFederationInfoCommand({}))).IssuerIdentifier!;
    }
  }

  /** What an external service does: discovery from the issuer, then the JWKS it names. */
  async function verify(
    token: string,
    issuer: string,
    audience: string | string[] = 'https://api.example.com',
  ) {
    const res = await fetch(`${issuer}/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    const discovery = (await res.json()) as { issuer: string; jwks_uri: string };
    expect(discovery.issuer).toBe(issuer);
    return jwtVerify(token, createRemoteJWKSet(new URL(discovery.jwks_uri)), { issuer, audience });
  }

  /** A role the account root may assume, with `statements` as its inline policy and a tag. */
  async function newRole(statements: object[]): Promise<{ arn: string; name: string }> {
    const name = `e2e-outbound-${unique()}`;
    const { Role } = await iam.send(
      new CreateRoleCommand({
        RoleName: name,
        AssumeRolePolicyDocument: policy([
          {
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
            Action: ['sts:AssumeRole', 'sts:TagSession'],
          },
        ]),
        Tags: [{ Key: 'team', Value: 'data' }],
      }),
    );
    if (statements.length) {
      await iam.send(
        new PutRolePolicyCommand({
          RoleName: name,
          PolicyName: 'outbound',
          PolicyDocument: policy(statements),
        }),
      );
    }
    return { arn: Role!.Arn!, name };
  }

  async function sessionOf(
    roleArn: string,
    more: { DurationSeconds?: number; Tags?: { Key: string; Value: string }[] } = {},
  ) {
    const { Credentials } = await sts(admin).send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'outbound', ...more }),
    );
    return asCreds(Credentials!);
  }

  it('enables once, answers the issuer URL, serves its discovery document and keys, and refuses a second enable', async () => {
    const issuer = await enabled();
    expect(issuer).toMatch(new RegExp(`^${system.endpoint}/sts-tokens/[0-9a-f-]{36}$`));
    await expectAwsError(
      iam.send(new EnableOutboundWebIdentityFederationCommand({})),
      'FeatureEnabledException',
    );
    const info = await iam.send(new GetOutboundWebIdentityFederationInfoCommand({}));
    expect(info).toMatchObject({ IssuerIdentifier: issuer, JwtVendingEnabled: true });

    const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(discovery).toMatchObject({
      issuer,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      id_token_signing_alg_values_supported: ['RS256', 'ES384'],
    });
    const jwks = (await (await fetch(`${issuer}/.well-known/jwks.json`)).json()) as {
      keys: { kid: string; alg: string; kty: string; d?: string }[];
    };
    expect(jwks.keys.map((k) => k.alg).sort()).toEqual(expect.arrayContaining(['ES384', 'RS256']));
    // Public keys only.
    expect(jwks.keys.every((k) => k.d === undefined && k.kid.length > 0)).toBe(true);
    // Any other issuer id is nobody's.
    const other = await fetch(
      `${system.endpoint}/sts-tokens/00000000-0000-4000-8000-000000000000/.well-known/jwks.json`,
    );
    expect(other.status).toBe(404);
    expect(
      (await fetch(`${system.endpoint}/sts-tokens/..%2F..%2Fx/.well-known/openid-configuration`)).status,
    ).toBe(404);
  });

  it('gives an AssumeRole session a token an external service verifies: claims, audience, expiry, both algorithms', async () => {
    const issuer = await enabled();
    const role = await newRole([allowToken()]);
    const creds = await sessionOf(role.arn, { Tags: [{ Key: 'project', Value: 'atlas' }] });
    for (const alg of ['RS256', 'ES384'] as const) {
      const answer = await ask(creds, {
        SigningAlgorithm: alg,
        Audience: ['https://api.example.com', 'https://other.example.com'],
        DurationSeconds: 600,
        Tags: [{ Key: 'job-id', Value: 'job-1' }],
      });
      const { payload, protectedHeader } = await verify(answer.WebIdentityToken!, issuer);
      expect(protectedHeader.alg).toBe(alg);
      expect(payload).toMatchObject({
        iss: issuer,
        sub: role.arn,
        aud: ['https://api.example.com', 'https://other.example.com'],
        [NS]: {
          aws_account: ACCOUNT,
          source_region: REGION,
          principal_id: role.arn,
          principal_tags: { team: 'data', project: 'atlas' },
          request_tags: { 'job-id': 'job-1' },
        },
      });
      expect(payload.exp! - payload.iat!).toBe(600);
      expect(answer.Expiration!.getTime()).toBe(payload.exp! * 1000);
      expect(typeof payload.jti).toBe('string');
      // A service expecting another audience refuses it.
      await expect(verify(answer.WebIdentityToken!, issuer, 'https://elsewhere.example.com')).rejects.toThrow(
        /aud/,
      );
    }
    // Without DurationSeconds: five minutes; one audience is a string claim.
    const short = await ask(creds);
    const { payload } = await verify(short.WebIdentityToken!, issuer);
    expect(payload.exp! - payload.iat!).toBe(300);
    expect(payload.aud).toBe('https://api.example.com');
    expect(payload.jti).not.toBe((await verify((await ask(creds)).WebIdentityToken!, issuer)).payload.jti);
  });

  describe('a web identity session', () => {
    let idp: TestIdp;
    beforeAll(async () => {
      idp = await startTestIdp();
    });
    afterAll(() => idp?.stop());

    it('gets a token whose subject is its role', async () => {
      const issuer = await enabled();
      // This suite's own IdP (its own port, so its own URL): registered here only.
      const { OpenIDConnectProviderArn } = await iam.send(
        new CreateOpenIDConnectProviderCommand({ Url: idp.issuer, ClientIDList: ['app-client'] }),
      );
      const name = `e2e-outbound-web-${unique()}`;
      const { Role } = await iam.send(
        new CreateRoleCommand({
          RoleName: name,
          AssumeRolePolicyDocument: policy([
            {
              Effect: 'Allow',
              Principal: { Federated: OpenIDConnectProviderArn },
              Action: 'sts:AssumeRoleWithWebIdentity',
            },
          ]),
        }),
      );
      await iam.send(
        new PutRolePolicyCommand({
          RoleName: name,
          PolicyName: 'outbound',
          PolicyDocument: policy([allowToken()]),
        }),
      );
      const idToken = await idp.mint({ claims: { sub: 'user-7', aud: 'app-client' } });
      const { Credentials } = await sts(admin).send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: Role!.Arn!,
          RoleSessionName: 'web',
          WebIdentityToken: idToken,
        }),
      );
      const answer = await ask(asCreds(Credentials!), { SigningAlgorithm: 'ES384' });
      const { payload } = await verify(answer.WebIdentityToken!, issuer);
      expect(payload.sub).toBe(Role!.Arn);
    });
  });

  it("gives an IAM user's key a token within its policy's audiences, with its tags; not its GetSessionToken session", async () => {
    const issuer = await enabled();
    const userName = `e2e-outbound-${unique()}`;
    const { User } = await iam.send(new CreateUserCommand({ UserName: userName, Path: '/apps/' }));
    await iam.send(new TagUserCommand({ UserName: userName, Tags: [{ Key: 'dept', Value: 'ops' }] }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: userName,
        PolicyName: 'outbound',
        PolicyDocument: policy([
          allowToken({
            'ForAllValues:StringEquals': { 'sts:IdentityTokenAudience': 'https://api.example.com' },
          }),
          { Effect: 'Allow', Action: 'sts:GetSessionToken', Resource: '*' },
        ]),
      }),
    );
    const key = asCreds((await iam.send(new CreateAccessKeyCommand({ UserName: userName }))).AccessKey!);
    const answer = await ask(key);
    const { payload } = await verify(answer.WebIdentityToken!, issuer);
    expect(payload).toMatchObject({
      sub: User!.Arn,
      [NS]: { principal_id: User!.Arn, principal_tags: { dept: 'ops' } },
    });
    await expectAwsError(
      ask(key, { Audience: ['https://api.example.com', 'https://evil.example.com'] }),
      'AccessDenied',
      /sts:GetWebIdentityToken/,
    );
    // The user may not manage the feature: IAM decides iam:EnableOutboundWebIdentityFederation.
    await expectAwsError(
      iamAs(key).send(new DisableOutboundWebIdentityFederationCommand({})),
      'AccessDenied',
    );
    const session = asCreds((await sts(key).send(new GetSessionTokenCommand({}))).Credentials!);
    await expectAwsError(ask(session), 'AccessDenied');
  });

  it('refuses a session whose policies lack the action, or hold the audience, duration or algorithm to others', async () => {
    await enabled();
    const none = await sessionOf((await newRole([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }])).arn);
    await expectAwsError(ask(none), 'AccessDenied', /is not authorized to perform: sts:GetWebIdentityToken/);

    const held = await sessionOf(
      (
        await newRole([
          allowToken({
            'ForAllValues:StringEquals': { 'sts:IdentityTokenAudience': 'https://api.example.com' },
            NumericLessThanEquals: { 'sts:DurationSeconds': 300 },
            StringEquals: { 'sts:SigningAlgorithm': 'ES384' },
          }),
        ])
      ).arn,
    );
    await expect(ask(held, { SigningAlgorithm: 'ES384' })).resolves.toHaveProperty('WebIdentityToken');
    await expectAwsError(ask(held, { SigningAlgorithm: 'RS256' }), 'AccessDenied');
    await expectAwsError(ask(held, { SigningAlgorithm: 'ES384', DurationSeconds: 301 }), 'AccessDenied');
    await expectAwsError(
      ask(held, { SigningAlgorithm: 'ES384', Audience: ['https://other.example.com'] }),
      'AccessDenied',
    );
    // A session policy narrows the role's: the same role, a session limited to nothing of STS.
    const role = await newRole([allowToken()]);
    const { Credentials } = await sts(admin).send(
      new AssumeRoleCommand({
        RoleArn: role.arn,
        RoleSessionName: 'narrow',
        Policy: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]),
      }),
    );
    await expectAwsError(ask(asCreds(Credentials!)), 'AccessDenied');
  });

  it('refuses a token that would outlive the calling session', async () => {
    await enabled();
    const creds = await sessionOf((await newRole([allowToken()])).arn, { DurationSeconds: 900 });
    await expectAwsError(ask(creds, { DurationSeconds: 3600 }), 'SessionDurationEscalationException');
    await expect(ask(creds, { DurationSeconds: 600 })).resolves.toHaveProperty('WebIdentityToken');
  });

  it('refuses oversized tags, duplicate tag keys, another algorithm and the options idfed sessions cannot have', async () => {
    await enabled();
    const creds = await sessionOf((await newRole([allowToken()])).arn);
    const big = Array.from({ length: 50 }, (_, i) => ({
      Key: `k${i}-${'x'.repeat(120)}`,
      Value: 'v'.repeat(256),
    }));
    await expectAwsError(ask(creds, { Tags: big }), 'JWTPayloadSizeExceededException');
    await expectAwsError(
      ask(creds, {
        Tags: [
          { Key: 'Env', Value: 'a' },
          { Key: 'env', Value: 'b' },
        ],
      }),
      'InvalidParameterValue',
    );
    await expectAwsError(ask(creds, { SigningAlgorithm: 'HS256' }), 'ValidationError', /RS256, ES384/);
    await expectAwsError(ask(creds, { SubjectMode: 'OriginIdentity' }), 'ValidationError');
    // TokenType is newer than the installed client-sts: a signed Query request carries it.
    const raw = (more: Record<string, string>) =>
      rawQueryCall(
        system,
        'sts',
        queryForm({
          Action: 'GetWebIdentityToken',
          Version: '2011-06-15',
          'Audience.member.1': 'https://api.example.com',
          SigningAlgorithm: 'RS256',
          ...more,
        }),
      );
    const refused: Record<string, string>[] = [
      { TokenType: 'AWSIdentity', SubjectMode: 'AWSIdentity' },
      { TokenType: 'JWT_SVID' },
    ];
    for (const more of refused) {
      const answer = await raw(more);
      expect(answer).toMatchObject({ status: 400, error: 'ValidationError' });
    }
    // TokenType AWSIdentity alone is the default: the admin key (the account root) gets a token.
    expect(await raw({ TokenType: 'AWSIdentity' })).toMatchObject({ status: 200 });
    // Out of botocore's range: 59 s, eleven audiences.
    await expectAwsError(ask(creds, { DurationSeconds: 59 }), 'ValidationError');
    await expectAwsError(
      ask(creds, { Audience: Array.from({ length: 11 }, (_, i) => `aud-${i}`) }),
      'ValidationError',
    );
  });

  it('refuses tokens the issuer did not sign: changed claims, another key under its kid, alg none', async () => {
    const issuer = await enabled();
    const creds = await sessionOf((await newRole([allowToken()])).arn);
    const token = (await ask(creds)).WebIdentityToken!;
    const [header, body, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;

    const changed = Buffer.from(
      JSON.stringify({ ...claims, sub: `arn:aws:iam::${ACCOUNT}:role/admin` }),
    ).toString('base64url');
    await expect(verify(`${header}.${changed}.${signature}`, issuer)).rejects.toThrow(/signature/);

    // Another account's issuer key (here: one the test made), claiming this issuer and its kid.
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    expect((await exportJWK(publicKey)).n).toBeDefined();
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: decodeProtectedHeader(token).kid! })
      .sign(privateKey);
    await expect(verify(forged, issuer)).rejects.toThrow(/signature/);

    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${body}.`;
    await expect(verify(none, issuer)).rejects.toThrow();
  });

  it('stops issuing when disabled, while tokens issued before still verify; enabling again keeps the issuer', async () => {
    const issuer = await enabled();
    const creds = await sessionOf((await newRole([allowToken()])).arn);
    const before = (await ask(creds)).WebIdentityToken!;
    await iam.send(new DisableOutboundWebIdentityFederationCommand({}));
    try {
      await expectAwsError(ask(creds), 'OutboundWebIdentityFederationDisabledException');
      await expectAwsError(
        iam.send(new DisableOutboundWebIdentityFederationCommand({})),
        'FeatureDisabledException',
      );
      expect(await iam.send(new GetOutboundWebIdentityFederationInfoCommand({}))).toMatchObject({
        IssuerIdentifier: issuer,
        JwtVendingEnabled: false,
      });
      await expect(verify(before, issuer)).resolves.toHaveProperty('payload');
    } finally {
      expect(await enabled()).toBe(issuer);
    }
    await expect(ask(creds)).resolves.toHaveProperty('WebIdentityToken');
  });

  it('refuses anonymous calls', async () => {
    await enabled();
    const post = (form: string) =>
      fetch(system.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: form,
      });
    const token = await post(
      queryForm({
        Action: 'GetWebIdentityToken',
        Version: '2011-06-15',
        'Audience.member.1': 'https://api.example.com',
        SigningAlgorithm: 'RS256',
      }),
    );
    expect(token.status).toBe(403);
    expect(await token.text()).toMatch(/<Code>MissingAuthenticationToken<\/Code>/);
    for (const action of ['EnableOutboundWebIdentityFederation', 'DisableOutboundWebIdentityFederation']) {
      const res = await post(queryForm({ Action: action, Version: '2010-05-08' }));
      expect(res.status).toBe(403);
      expect(await res.text()).toMatch(/<Code>MissingAuthenticationToken<\/Code>/);
    }
    // Still enabled: the anonymous Disable changed nothing.
    expect((await iam.send(new GetOutboundWebIdentityFederationInfoCommand({}))).JwtVendingEnabled).toBe(
      true,
    );
  });
});
