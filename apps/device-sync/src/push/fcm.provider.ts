import { createSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PushOutcome, PushProvider, PushTarget, retryAfterMs, syncTriggerPayload } from './push-provider';
import { SyncTrigger } from './push-deliveries.repository';

const SCOPE = 'https://www.googleapis.com/auth/firebase.messaging';

interface ServiceAccount {
  client_email: string;
  private_key: string;
  private_key_id?: string;
  project_id: string;
}

export interface FcmOptions {
  serviceAccountFile: string;
  baseUrl: string;
  tokenUrl: string;
}

/**
 * FCM HTTP v1 for GCM devices: an OAuth 2.0 access token got by exchanging a JWT signed with the
 * service account's key (RS256, `iss` the account, `aud` the token endpoint, the messaging scope),
 * cached until a minute before it expires; then one `messages:send` per device with the SyncTrigger
 * as data (FCM data values are strings).
 */
export class FcmProvider implements PushProvider {
  private readonly account: ServiceAccount;
  private accessToken?: { value: string; expiresAt: number };

  constructor(
    private readonly options: FcmOptions,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    const parsed = JSON.parse(readFileSync(options.serviceAccountFile, 'utf8')) as Partial<ServiceAccount>;
    if (!parsed.client_email || !parsed.private_key || !parsed.project_id) {
      throw new Error('the FCM service account file needs client_email, private_key and project_id');
    }
    this.account = parsed as ServiceAccount;
  }

  async send(target: PushTarget, trigger: SyncTrigger): Promise<PushOutcome> {
    let bearer: string;
    try {
      bearer = await this.token();
    } catch (err) {
      return { kind: 'retry', reason: `FCM token endpoint: ${(err as Error).message}` };
    }
    const data = Object.fromEntries(
      Object.entries(syncTriggerPayload(trigger)).map(([k, v]) => [k, String(v)]),
    );
    let res: Response;
    try {
      res = await this.fetchImpl(
        `${this.options.baseUrl}/v1/projects/${encodeURIComponent(this.account.project_id)}/messages:send`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
          body: JSON.stringify({ message: { token: target.token, data, android: { priority: 'high' } } }),
          signal: AbortSignal.timeout(10_000),
        },
      );
    } catch (err) {
      return { kind: 'retry', reason: `FCM unreachable: ${(err as Error).message}` };
    }
    if (res.ok) {
      await res.body?.cancel();
      return { kind: 'delivered' };
    }
    const status = await errorStatus(res);
    if (res.status === 404 || status === 'UNREGISTERED')
      return { kind: 'unregistered', reason: `FCM ${res.status} ${status}` };
    if (res.status === 401) this.accessToken = undefined;
    return {
      kind: 'retry',
      reason: `FCM ${res.status} ${status}`,
      retryAfterMs: retryAfterMs(res.headers.get('retry-after')),
    };
  }

  async close(): Promise<void> {}

  private async token(): Promise<string> {
    const now = Date.now();
    if (this.accessToken && this.accessToken.expiresAt > now + 60_000) return this.accessToken.value;
    const iat = Math.floor(now / 1000);
    const header = {
      alg: 'RS256',
      typ: 'JWT',
      ...(this.account.private_key_id ? { kid: this.account.private_key_id } : {}),
    };
    const claims = {
      iss: this.account.client_email,
      scope: SCOPE,
      aud: this.options.tokenUrl,
      iat,
      exp: iat + 3600,
    };
    const input = `${b64url(header)}.${b64url(claims)}`;
    const signature = createSign('RSA-SHA256')
      .update(input)
      .sign(this.account.private_key)
      .toString('base64url');
    const res = await this.fetchImpl(this.options.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        assertion: `${input}.${signature}`,
      }).toString(),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) {
      await res.body?.cancel();
      throw new Error(`answered ${res.status}`);
    }
    const body = (await res.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string') throw new Error('no access_token in the answer');
    const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 3600;
    this.accessToken = { value: body.access_token, expiresAt: now + expiresIn * 1000 };
    return body.access_token;
  }
}

function b64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** FCM's error `status`, or the `errorCode` of its FcmError detail (UNREGISTERED). */
async function errorStatus(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as {
      error?: { status?: string; details?: { errorCode?: string }[] };
    };
    return body.error?.details?.find((d) => d.errorCode)?.errorCode ?? body.error?.status ?? '';
  } catch {
    return '';
  }
}
