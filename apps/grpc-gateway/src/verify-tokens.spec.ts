import { randomUUID } from 'node:crypto';
import { ClientDuplexStream, status } from '@grpc/grpc-js';
import {
  newSecretAccessKey,
  newTemporaryAccessKeyId,
  SessionClaims,
  SessionTokenCodec,
} from '@idfed/session-credentials';
import { credentialVendingState } from '../../../libs/testing/src/credential-vending.double';
import { awsErrorOf, idfed } from '../../../libs/testing/src/grpc/idfed-grpc-client';
import { eventually } from '../../../libs/testing/src/eventually';
import {
  ADMIN,
  CLIENT,
  GrpcHarness,
  POOL,
  SESSION_TOKEN_KEY,
  startGrpcGateway,
  UserDirectoryTopics,
} from '../test/grpc-gateway.harness';
import { MAX_TOKENS_IN_FLIGHT, MAX_TOKENS_PER_MESSAGE } from './services/verify-tokens.stream';

type Stream = ClientDuplexStream<idfed.tokens.v1.IVerifyTokensRequest, idfed.tokens.v1.VerifyTokensResponse>;

const ROLE = 'arn:aws:iam::000000000000:role/stream-checker';
const ROLE_ID = 'AROASTREAMCHECKER001';

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

/** Reads a stream's answers one by one; `end()` resolves with how it ended (OK or the AWS error). */
function reader(stream: Stream) {
  const queue: idfed.tokens.v1.VerifyTokensResponse[] = [];
  const waiting: ((r: idfed.tokens.v1.VerifyTokensResponse) => void)[] = [];
  stream.on('data', (r: idfed.tokens.v1.VerifyTokensResponse) => {
    const w = waiting.shift();
    if (w) w(r);
    else queue.push(r);
  });
  const ended = new Promise<{ code: number; name?: string; message?: string }>((resolve) => {
    stream.on('error', (err) => resolve(awsErrorOf(err)));
    stream.on('status', (s: { code: number }) => {
      if (s.code === Number(status.OK)) resolve({ code: status.OK });
    });
  });
  return {
    next(): Promise<idfed.tokens.v1.VerifyTokensResponse> {
      const r = queue.shift();
      return r ? Promise.resolve(r) : new Promise((resolve) => waiting.push(resolve));
    },
    ended,
  };
}

describe('Tokens.VerifyTokens (the streaming verification, ADR 0051)', () => {
  let gw: GrpcHarness;
  const open: Stream[] = [];
  const stream = (options?: Parameters<GrpcHarness['client']['verifyTokens']>[0]) => {
    const s = gw.client.verifyTokens(options);
    open.push(s);
    return s;
  };

  beforeAll(async () => {
    gw = await startGrpcGateway();
  }, 30_000);
  afterEach(() => {
    for (const s of open.splice(0)) s.cancel();
  });
  afterAll(() => gw.close());

  it('answers each token as VerifyToken does, by id and in order, over one signed opening', async () => {
    const sub = randomUUID();
    const good = await gw.token({ sub });
    const other = await gw.token({ client_id: 'someone-else' });
    const s = stream();
    const r = reader(s);
    s.write({
      items: [
        { id: 'a', request: { token: good, userPoolId: POOL, clientIds: [CLIENT] } },
        { id: 'b', request: { token: other, clientIds: [CLIENT] } },
        { id: 'c', request: { token: '' } },
        { id: 'd', request: { token: 'not.a.jwt' } },
      ],
    });
    const first = await r.next();
    expect(first.results.map((x) => x.id)).toEqual(['a', 'b', 'c', 'd']);
    const [a, b, c, d] = first.results.map((x) => x.response!);
    expect(a).toMatchObject({ active: true, sub, userPoolId: POOL, clientId: CLIENT, username: 'alice' });
    expect(a).toEqual(await gw.client.verifyToken({ token: good, userPoolId: POOL, clientIds: [CLIENT] }));
    expect(b).toEqual(await gw.client.verifyToken({ token: other, clientIds: [CLIENT] }));
    expect(b).toMatchObject({ active: false, errorName: 'NotAuthorizedException' });
    expect(c).toMatchObject({
      active: false,
      errorName: 'InvalidParameterException',
      reason: 'token is required.',
    });
    expect(d).toMatchObject({ active: false });
    // Many messages pipelined: the answers come in the order sent.
    for (let i = 0; i < 20; i++) s.write({ items: [{ id: `m${i}`, request: { token: good } }] });
    for (let i = 0; i < 20; i++) expect((await r.next()).results[0].id).toBe(`m${i}`);
    s.end();
    expect(await r.ended).toEqual({ code: status.OK });
  });

  it("answers a signed-out or deleted user's token revoked once the event arrives", async () => {
    const out = randomUUID();
    const gone = randomUUID();
    const signedOut = await gw.token({ sub: out });
    const deleted = await gw.token({ sub: gone });
    const s = stream();
    const r = reader(s);
    const ask = async () => {
      s.write({
        items: [
          { id: 'out', request: { token: signedOut } },
          { id: 'gone', request: { token: deleted } },
        ],
      });
      return (await r.next()).results.map((x) => x.response!.active);
    };
    expect(await ask()).toEqual([true, true]);
    const occurredAt = new Date().toISOString();
    await gw.publish(UserDirectoryTopics.userSignedOut, {
      userPoolId: POOL,
      sub: out,
      username: 'u',
      occurredAt,
      tokensValidAfter: new Date(Date.now() + 2000).toISOString(),
    });
    await gw.publish(UserDirectoryTopics.userDeleted, {
      userPoolId: POOL,
      sub: gone,
      username: 'u',
      occurredAt,
    });
    await eventually(async () => expect(await ask()).toEqual([false, false]));
  });

  it('refuses to open without a signature, with a forged one, or with one meant for VerifyToken', async () => {
    const unsigned = reader(stream({ signer: null }));
    expect(await unsigned.ended).toMatchObject({
      code: status.UNAUTHENTICATED,
      name: 'MissingAuthenticationTokenException',
    });
    const forged = reader(stream({ signer: { ...ADMIN, secretAccessKey: 'guessed' } }));
    expect(await forged.ended).toMatchObject({
      code: status.UNAUTHENTICATED,
      name: 'InvalidSignatureException',
    });
    const unary = gw.client.sign('/idfed.tokens.v1.Tokens/VerifyToken', new Uint8Array(0), ADMIN);
    expect(await reader(stream({ metadata: unary })).ended).toMatchObject({
      code: status.UNAUTHENTICATED,
      name: 'InvalidSignatureException',
    });
  });

  it("refuses a stream opened with another stream's signature (replay), and answers nothing on it", async () => {
    const first = stream();
    const firstReader = reader(first);
    first.write({ items: [{ id: 'x', request: { token: await gw.token() } }] });
    expect((await firstReader.next()).results[0].response!.active).toBe(true);
    // A stream's opening as an eavesdropper would send it again: served once, then refused.
    const sent = gw.client.sign('/idfed.tokens.v1.Tokens/VerifyTokens', new Uint8Array(0), ADMIN);
    const original = stream({ metadata: sent });
    const served = reader(original);
    original.write({ items: [{ id: 'y', request: { token: await gw.token() } }] });
    expect((await served.next()).results[0].id).toBe('y');
    const replayed = stream({ metadata: sent });
    const replay = reader(replayed);
    replayed.write({ items: [{ id: 'z', request: { token: await gw.token() } }] });
    let answered = false;
    replayed.on('data', () => (answered = true));
    const refused = await replay.ended;
    expect(refused).toMatchObject({ code: status.UNAUTHENTICATED, name: 'InvalidSignatureException' });
    expect(refused.message).toContain('already used');
    expect(answered).toBe(false);
    // Another replica had claimed the call id: refused too (credential vending's record, ADR 0050).
    credentialVendingState.callIdsDown = true;
    try {
      expect(await reader(stream()).ended).toMatchObject({
        code: status.UNAVAILABLE,
        name: 'ServiceUnavailable',
      });
    } finally {
      credentialVendingState.callIdsDown = false;
    }
  });

  it('ends a stream of temporary credentials with UNAUTHENTICATED when they expire', async () => {
    credentialVendingState.permissions.set(ROLE, {
      RoleArn: ROLE,
      RoleId: ROLE_ID,
      Policies: [
        {
          Label: 'stream-checker/inline',
          Document: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: ['idfed:VerifyTokens'], Resource: '*' }],
          }),
        },
      ],
    });
    const token = await gw.token();
    const s = stream({ signer: roleCredentials({ expiresAt: Date.now() + 3000 }) });
    const r = reader(s);
    s.write({ items: [{ id: 'before', request: { token } }] });
    const first = await Promise.race([r.next(), r.ended]);
    expect(first).toMatchObject({ results: [{ id: 'before', response: { active: true } }] });
    expect(await r.ended).toMatchObject({ code: status.UNAUTHENTICATED, name: 'ExpiredTokenException' });
    // A role not allowed idfed:VerifyTokens cannot open one.
    credentialVendingState.permissions.set('arn:aws:iam::000000000000:role/unary-only', {
      RoleArn: 'arn:aws:iam::000000000000:role/unary-only',
      RoleId: 'AROAUNARYONLY0000001',
      Policies: [
        {
          Label: 'unary-only/inline',
          Document: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: ['idfed:VerifyToken'], Resource: '*' }],
          }),
        },
      ],
    });
    const unaryOnly = roleCredentials({
      roleArn: 'arn:aws:iam::000000000000:role/unary-only',
      roleId: 'AROAUNARYONLY0000001',
    });
    expect(await reader(stream({ signer: unaryOnly })).ended).toMatchObject({
      code: status.PERMISSION_DENIED,
      name: 'AccessDeniedException',
    });
  }, 15_000);

  it('ends the stream INVALID_ARGUMENT on a malformed message', async () => {
    const token = await gw.token();
    const bad: idfed.tokens.v1.IVerifyTokensRequest[] = [
      { items: [] },
      { items: [{ id: '', request: { token } }] },
      { items: [{ id: 'x'.repeat(65), request: { token } }] },
      {
        items: [
          { id: 'same', request: { token } },
          { id: 'same', request: { token } },
        ],
      },
      {
        items: Array.from({ length: MAX_TOKENS_PER_MESSAGE + 1 }, (_, i) => ({
          id: `${i}`,
          request: { token },
        })),
      },
    ];
    for (const message of bad) {
      const s = stream();
      const r = reader(s);
      s.write(message);
      expect(await r.ended).toMatchObject({
        code: status.INVALID_ARGUMENT,
        name: 'InvalidParameterException',
      });
    }
    // A message of the limit's size is answered whole.
    const s = stream();
    const r = reader(s);
    s.write({
      items: Array.from({ length: MAX_TOKENS_PER_MESSAGE }, (_, i) => ({ id: `${i}`, request: { token } })),
    });
    expect((await r.next()).results).toHaveLength(MAX_TOKENS_PER_MESSAGE);
  });

  it('stops reading a client that does not read its answers, and answers everything once it does', async () => {
    const token = await gw.token();
    const s = stream();
    const full = Array.from({ length: MAX_TOKENS_PER_MESSAGE }, (_, i) => ({
      id: `${i}`,
      request: { token },
    }));
    // Three times the in-flight limit, sent before anything is read.
    const messages = (3 * MAX_TOKENS_IN_FLIGHT) / MAX_TOKENS_PER_MESSAGE;
    for (let i = 0; i < messages; i++) s.write({ items: full });
    s.end();
    const r = reader(s);
    let answered = 0;
    for (let i = 0; i < messages; i++) answered += (await r.next()).results.length;
    expect(answered).toBe(3 * MAX_TOKENS_IN_FLIGHT);
    expect(await r.ended).toEqual({ code: status.OK });
  }, 20_000);
});
