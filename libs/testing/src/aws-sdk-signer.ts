import { Readable } from 'node:stream';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from '@smithy/types';
import { uriEncode } from '../../sigv4/src';

/**
 * The AWS SDK for JavaScript v3's own signer and presigner (@smithy/signature-v4), and the
 * request as it then goes over the wire, so attack tests sign exactly as real clients do and
 * tamper with the result afterwards.
 */
export type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

export function awsSigner(credentials: Credentials, service: string, region = 'us-east-1'): SignatureV4 {
  return new SignatureV4({ credentials, region, service, sha256: Sha256 });
}

/** An unsigned request to `endpoint` (the host header included, as the SDK's middleware adds it). */
export function httpRequest(
  endpoint: string,
  init: {
    method?: string;
    path?: string;
    query?: Record<string, string>;
    headers?: Record<string, string>;
    /** A stream makes the SDK sign UNSIGNED-PAYLOAD (it cannot hash what it has not read). */
    body?: string | Readable;
  },
): HttpRequest {
  const url = new URL(endpoint);
  return {
    method: init.method ?? 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: init.path ?? '/',
    query: { ...init.query },
    headers: { host: url.host, ...init.headers },
    body: init.body,
  };
}

/** A JSON 1.1 request for `target` (e.g. `AWSCognitoIdentityProviderService.DescribeUserPool`). */
export function jsonRequest(endpoint: string, target: string, payload: unknown): HttpRequest {
  return httpRequest(endpoint, {
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
    body: JSON.stringify(payload),
  });
}

/** The request's query string, encoded as the SDK's HTTP handlers encode it. */
export function queryStringOf(req: HttpRequest): string {
  return Object.entries(req.query ?? {})
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${uriEncode(k)}=${uriEncode(x ?? '')}`))
    .join('&');
}

export interface Tampering {
  method?: string;
  /** Headers to add or replace (lowercase names); `null` removes one. */
  headers?: Record<string, string | null>;
  /** Query parameters appended after the signed ones. */
  extraQuery?: string;
  body?: string;
}

/** Sends a (signed or presigned) request, with whatever an attacker changed, and returns the answer. */
export async function sendTampered(
  endpoint: string,
  req: HttpRequest,
  tampering: Tampering = {},
): Promise<{ status: number; text: string; errorCode: string | undefined }> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    // fetch sets these itself, to the same values for the same URL and body.
    if (!['host', 'content-length'].includes(k.toLowerCase())) headers[k.toLowerCase()] = v;
  }
  for (const [k, v] of Object.entries(tampering.headers ?? {})) {
    if (v === null) delete headers[k];
    else headers[k] = v;
  }
  const query = [queryStringOf(req), tampering.extraQuery].filter(Boolean).join('&');
  const body = tampering.body ?? bodyOf(req);
  const method = tampering.method ?? req.method;
  const res = await fetch(`${endpoint.replace(/\/$/, '')}${req.path}${query ? `?${query}` : ''}`, {
    method,
    headers,
    ...(method === 'GET' || method === 'HEAD' ? {} : { body: body ?? '' }),
  });
  const text = await res.text();
  return { status: res.status, text, errorCode: errorCodeOf(text) };
}

/** The body the SDK serialised (a string or bytes); a stream body is sent as nothing. */
function bodyOf(req: HttpRequest): string | undefined {
  if (typeof req.body === 'string') return req.body;
  if (req.body instanceof Uint8Array) return Buffer.from(req.body).toString('utf8');
  return undefined;
}

/** The AWS error name of a JSON (`__type`) or Query/XML (`<Code>`) error body. */
function errorCodeOf(text: string): string | undefined {
  const xml = /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
  if (xml) return xml;
  try {
    const type = (JSON.parse(text) as { __type?: string }).__type;
    return type?.split('#').pop();
  } catch {
    return undefined;
  }
}

/** A stream body: the SDK signer then signs UNSIGNED-PAYLOAD without saying so in the URL. */
export function streamBody(): Readable {
  return Readable.from([]);
}
