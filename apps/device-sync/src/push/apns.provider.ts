import { createPrivateKey, KeyObject, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ClientHttp2Session, connect, constants } from 'node:http2';
import { PushOutcome, PushProvider, PushTarget, retryAfterMs, syncTriggerPayload } from './push-provider';
import { SyncTrigger } from './push-deliveries.repository';

export interface ApnsOptions {
  keyFile: string;
  keyId: string;
  teamId: string;
  baseUrl: string;
  sandboxBaseUrl: string;
}

/** Apple's reasons that mean the token will not work again: the device is dropped. */
const GONE = new Set(['BadDeviceToken', 'DeviceTokenNotForTopic', 'Unregistered']);
/** Apple refreshes are allowed every 20 minutes at most; a token lives an hour. */
const PROVIDER_TOKEN_MS = 40 * 60_000;

/**
 * The APNs provider API over HTTP/2 for APNS (production) and APNS_SANDBOX devices: token-based
 * authentication (an ES256 JWT with the key id as `kid` and the team as `iss`, renewed every 40
 * minutes), a background push (`apns-push-type: background`, priority 5, `content-available`)
 * to the topic named by the platform application (`app/APNS/<bundle id>`), the SyncTrigger keys
 * beside `aps`. One HTTP/2 session per base URL, opened again when it closes.
 */
export class ApnsProvider implements PushProvider {
  private readonly key: KeyObject;
  private readonly sessions = new Map<string, ClientHttp2Session>();
  private providerToken?: { value: string; issuedAt: number };

  constructor(private readonly options: ApnsOptions) {
    this.key = createPrivateKey(readFileSync(options.keyFile, 'utf8'));
  }

  async send(target: PushTarget, trigger: SyncTrigger): Promise<PushOutcome> {
    const base = target.platform === 'APNS_SANDBOX' ? this.options.sandboxBaseUrl : this.options.baseUrl;
    const topic = target.applicationArn.slice(target.applicationArn.lastIndexOf('/') + 1);
    const body = JSON.stringify({ aps: { 'content-available': 1 }, ...syncTriggerPayload(trigger) });
    try {
      const { status, headers, text } = await this.request(
        base,
        {
          [constants.HTTP2_HEADER_METHOD]: 'POST',
          [constants.HTTP2_HEADER_PATH]: `/3/device/${target.token}`,
          authorization: `bearer ${this.jwt()}`,
          'apns-topic': topic,
          'apns-push-type': 'background',
          'apns-priority': '5',
          'content-type': 'application/json',
        },
        body,
      );
      if (status === 200) return { kind: 'delivered' };
      const reason = parseReason(text);
      if (status === 410 || GONE.has(reason))
        return { kind: 'unregistered', reason: `APNs ${status} ${reason}` };
      if (reason === 'ExpiredProviderToken' || reason === 'InvalidProviderToken')
        this.providerToken = undefined;
      return {
        kind: 'retry',
        reason: `APNs ${status} ${reason}`,
        retryAfterMs: retryAfterMs(headers['retry-after']),
      };
    } catch (err) {
      this.drop(base);
      return { kind: 'retry', reason: `APNs unreachable: ${(err as Error).message}` };
    }
  }

  async close(): Promise<void> {
    for (const base of [...this.sessions.keys()]) this.drop(base);
  }

  private jwt(): string {
    const now = Date.now();
    if (this.providerToken && now - this.providerToken.issuedAt < PROVIDER_TOKEN_MS)
      return this.providerToken.value;
    const header = Buffer.from(JSON.stringify({ alg: 'ES256', kid: this.options.keyId })).toString(
      'base64url',
    );
    const claims = Buffer.from(
      JSON.stringify({ iss: this.options.teamId, iat: Math.floor(now / 1000) }),
    ).toString('base64url');
    const signature = sign('sha256', Buffer.from(`${header}.${claims}`), {
      key: this.key,
      dsaEncoding: 'ieee-p1363',
    }).toString('base64url');
    this.providerToken = { value: `${header}.${claims}.${signature}`, issuedAt: now };
    return this.providerToken.value;
  }

  private session(base: string): ClientHttp2Session {
    const open = this.sessions.get(base);
    if (open && !open.closed && !open.destroyed) return open;
    const session = connect(base);
    session.on('error', () => this.drop(base));
    session.on('close', () => {
      if (this.sessions.get(base) === session) this.sessions.delete(base);
    });
    session.unref();
    this.sessions.set(base, session);
    return session;
  }

  private drop(base: string): void {
    const session = this.sessions.get(base);
    this.sessions.delete(base);
    if (session && !session.destroyed) session.destroy();
  }

  private request(
    base: string,
    headers: Record<string, string>,
    body: string,
  ): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
    return new Promise((resolve, reject) => {
      const stream = this.session(base).request(headers);
      stream.setTimeout(10_000, () => stream.close(constants.NGHTTP2_CANCEL));
      let answer: Record<string, string | string[] | undefined> = {};
      const chunks: Buffer[] = [];
      stream.on('response', (h) => {
        answer = h;
      });
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () =>
        resolve({
          status: Number(answer[constants.HTTP2_HEADER_STATUS] ?? 0),
          headers: answer,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      stream.on('error', reject);
      stream.on('close', () => {
        if (stream.rstCode && stream.rstCode !== constants.NGHTTP2_NO_ERROR) {
          reject(new Error(`stream reset (${stream.rstCode})`));
        }
      });
      stream.end(body);
    });
  }
}

function parseReason(text: string): string {
  try {
    const reason = (JSON.parse(text) as { reason?: unknown }).reason;
    return typeof reason === 'string' ? reason : '';
  } catch {
    return '';
  }
}
