import { createHash, randomUUID } from 'node:crypto';
import { Metadata, status } from '@grpc/grpc-js';
import { UserDirectoryTopics } from '@idfed/contracts';
import {
  newSecretAccessKey,
  newTemporaryAccessKeyId,
  SessionClaims,
  SessionTokenCodec,
} from '@idfed/session-credentials';
import { signRequest } from '@idfed/sigv4';
import { credentialVendingState } from '../../../libs/testing/src/credential-vending.double';
import { awsErrorOf, idfed, IdfedGrpcClient } from '../../../libs/testing/src/grpc/idfed-grpc-client';
import { ReflectionClient } from '../../../libs/testing/src/grpc/reflection-client';
import { eventually } from '../../../libs/testing/src/eventually';
import { parsePrometheusText, sampleValue } from '../../../libs/testing/src/prometheus-text';
import { renderMetrics } from '@idfed/observability';
import {
  ADMIN,
  CLIENT,
  GrpcHarness,
  OTHER_POOL,
  POOL,
  SESSION_TOKEN_KEY,
  startGrpcGateway,
} from '../test/grpc-gateway.harness';

const ROLE = 'arn:aws:iam::000000000000:role/token-checker';
const ROLE_ID = 'AROATOKENCHECKER0001';

function roleCredentials(over: Partial<SessionClaims> = {}) {
  const claims: SessionClaims = {
    accessKeyId: newTemporaryAccessKeyId(),
    secretAccessKey: newSecretAccessKey(),
    roleArn: ROLE,
    roleId: ROLE_ID,
    sessionName: 'checker',
    subject: 'arn:aws:iam::000000000000:root',
    provider: 'arn:aws:iam::000000000000:root',
    issuedAt: Date.now() - 1000,
    expiresAt: Date.now() + 3600_000,
    ...over,
  };
  return {
    accessKeyId: claims.accessKeyId,
    secretAccessKey: claims.secretAccessKey,
    sessionToken: SessionTokenCodec.fromMasterKey(SESSION_TOKEN_KEY).seal(claims),
  };
}

function allowRole(actions: string[], roleArn = ROLE, roleId = ROLE_ID): void {
  credentialVendingState.permissions.set(roleArn, {
    RoleArn: roleArn,
    RoleId: roleId,
    Policies: [
      {
        Label: 'token-checker/inline',
        Document: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }],
        }),
      },
    ],
  });
}

async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (err) {
    return awsErrorOf(err);
  }
  throw new Error('the call was answered');
}

describe('gRPC gateway', () => {
  let gw: GrpcHarness;

  // Three RSA keys and four Nest applications: several seconds on a loaded 2-CPU machine.
  beforeAll(async () => {
    gw = await startGrpcGateway();
  }, 30_000);
  afterAll(() => gw.close());

  describe('health and reflection, without credentials', () => {
    it.each(['v1', 'v1alpha'] as const)('lists the services over reflection %s', async (version) => {
      const reflection = new ReflectionClient(gw.address, version);
      try {
        expect(await reflection.listServices()).toEqual(
          expect.arrayContaining([
            'grpc.health.v1.Health',
            'idfed.admin.v1.Admin',
            'idfed.authorizer.v1.Authorizer',
            'idfed.events.v1.AccountEvents',
            'idfed.tokens.v1.Tokens',
            'idfed.userdirectory.v1.UserDirectory',
          ]),
        );
      } finally {
        reflection.close();
      }
    });

    it('answers Health/Check SERVING with types learnt from reflection, as grpcurl does', async () => {
      const reflection = new ReflectionClient(gw.address, 'v1');
      try {
        const root = await reflection.rootFor('grpc.health.v1.Health');
        const req = root.lookupType('grpc.health.v1.HealthCheckRequest');
        const res = root.lookupType('grpc.health.v1.HealthCheckResponse');
        const raw = new IdfedGrpcClient(gw.address);
        for (const service of ['', 'idfed.tokens.v1.Tokens']) {
          const answer = await raw.unary(
            '/grpc.health.v1.Health/Check',
            { encode: (m: object) => req.encode(req.fromObject(m)) },
            { decode: (b: Uint8Array) => res.toObject(res.decode(b), { enums: String }) },
            { service },
            { signer: null },
          );
          expect(answer.response).toEqual({ status: 'SERVING' });
        }
        raw.close();
      } finally {
        reflection.close();
      }
    });

    it('describes VerifyToken over reflection, and the call itself still wants credentials', async () => {
      const reflection = new ReflectionClient(gw.address, 'v1alpha');
      try {
        const root = await reflection.rootFor('idfed.tokens.v1.Tokens');
        const method = root.lookupService('idfed.tokens.v1.Tokens').methods.VerifyToken;
        expect(method.requestType).toBe('.idfed.tokens.v1.VerifyTokenRequest');
        const req = root.lookupType('idfed.tokens.v1.VerifyTokenRequest');
        const raw = new IdfedGrpcClient(gw.address);
        const refused = await refusal(
          raw.unary(
            '/idfed.tokens.v1.Tokens/VerifyToken',
            { encode: (m: object) => req.encode(req.fromObject(m)) },
            { decode: (b: Uint8Array) => b },
            { token: 'x' },
            { signer: null },
          ),
        );
        expect(refused).toMatchObject({
          code: status.UNAUTHENTICATED,
          name: 'MissingAuthenticationTokenException',
        });
        raw.close();
      } finally {
        reflection.close();
      }
    });
  });

  describe('VerifyToken', () => {
    it('answers a good access token active, with its claims', async () => {
      const sub = randomUUID();
      const token = await gw.token({ sub, 'cognito:groups': ['admins'] });
      const answer = await gw.client.verifyToken({ token, userPoolId: POOL, clientIds: [CLIENT] });
      expect(answer).toMatchObject({
        active: true,
        userPoolId: POOL,
        sub,
        username: 'alice',
        clientId: CLIENT,
        tokenUse: idfed.tokens.v1.TokenUse.TOKEN_USE_ACCESS,
        groups: ['admins'],
      });
      expect(JSON.parse(answer.claimsJson)).toMatchObject({ sub, token_use: 'access' });
    });

    it('answers an ID token by its audience', async () => {
      const token = await gw.token({
        token_use: 'id',
        aud: CLIENT,
        client_id: undefined,
        'cognito:username': 'bob',
      });
      const answer = await gw.client.verifyToken({ token, tokenUse: idfed.tokens.v1.TokenUse.TOKEN_USE_ID });
      expect(answer).toMatchObject({ active: true, clientId: CLIENT, username: 'bob' });
      const wrongUse = await gw.client.verifyToken({
        token,
        tokenUse: idfed.tokens.v1.TokenUse.TOKEN_USE_ACCESS,
      });
      expect(wrongUse).toMatchObject({ active: false, errorName: 'NotAuthorizedException' });
    });

    it('refuses tokens of another pool, another client, expired, tampered or of an unknown key', async () => {
      const other = await gw.token({}, OTHER_POOL);
      expect(await gw.client.verifyToken({ token: other, userPoolId: POOL })).toMatchObject({
        active: false,
      });
      // Signed with the other pool's key but claiming this pool: the kid belongs to the other pool.
      const crossed = await gw.token({ iss: `http://idfed.test/${POOL}` }, OTHER_POOL);
      expect(await gw.client.verifyToken({ token: crossed })).toMatchObject({
        active: false,
        reason: expect.stringContaining('signature'),
      });
      const good = await gw.token();
      expect(await gw.client.verifyToken({ token: good, clientIds: ['someone-else'] })).toMatchObject({
        active: false,
      });
      const expired = await gw.token({ exp: Math.floor(Date.now() / 1000) - 1 });
      expect(await gw.client.verifyToken({ token: expired })).toMatchObject({
        active: false,
        reason: 'Access Token has expired',
      });
      const [h, p, s] = good.split('.');
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
      const tampered = [
        h,
        Buffer.from(JSON.stringify({ ...claims, username: 'root' })).toString('base64url'),
        s,
      ].join('.');
      expect(await gw.client.verifyToken({ token: tampered })).toMatchObject({ active: false });
      const before = gw.keys.jwksCalls;
      const unknownKid = [
        Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'forged' })).toString('base64url'),
        p,
        s,
      ].join('.');
      expect(await gw.client.verifyToken({ token: unknownKid })).toMatchObject({ active: false });
      expect(await gw.client.verifyToken({ token: unknownKid })).toMatchObject({ active: false });
      // One fetch of the pool's JWKS for the unknown kid, not one per call.
      expect(gw.keys.jwksCalls - before).toBe(1);
    });

    it('refuses the tokens of a user signed out, disabled, deleted, or a session revoked, once the event arrives', async () => {
      const occurredAt = new Date().toISOString();
      const later = new Date(Date.now() + 2000).toISOString();
      const user = (sub: string) => ({ userPoolId: POOL, sub, username: 'u', occurredAt });
      const cases: [string, (sub: string, jti: string) => [string, Record<string, unknown>]][] = [
        [
          'signed out',
          (sub) => [UserDirectoryTopics.userSignedOut, { ...user(sub), tokensValidAfter: later }],
        ],
        ['disabled', (sub) => [UserDirectoryTopics.userDisabled, { ...user(sub), tokensValidAfter: later }]],
        ['deleted', (sub) => [UserDirectoryTopics.userDeleted, user(sub)]],
        ['revoked', (sub, jti) => [UserDirectoryTopics.sessionRevoked, { ...user(sub), originJti: jti }]],
      ];
      for (const [, event] of cases) {
        const sub = randomUUID();
        const jti = randomUUID();
        const token = await gw.token({ sub, origin_jti: jti });
        const untouched = await gw.token({ sub: randomUUID() });
        expect(await gw.client.verifyToken({ token })).toMatchObject({ active: true });
        const [topic, value] = event(sub, jti);
        await gw.publish(topic, value);
        await eventually(async () =>
          expect(await gw.client.verifyToken({ token })).toMatchObject({ active: false }),
        );
        expect(await gw.client.verifyToken({ token: untouched })).toMatchObject({ active: true });
      }
    });

    it('answers a bad request INVALID_ARGUMENT with the AWS name in the details', async () => {
      const refused = await refusal(gw.client.verifyToken({ token: '' }));
      expect(refused).toEqual({
        code: status.INVALID_ARGUMENT,
        name: 'InvalidParameterException',
        trailer: 'InvalidParameterException',
        domain: 'idfed.aws',
        message: 'token is required.',
      });
    });
  });

  describe('VerifyOpenIdToken', () => {
    it('answers the identity pool issuer tokens, and refuses another pool or issuer', async () => {
      const token = await gw.openIdToken({ sub: 'us-east-1:11111111-1111-4111-8111-111111111111' });
      expect(await gw.client.verifyOpenIdToken({ token })).toMatchObject({
        active: true,
        identityId: 'us-east-1:11111111-1111-4111-8111-111111111111',
        amr: ['unauthenticated'],
      });
      expect(
        await gw.client.verifyOpenIdToken({
          token,
          identityPoolId: 'us-east-1:00000000-0000-4000-8000-00000000000b',
        }),
      ).toMatchObject({ active: false });
      const userPoolToken = await gw.token();
      expect(await gw.client.verifyOpenIdToken({ token: userPoolToken })).toMatchObject({ active: false });
    });
  });

  describe('call authentication', () => {
    const token = 'a.b.c';

    it('refuses a call with no credentials, an unknown key or a forged signature', async () => {
      expect(await refusal(gw.client.verifyToken({ token }, { signer: null }))).toMatchObject({
        code: status.UNAUTHENTICATED,
        name: 'MissingAuthenticationTokenException',
      });
      expect(
        await refusal(
          gw.client.verifyToken({ token }, { signer: { ...ADMIN, accessKeyId: 'AKIANOBODYKNOWSTHIS1' } }),
        ),
      ).toMatchObject({ code: status.UNAUTHENTICATED, name: 'UnrecognizedClientException' });
      expect(
        await refusal(gw.client.verifyToken({ token }, { signer: { ...ADMIN, secretAccessKey: 'guessed' } })),
      ).toMatchObject({ code: status.UNAUTHENTICATED, name: 'InvalidSignatureException' });
      expect(
        // A region the harness does not serve (ADR 0032): refused as AWS refuses a region not enabled.
        await refusal(gw.client.verifyToken({ token }, { signer: { ...ADMIN, region: 'eu-west-1' } })),
      ).toMatchObject({ code: status.UNAUTHENTICATED, name: 'UnrecognizedClientException' });
    });

    it('refuses a call whose id another replica accepted first (the shared record, ADR 0050)', async () => {
      const body = Buffer.from(idfed.tokens.v1.VerifyTokenRequest.encode({ token }).finish());
      const callId = `elsewhere-${randomUUID()}`;
      // What credential vending holds once another replica accepted this call id.
      credentialVendingState.callIds.add(
        createHash('sha256').update(`${ADMIN.accessKeyId}/${callId}`).digest('hex'),
      );
      const signed = gw.client.sign('/idfed.tokens.v1.Tokens/VerifyToken', body, ADMIN, undefined, callId);
      const replay = await refusal(gw.client.verifyToken({ token }, { metadata: signed }));
      expect(replay).toMatchObject({ code: status.UNAUTHENTICATED, name: 'InvalidSignatureException' });
      expect(replay.message).toContain('already used');
      // A new call id is claimed there, once: its digest is what the record holds now.
      const before = credentialVendingState.callIds.size;
      await gw.client.verifyToken({ token });
      expect(credentialVendingState.callIds.size).toBe(before + 1);
      // With the record out of reach, a call is not run: UNAVAILABLE, to be signed anew and retried.
      credentialVendingState.callIdsDown = true;
      try {
        expect(await refusal(gw.client.verifyToken({ token }))).toMatchObject({
          code: status.UNAVAILABLE,
          name: 'ServiceUnavailable',
        });
      } finally {
        credentialVendingState.callIdsDown = false;
      }
    });

    it('refuses a replayed call, and an expired signature', async () => {
      const first = await gw.client.unary(
        '/idfed.tokens.v1.Tokens/VerifyToken',
        idfed.tokens.v1.VerifyTokenRequest,
        idfed.tokens.v1.VerifyTokenResponse,
        { token },
      );
      expect(first.metadata.get('x-amzn-requestid')[0]).toMatch(/^[0-9a-f-]{36}$/);
      const replay = await refusal(gw.client.verifyToken({ token }, { metadata: first.sent }));
      expect(replay).toMatchObject({ code: status.UNAUTHENTICATED, name: 'InvalidSignatureException' });
      expect(replay.message).toContain('already used');
      // The same call id signed anew is still a replay; a call without one is refused.
      const again = gw.client.sign(
        '/idfed.tokens.v1.Tokens/VerifyToken',
        first.body,
        ADMIN,
        undefined,
        first.sent.get('idfed-call-id')[0] as string,
      );
      expect(await refusal(gw.client.verifyToken({ token }, { metadata: again }))).toMatchObject({
        name: 'InvalidSignatureException',
      });
      const noCallId = gw.client.sign('/idfed.tokens.v1.Tokens/VerifyToken', first.body, ADMIN);
      noCallId.remove('idfed-call-id');
      expect(await refusal(gw.client.verifyToken({ token }, { metadata: noCallId }))).toMatchObject({
        code: status.UNAUTHENTICATED,
        name: 'IncompleteSignatureException',
      });
      const old = await refusal(
        gw.client.verifyToken({ token }, { signedAt: new Date(Date.now() - 10 * 60_000) }),
      );
      expect(old).toMatchObject({ code: status.UNAUTHENTICATED, name: 'InvalidSignatureException' });
      expect(old.message).toContain('Signature expired');
    });

    it('refuses a signature over another method or another request message', async () => {
      const body = idfed.tokens.v1.VerifyOpenIdTokenRequest.encode({ token }).finish();
      const otherMethod = gw.client.sign('/idfed.tokens.v1.Tokens/VerifyOpenIdToken', body, ADMIN);
      expect(await refusal(gw.client.verifyToken({ token }, { metadata: otherMethod }))).toMatchObject({
        code: status.UNAUTHENTICATED,
        name: 'InvalidSignatureException',
      });
      const otherBody = gw.client.sign(
        '/idfed.tokens.v1.Tokens/VerifyToken',
        idfed.tokens.v1.VerifyTokenRequest.encode({ token: 'another.token.entirely' }).finish(),
        ADMIN,
      );
      expect(await refusal(gw.client.verifyToken({ token }, { metadata: otherBody }))).toMatchObject({
        code: status.UNAUTHENTICATED,
        name: 'InvalidSignatureException',
      });
    });

    it('lets temporary credentials call what their role allows, and refuses the rest', async () => {
      allowRole(['idfed:VerifyToken']);
      const creds = roleCredentials();
      const answer = await gw.client.verifyToken({ token: await gw.token() }, { signer: creds });
      expect(answer.active).toBe(true);
      const denied = await refusal(gw.client.verifyOpenIdToken({ token }, { signer: creds }));
      expect(denied).toMatchObject({ code: status.PERMISSION_DENIED, name: 'AccessDeniedException' });
      const expired = roleCredentials({ expiresAt: Date.now() - 1000 });
      expect(await refusal(gw.client.verifyToken({ token }, { signer: expired }))).toMatchObject({
        code: status.UNAUTHENTICATED,
        name: 'ExpiredTokenException',
      });
      // The session token of one key with the secret of another: the token belongs to its key only.
      const stolen = { ...roleCredentials(), sessionToken: creds.sessionToken };
      expect(await refusal(gw.client.verifyToken({ token }, { signer: stolen }))).toMatchObject({
        code: status.UNAUTHENTICATED,
        name: 'UnrecognizedClientException',
      });
    });
  });

  describe('Authorize', () => {
    it('verifies a SigV4-signed request and decides on it, as POST /authorize', async () => {
      // A role of its own: the gateway caches a role's policies for a few seconds.
      const syncRole = 'arn:aws:iam::000000000000:role/sync-reader';
      allowRole(['cognito-sync:ListRecords'], syncRole, 'AROASYNCREADER000001');
      const creds = roleCredentials({ roleArn: syncRole, roleId: 'AROASYNCREADER000001' });
      const request = signRequest(
        { method: 'GET', path: '/identitypools', query: '', headers: { host: 'sync.example' }, body: '' },
        creds,
        { region: 'us-east-1', service: 'cognito-sync' },
      );
      const headers = Object.fromEntries(
        Object.entries(request.headers).map(([k, v]) => [k, { values: Array.isArray(v) ? v : [String(v)] }]),
      );
      const subject = { method: 'GET', path: '/identitypools', query: '', headers, service: 'cognito-sync' };
      const allowed = await gw.client.authorize({
        action: 'cognito-sync:ListRecords',
        resource: '*',
        request: subject,
      });
      expect(allowed).toMatchObject({ authenticated: true, allowed: true, decision: 'Allow' });
      expect(allowed.principal).toMatchObject({ type: 'AssumedRole', roleArn: syncRole });
      const denied = await gw.client.authorize({
        action: 'cognito-sync:DeleteDataset',
        resource: '*',
        request: subject,
      });
      expect(denied).toMatchObject({ authenticated: true, allowed: false, decision: 'ImplicitDeny' });
      const forged = await gw.client.authorize({
        action: 'cognito-sync:ListRecords',
        resource: '*',
        request: { ...subject, path: '/identitypools/other' },
      });
      expect(forged).toMatchObject({
        authenticated: false,
        allowed: false,
        errorName: 'SignatureDoesNotMatch',
      });
      const invalid = await refusal(gw.client.authorize({ action: 'nope', resource: '*', request: subject }));
      expect(invalid).toMatchObject({ code: status.INVALID_ARGUMENT, name: 'ValidationException' });
    });
  });

  describe('Admin', () => {
    it('maps the admin operations of the registry, and refuses what is not one', async () => {
      const operations = (await gw.client.listOperations()).map((o) => `${o.api}/${o.name}`);
      expect(operations).toEqual(
        expect.arrayContaining([
          'cognito-idp/CreateUserPool',
          'cognito-identity/CreateIdentityPool',
          'iam/CreateRole',
        ]),
      );
      // Public operations are not admin operations.
      expect(operations).not.toContain('cognito-idp/SignUp');
      expect(await refusal(gw.client.invoke('cognito-idp', 'SignUp', {}))).toMatchObject({
        code: status.UNIMPLEMENTED,
        name: 'UnknownOperationException',
      });
      expect(await refusal(gw.client.invoke('cognito-idp', 'DescribeUserPool', '{not json'))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        name: 'SerializationException',
      });
      expect(await refusal(gw.client.invoke('cognito-idp', 'DescribeUserPool', {}))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        name: 'InvalidParameterException',
      });
    });
  });

  describe('metrics', () => {
    const VERIFY = 'idfed.tokens.v1.Tokens/VerifyToken';
    const scrape = async () => parsePrometheusText((await renderMetrics()).body);

    it('counts each call by method and status, its AWS error by name, and its latency', async () => {
      const before = await scrape();
      const count = (s: typeof before, code: string) =>
        sampleValue(s, 'idfed_grpc_requests_total', { method: VERIFY, code });
      const latency = (s: typeof before) =>
        sampleValue(s, 'idfed_grpc_request_duration_seconds_count', { method: VERIFY });
      const unsigned = (s: typeof before) =>
        sampleValue(s, 'idfed_grpc_request_errors_total', {
          method: VERIFY,
          error: 'MissingAuthenticationTokenException',
        });
      await gw.client.verifyToken({ token: await gw.token() });
      await gw.client.verifyToken({ token: await gw.token() });
      await refusal(gw.client.verifyToken({ token: 'x' }, { signer: null }));
      const after = await scrape();
      expect(count(after, 'OK') - count(before, 'OK')).toBe(2);
      expect(count(after, 'UNAUTHENTICATED') - count(before, 'UNAUTHENTICATED')).toBe(1);
      expect(unsigned(after) - unsigned(before)).toBe(1);
      expect(latency(after) - latency(before)).toBe(3);
      // Labels are the protos' method names only: nothing a client sent becomes a series.
      const methods = new Set(
        after.samples.filter((x) => x.name === 'idfed_grpc_requests_total').map((x) => x.labels.method),
      );
      for (const m of methods) expect(m).toMatch(/^idfed\.[a-z]+\.v1\.[A-Za-z]+\/[A-Za-z]+$/);
    });

    it('counts a server stream once, when it ends', async () => {
      const SUBSCRIBE = 'idfed.events.v1.AccountEvents/Subscribe';
      const ok = (s: Awaited<ReturnType<typeof scrape>>) =>
        sampleValue(s, 'idfed_grpc_requests_total', { method: SUBSCRIBE, code: 'OK' });
      const before = await scrape();
      const stream = gw.client.subscribe({ userPoolIds: [POOL] });
      stream.on('error', () => undefined);
      await new Promise((r) => stream.once('metadata', r));
      expect(ok(await scrape())).toBe(ok(before));
      stream.cancel();
      await eventually(async () => expect(ok(await scrape()) - ok(before)).toBe(1));
    });
  });

  describe('AccountEvents', () => {
    it('streams the account events of the pools asked for', async () => {
      const stream = gw.client.subscribe({ userPoolIds: [POOL] });
      const received: idfed.events.v1.AccountEvent[] = [];
      stream.on('data', (e: idfed.events.v1.AccountEvent) => received.push(e));
      stream.on('error', () => undefined);
      await new Promise((r) => stream.once('metadata', r));
      const sub = randomUUID();
      const at = new Date().toISOString();
      await gw.publish(UserDirectoryTopics.userDisabled, {
        userPoolId: OTHER_POOL,
        sub,
        username: 'x',
        occurredAt: at,
        tokensValidAfter: at,
      });
      await gw.publish(UserDirectoryTopics.userDisabled, {
        userPoolId: POOL,
        sub,
        username: 'carol',
        occurredAt: at,
        tokensValidAfter: at,
      });
      await gw.publish(UserDirectoryTopics.userDeleted, {
        userPoolId: POOL,
        sub,
        username: 'carol',
        occurredAt: at,
      });
      await eventually(() =>
        expect(received.map((e) => e.type)).toEqual([
          idfed.events.v1.AccountEventType.USER_DISABLED,
          idfed.events.v1.AccountEventType.USER_DELETED,
        ]),
      );
      expect(received[0]).toMatchObject({ userPoolId: POOL, sub, username: 'carol', tokensValidAfter: at });
      stream.cancel();
    });

    it('streams the membership changes of a user as GROUPS_CHANGED, filtered by pool', async () => {
      const stream = gw.client.subscribe({
        userPoolIds: [POOL],
        types: [idfed.events.v1.AccountEventType.GROUPS_CHANGED],
      });
      const received: idfed.events.v1.AccountEvent[] = [];
      stream.on('data', (e: idfed.events.v1.AccountEvent) => received.push(e));
      stream.on('error', () => undefined);
      await new Promise((r) => stream.once('metadata', r));
      const sub = randomUUID();
      const at = new Date().toISOString();
      const change = (userPoolId: string, groupName: string, change: string) =>
        gw.publish(UserDirectoryTopics.userGroupsChanged, {
          userPoolId,
          sub,
          username: 'dave',
          groupName,
          change,
          occurredAt: at,
        });
      await change(OTHER_POOL, 'elsewhere', 'added');
      await change(POOL, 'admins', 'added');
      await change(POOL, 'admins', 'removed');
      // Not a membership change: filtered out by type.
      await gw.publish(UserDirectoryTopics.userDeleted, {
        userPoolId: POOL,
        sub,
        username: 'dave',
        occurredAt: at,
      });
      await eventually(() => expect(received).toHaveLength(2));
      expect(received.map((e) => [e.type, e.groupName, e.groupChange])).toEqual([
        [idfed.events.v1.AccountEventType.GROUPS_CHANGED, 'admins', idfed.events.v1.GroupChange.ADDED],
        [idfed.events.v1.AccountEventType.GROUPS_CHANGED, 'admins', idfed.events.v1.GroupChange.REMOVED],
      ]);
      expect(received[0]).toMatchObject({
        userPoolId: POOL,
        sub,
        username: 'dave',
        occurredAt: at,
        topic: UserDirectoryTopics.userGroupsChanged,
      });
      stream.cancel();
    });

    it('streams group definition changes as GROUP_CHANGED, filtered by pool and type', async () => {
      const stream = gw.client.subscribe({
        userPoolIds: [POOL],
        types: [idfed.events.v1.AccountEventType.GROUP_CHANGED],
      });
      const received: idfed.events.v1.AccountEvent[] = [];
      stream.on('data', (e: idfed.events.v1.AccountEvent) => received.push(e));
      stream.on('error', () => undefined);
      await new Promise((r) => stream.once('metadata', r));
      const at = new Date().toISOString();
      const role = 'arn:aws:iam::123456789012:role/editors';
      const group = (userPoolId: string, change: string, extra: object = {}) =>
        gw.publish(UserDirectoryTopics.groupChanged, {
          userPoolId,
          groupName: 'editors',
          change,
          occurredAt: at,
          ...extra,
        });
      await group(OTHER_POOL, 'created');
      await group(POOL, 'created', { roleArn: role, precedence: 0 });
      await group(POOL, 'updated');
      await group(POOL, 'deleted', { roleArn: role, precedence: 3 });
      // A membership change is another type: filtered out.
      await gw.publish(UserDirectoryTopics.userGroupsChanged, {
        userPoolId: POOL,
        sub: randomUUID(),
        username: 'erin',
        groupName: 'editors',
        change: 'added',
        occurredAt: at,
      });
      await eventually(() => expect(received).toHaveLength(3));
      const { CREATED, UPDATED, DELETED } = idfed.events.v1.GroupDefinitionChange;
      expect(
        received.map((e) => [
          e.type,
          e.groupName,
          e.groupDefinitionChange,
          e.groupRoleArn,
          e.groupPrecedence ?? 'unset',
        ]),
      ).toEqual([
        [idfed.events.v1.AccountEventType.GROUP_CHANGED, 'editors', CREATED, role, 0],
        // No precedence: the optional field is absent, not 0.
        [idfed.events.v1.AccountEventType.GROUP_CHANGED, 'editors', UPDATED, '', 'unset'],
        [idfed.events.v1.AccountEventType.GROUP_CHANGED, 'editors', DELETED, '', 'unset'],
      ]);
      expect(received[0]).toMatchObject({
        userPoolId: POOL,
        occurredAt: at,
        sub: '',
        groupChange: idfed.events.v1.GroupChange.GROUP_CHANGE_UNSPECIFIED,
        topic: UserDirectoryTopics.groupChanged,
      });
      stream.cancel();
    });

    it('refuses an unsigned subscription', async () => {
      const stream = gw.client.subscribe({}, { signer: null });
      const err = await new Promise((resolve) => stream.on('error', resolve));
      expect(awsErrorOf(err)).toMatchObject({
        code: status.UNAUTHENTICATED,
        name: 'MissingAuthenticationTokenException',
      });
    });
  });
});

describe('gRPC gateway deadlines', () => {
  it('does not run a call that arrives past its deadline', async () => {
    // The server's clock is a minute ahead: every deadline the client gives has passed there.
    const gw = await startGrpcGateway({ now: () => Date.now() + 60_000 });
    try {
      const refused = await refusal(
        gw.client.verifyToken({ token: 'a.b.c' }, { deadline: Date.now() + 30_000 }),
      );
      expect(refused).toMatchObject({
        code: status.DEADLINE_EXCEEDED,
        name: 'RequestTimeout',
        domain: 'idfed.aws',
      });
    } finally {
      await gw.close();
    }
  });
});

void Metadata;
