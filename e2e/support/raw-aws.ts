import { signRequest } from '@idfed/sigv4';
import type { E2eSystem } from './e2e-context';

/** What a raw call got back: the status and, for errors, the AWS error name and message. */
export interface RawAnswer {
  status: number;
  /** The error name (JSON `__type`, Query `<Code>`); undefined for a success. */
  error?: string;
  message?: string;
  /** The parsed JSON body, or the XML text for Query. */
  body: unknown;
}

const JSON_PREFIX = {
  'cognito-idp': 'AWSCognitoIdentityProviderService',
  'cognito-identity': 'AWSCognitoIdentityService',
};

/**
 * A request the SDK would never build (a wrong type, a NUL, a lone surrogate), signed with the admin
 * key by idfed's own SigV4 signer and sent to the real gateway. `body` is sent byte for byte.
 */
export async function rawJsonCall(
  system: E2eSystem,
  api: 'cognito-idp' | 'cognito-identity',
  operation: string,
  body: string,
  options: RawCallOptions = {},
): Promise<RawAnswer> {
  const headers = signed(system, api, 'POST', body, {
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': `${JSON_PREFIX[api]}.${operation}`,
  });
  const res = await fetch(system.endpoint, { method: 'POST', headers: marked(headers, options), body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // left as text: the caller's assertions say what was expected
  }
  const obj = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  return {
    status: res.status,
    ...(res.status >= 300 ? { error: asText(obj.__type), message: asText(obj.message ?? obj.Message) } : {}),
    body: parsed,
  };
}

/** A Query (STS, IAM) request from already-encoded form parameters, signed with the admin key. */
export async function rawQueryCall(
  system: E2eSystem,
  api: 'sts' | 'iam',
  form: string,
  options: RawCallOptions = {},
): Promise<RawAnswer> {
  const headers = signed(system, api, 'POST', form, {
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
  });
  const res = await fetch(system.endpoint, { method: 'POST', headers: marked(headers, options), body: form });
  const text = await res.text();
  return {
    status: res.status,
    ...(res.status >= 300
      ? {
          error: /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? '',
          message: /<Message>([^<]*)<\/Message>/.exec(text)?.[1] ?? '',
        }
      : {}),
    body: text,
  };
}

/**
 * Form encoding as the SDKs send it (RFC 3986: spaces as %20). A lone surrogate, which
 * encodeURIComponent refuses, goes out as the three bytes a careless client would send (CESU-8).
 */
/** An error field as the wire gave it; a field that is not text shows as '' (the assertion then fails). */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function queryForm(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([k, v]) => `${formEncode(k)}=${formEncode(v)}`)
    .join('&');
}

export function formEncode(text: string): string {
  return text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[^]/g, (c) => {
    try {
      return encodeURIComponent(c);
    } catch {
      const u = c.charCodeAt(0);
      return [0xe0 | (u >> 12), 0x80 | ((u >> 6) & 0x3f), 0x80 | (u & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    }
  });
}

export interface RawCallOptions {
  /**
   * Generated input (the fuzz suite's): its values are not secrets the system was given, so the
   * secret recorder (record-secrets.ts) leaves the exchange out. fast-check favours words such as
   * `toString`, which then also show up in logged request paths and read as leaks.
   */
  generated?: boolean;
}

/** The header, sent unsigned, that tells the secret recorder to leave an exchange out. */
export const UNRECORDED_HEADER = 'x-idfed-e2e-unrecorded';

export function marked(headers: Record<string, string>, options: RawCallOptions): Record<string, string> {
  return options.generated ? { ...headers, [UNRECORDED_HEADER]: '1' } : headers;
}

function signed(
  system: E2eSystem,
  service: string,
  method: string,
  body: string,
  headers: Record<string, string>,
): Record<string, string> {
  const host = new URL(system.endpoint).host;
  const out = signRequest(
    { method, path: '/', query: '', headers: { ...headers, host }, body: Buffer.from(body, 'utf8') },
    { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey },
    { region: 'us-east-1', service },
  );
  const { host: _host, ...rest } = out.headers as Record<string, string>;
  return rest;
}
