/**
 * Client-side signing, for tests and for idfed's own service-to-service calls. It mirrors what
 * the AWS SDKs send, so a request it signs is verified by exactly the code path real clients hit.
 */
import {
  ALGORITHM,
  canonicalRequest,
  credentialScope,
  sha256Hex,
  signatureFor,
  stringToSign,
  UNSIGNED_PAYLOAD,
} from './canonical';
import { signingKeyCache } from './signing-key';
import { formatAmzDate } from './time';
import {
  HttpRequestParts,
  SigV4Credentials,
  SigV4PresignOptions,
  SigV4SignOptions,
  SignedRequestParts,
} from './types';
import { percentDecode, uriEncode } from './uri';

/** Headers a proxy may add, drop or rewrite in transit; signing them would break valid requests (same list as the AWS JS SDK). */
const ALWAYS_UNSIGNABLE = new Set([
  'authorization',
  'cache-control',
  'connection',
  'expect',
  'from',
  'keep-alive',
  'max-forwards',
  'pragma',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'x-amzn-trace-id',
]);

/** Query parameters the presigner owns; stale copies in the input are replaced, not duplicated. */
const PRESIGN_PARAMS = new Set([
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Security-Token',
  'X-Amz-Signature',
]);

const MAX_PRESIGN_EXPIRES = 604800;

type Headers = HttpRequestParts['headers'];

/** Signs with an Authorization header (adds x-amz-date, and x-amz-security-token for temporary credentials). */
export function signRequest(
  parts: HttpRequestParts,
  creds: SigV4Credentials,
  opts: SigV4SignOptions,
): SignedRequestParts {
  const amzDate = formatAmzDate(opts.now ? opts.now() : new Date());
  const scope = credentialScope(amzDate.slice(0, 8), opts.region, opts.service);
  const token = creds.sessionToken;
  const replaced = new Set(['authorization', 'x-amz-date']);
  if (token) replaced.add('x-amz-security-token');
  if (opts.addContentSha256Header) replaced.add('x-amz-content-sha256');

  const headers = withoutHeaders(parts.headers, replaced);
  const payloadHash = payloadHashFor(parts, headers, opts);
  headers['x-amz-date'] = amzDate;
  if (opts.addContentSha256Header) headers['x-amz-content-sha256'] = payloadHash;
  if (token && !opts.unsignedSessionToken) headers['x-amz-security-token'] = token;

  const signedHeaders = signableHeaderNames(headers, opts.unsignableHeaders);
  const creq = canonicalRequest({
    method: parts.method,
    path: parts.path,
    query: parts.query,
    headers,
    signedHeaders,
    payloadHash,
    normalizePath: opts.normalizePath,
  });
  const sts = stringToSign(amzDate, scope, creq);
  const signature = signatureFor(
    signingKeyCache.get(creds.secretAccessKey, amzDate.slice(0, 8), opts.region, opts.service),
    sts,
  );

  if (token && opts.unsignedSessionToken) headers['x-amz-security-token'] = token;
  headers['authorization'] =
    `${ALGORITHM} Credential=${creds.accessKeyId}/${scope}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`;
  return { ...parts, headers, signature, signedHeaders, canonicalRequest: creq, stringToSign: sts };
}

/**
 * Presigns: the auth parameters go into the query (in the order the AWS C/JS signers emit them),
 * headers are left as they are and all signable ones are signed.
 */
export function presignRequest(
  parts: HttpRequestParts,
  creds: SigV4Credentials,
  opts: SigV4PresignOptions,
): SignedRequestParts {
  const expiresIn = opts.expiresIn ?? 3600;
  if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > MAX_PRESIGN_EXPIRES) {
    throw new RangeError(`expiresIn must be an integer from 1 to ${MAX_PRESIGN_EXPIRES} seconds`);
  }
  const amzDate = formatAmzDate(opts.now ? opts.now() : new Date());
  const scope = credentialScope(amzDate.slice(0, 8), opts.region, opts.service);
  const headers = withoutHeaders(parts.headers, new Set(['authorization']));
  const signedHeaders = signableHeaderNames(headers, opts.unsignableHeaders);
  const payloadHash = payloadHashFor(parts, headers, opts);

  const kept = parts.query
    .split('&')
    .filter(
      (piece) => piece !== '' && !PRESIGN_PARAMS.has(percentDecode(piece.split('=')[0]).toString('utf8')),
    );
  const added: [string, string][] = [
    ['X-Amz-Algorithm', ALGORITHM],
    ['X-Amz-Credential', `${creds.accessKeyId}/${scope}`],
    ['X-Amz-Date', amzDate],
    ['X-Amz-SignedHeaders', signedHeaders.join(';')],
    ['X-Amz-Expires', String(expiresIn)],
  ];
  if (creds.sessionToken) added.push(['X-Amz-Security-Token', creds.sessionToken]);
  const unsignedQuery = [...kept, ...added.map(([k, v]) => `${k}=${uriEncode(v)}`)].join('&');

  const creq = canonicalRequest({
    method: parts.method,
    path: parts.path,
    query: unsignedQuery,
    headers,
    signedHeaders,
    payloadHash,
    normalizePath: opts.normalizePath,
    presigned: true,
  });
  const sts = stringToSign(amzDate, scope, creq);
  const signature = signatureFor(
    signingKeyCache.get(creds.secretAccessKey, amzDate.slice(0, 8), opts.region, opts.service),
    sts,
  );
  return {
    ...parts,
    headers,
    query: `${unsignedQuery}&X-Amz-Signature=${signature}`,
    signature,
    signedHeaders,
    canonicalRequest: creq,
    stringToSign: sts,
  };
}

function withoutHeaders(headers: Headers, drop: ReadonlySet<string>): Headers {
  const out: Headers = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !drop.has(name.toLowerCase())) out[name] = value;
  }
  return out;
}

/** An x-amz-content-sha256 the caller set is what gets signed (as the AWS SDKs do), else the body hash. */
function payloadHashFor(parts: HttpRequestParts, headers: Headers, opts: SigV4SignOptions): string {
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'x-amz-content-sha256' && typeof value === 'string') return value;
  }
  return opts.unsignedPayload ? UNSIGNED_PAYLOAD : sha256Hex(parts.body);
}

function signableHeaderNames(headers: Headers, extraUnsignable: readonly string[] = []): string[] {
  const extra = new Set(extraUnsignable.map((h) => h.toLowerCase()));
  const names = new Set<string>();
  for (const name of Object.keys(headers)) {
    const lower = name.toLowerCase();
    if (ALWAYS_UNSIGNABLE.has(lower) || extra.has(lower) || /^(proxy|sec)-/.test(lower)) continue;
    names.add(lower);
  }
  if (!names.has('host') && !names.has(':authority')) {
    throw new Error('SigV4 signing requires a host header (AWS rejects requests that do not sign it)');
  }
  return [...names].sort();
}
