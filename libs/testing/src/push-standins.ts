import { generateKeyPairSync, KeyPairKeyObjectResult, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import {
  createServer as createHttp2Server,
  Http2Server,
  IncomingHttpHeaders,
  ServerHttp2Stream,
} from 'node:http2';
import { AddressInfo } from 'node:net';
import { createLocalJWKSet, decodeProtectedHeader, importSPKI, JWK, jwtVerify, KeyLike } from 'jose';

/** A push as a stand-in accepted it, after checking what the real provider checks. */
export interface ReceivedPush {
  token: string;
  /** FCM: `message.data`; APNs: the JSON payload. */
  payload: Record<string, unknown>;
  headers: Record<string, string>;
}

/** A provider stand-in's switches: refuse everything for a while, or call tokens unregistered. */
interface Switches {
  /** While set, every push is answered with this status (a provider down or throttling). */
  failWith?: number;
  unregistered: Set<string>;
}

/**
 * FCM HTTP v1 and Google's OAuth 2.0 token endpoint in one HTTP server. The token endpoint takes
 * only a JWT-bearer grant whose assertion is an RS256 JWT signed by the service account's key
 * (verified with jose against the account's public key), issued by its `client_email`, for this
 * token URL, with the messaging scope and at most an hour's life; it answers a random access
 * token. `messages:send` takes only that access token, for the account's project, with a
 * `message.token` and string `data` values.
 */
export class FcmStandIn {
  readonly received: ReceivedPush[] = [];
  readonly switches: Switches = { unregistered: new Set() };
  /** Access tokens issued, and how many token requests were refused. */
  tokensIssued = 0;
  tokensRefused = 0;
  readonly projectId = `idfed-test-${randomBytes(3).toString('hex')}`;
  readonly clientEmail = `push@${this.projectId}.iam.gserviceaccount.com`;
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly accessTokens = new Set<string>();
  private server?: Server;
  private publicKey?: KeyLike;
  baseUrl = '';

  /** The service account key file's content, as Google issues it. */
  serviceAccount(privateKeyPem = this.keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()) {
    return {
      type: 'service_account',
      project_id: this.projectId,
      private_key_id: 'k1',
      private_key: privateKeyPem,
      client_email: this.clientEmail,
      token_uri: this.tokenUrl,
    };
  }

  get tokenUrl(): string {
    return `${this.baseUrl}/token`;
  }

  async start(): Promise<void> {
    this.publicKey = await importSPKI(
      this.keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      'RS256',
    );
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch(() => answer(res, 500, { error: { status: 'INTERNAL' } }));
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    if (req.method === 'POST' && req.url === '/token') return this.token(body, res);
    const send = /^\/v1\/projects\/([^/]+)\/messages:send$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !send) return answer(res, 404, { error: { status: 'NOT_FOUND' } });
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer || !this.accessTokens.has(bearer))
      return answer(res, 401, { error: { status: 'UNAUTHENTICATED' } });
    if (send[1] !== this.projectId) return answer(res, 403, { error: { status: 'PERMISSION_DENIED' } });
    let message: { token?: unknown; data?: Record<string, unknown> };
    try {
      message = (JSON.parse(body) as { message: typeof message }).message;
    } catch {
      return answer(res, 400, { error: { status: 'INVALID_ARGUMENT' } });
    }
    const data = message?.data ?? {};
    if (typeof message?.token !== 'string' || Object.values(data).some((v) => typeof v !== 'string')) {
      return answer(res, 400, { error: { status: 'INVALID_ARGUMENT' } });
    }
    if (this.switches.failWith)
      return answer(res, this.switches.failWith, { error: { status: 'UNAVAILABLE' } });
    if (this.switches.unregistered.has(message.token)) {
      return answer(res, 404, {
        error: {
          status: 'NOT_FOUND',
          details: [
            { '@type': 'type.googleapis.com/google.firebase.fcm.v1.FcmError', errorCode: 'UNREGISTERED' },
          ],
        },
      });
    }
    this.received.push({ token: message.token, payload: data, headers: flatHeaders(req.headers) });
    answer(res, 200, { name: `projects/${this.projectId}/messages/${randomBytes(8).toString('hex')}` });
  }

  private async token(body: string, res: ServerResponse): Promise<void> {
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      this.tokensRefused++;
      return answer(res, 400, { error: 'unsupported_grant_type' });
    }
    try {
      const { payload } = await jwtVerify(form.get('assertion') ?? '', this.publicKey!, {
        algorithms: ['RS256'],
        issuer: this.clientEmail,
        audience: this.tokenUrl,
        maxTokenAge: '1h',
      });
      if (payload.scope !== 'https://www.googleapis.com/auth/firebase.messaging') throw new Error('scope');
      if (typeof payload.exp !== 'number' || payload.exp - (payload.iat ?? 0) > 3600) throw new Error('exp');
    } catch {
      this.tokensRefused++;
      return answer(res, 400, { error: 'invalid_grant' });
    }
    const token = `ya29.${randomBytes(24).toString('base64url')}`;
    this.accessTokens.add(token);
    this.tokensIssued++;
    answer(res, 200, { access_token: token, expires_in: 3599, token_type: 'Bearer' });
  }
}

/**
 * The APNs provider API over HTTP/2 (cleartext, h2c: the real one is TLS). It takes only
 * `POST /3/device/<hex token>` with a provider token: an ES256 JWT whose `kid` is the key id and
 * `iss` the team, verified with jose against the key's public half, at most an hour old;
 * `apns-topic` the app's bundle id, `apns-push-type: background` with priority 5 and an `aps`
 * dictionary with `content-available: 1`. Answers as Apple does: 200 with an `apns-id`, 403
 * `InvalidProviderToken`, 400 `BadDeviceToken` / `MissingTopic` / `BadPriority`..., 410
 * `Unregistered`.
 */
export class ApnsStandIn {
  readonly received: ReceivedPush[] = [];
  readonly switches: Switches = { unregistered: new Set() };
  readonly keyId: string;
  readonly teamId: string;
  readonly refused: string[] = [];
  private readonly keys: KeyPairKeyObjectResult;
  private server?: Http2Server;
  private jwks?: ReturnType<typeof createLocalJWKSet>;
  baseUrl = '';

  /** `sameKeyAs`: another stand-in whose key this one trusts (Apple's sandbox takes the same key). */
  constructor(
    readonly topic: string,
    sameKeyAs?: ApnsStandIn,
  ) {
    this.keyId = sameKeyAs?.keyId ?? randomBytes(5).toString('hex').toUpperCase();
    this.teamId = sameKeyAs?.teamId ?? randomBytes(5).toString('hex').toUpperCase();
    this.keys = sameKeyAs?.keys ?? generateKeyPairSync('ec', { namedCurve: 'P-256' });
  }

  /** The .p8 key file's content (PKCS#8 PEM), as Apple issues it. */
  keyPem(): string {
    return this.keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  }

  async start(): Promise<void> {
    const jwk = { ...this.keys.publicKey.export({ format: 'jwk' }), kid: this.keyId, alg: 'ES256' };
    this.jwks = createLocalJWKSet({ keys: [jwk as JWK] });
    this.server = createHttp2Server();
    this.server.on('stream', (stream, headers) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        void this.handle(stream, headers, Buffer.concat(chunks).toString('utf8')).catch(() =>
          reply(stream, 500, 'InternalServerError'),
        );
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async handle(stream: ServerHttp2Stream, headers: IncomingHttpHeaders, body: string): Promise<void> {
    const path = /^\/3\/device\/([0-9a-fA-F]+)$/.exec(String(headers[':path']));
    if (headers[':method'] !== 'POST') return this.refuse(stream, 405, 'MethodNotAllowed');
    if (!path) return this.refuse(stream, 400, 'BadDeviceToken');
    const bearer = /^bearer (.+)$/.exec(String(headers.authorization ?? ''))?.[1];
    if (!bearer) return this.refuse(stream, 403, 'MissingProviderToken');
    try {
      if (decodeProtectedHeader(bearer).kid !== this.keyId) throw new Error('kid');
      await jwtVerify(bearer, this.jwks!, { algorithms: ['ES256'], issuer: this.teamId, maxTokenAge: '1h' });
    } catch {
      return this.refuse(stream, 403, 'InvalidProviderToken');
    }
    if (headers['apns-topic'] !== this.topic) return this.refuse(stream, 400, 'DeviceTokenNotForTopic');
    if (headers['apns-push-type'] !== 'background') return this.refuse(stream, 400, 'InvalidPushType');
    if (headers['apns-priority'] !== '5') return this.refuse(stream, 400, 'BadPriority');
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return this.refuse(stream, 400, 'PayloadEmpty');
    }
    const aps = payload.aps as Record<string, unknown> | undefined;
    if (aps?.['content-available'] !== 1) return this.refuse(stream, 400, 'BadPayload');
    if (Buffer.byteLength(body) > 4096) return this.refuse(stream, 413, 'PayloadTooLarge');
    if (this.switches.failWith) return reply(stream, this.switches.failWith, 'ServiceUnavailable');
    if (this.switches.unregistered.has(path[1])) return reply(stream, 410, 'Unregistered');
    this.received.push({ token: path[1], payload, headers: flatHeaders(headers) });
    stream.respond({ ':status': 200, 'apns-id': randomBytes(16).toString('hex') });
    stream.end();
  }

  private refuse(stream: ServerHttp2Stream, status: number, reason: string): void {
    this.refused.push(reason);
    reply(stream, status, reason);
  }
}

function reply(stream: ServerHttp2Stream, status: number, reason: string): void {
  stream.respond({ ':status': status, 'content-type': 'application/json' });
  stream.end(JSON.stringify({ reason }));
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function flatHeaders(headers: IncomingHttpHeaders | IncomingMessage['headers']): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]),
  );
}
