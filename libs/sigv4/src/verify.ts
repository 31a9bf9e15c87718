/**
 * Server-side SigV4 verification.
 *
 * Order of checks: syntax, then time and scope (cheap, need no secret), then the payload hash,
 * and only then the secret lookup and the signature. Every failure is a SigV4Error whose message
 * never contains the secret, the expected signature or the canonical request.
 */
import { timingSafeEqual } from 'node:crypto';
import {
  canonicalRequest,
  credentialScope,
  sha256Hex,
  signatureFor,
  stringToSign,
  UNSIGNED_PAYLOAD,
} from './canonical';
import { quote, SigV4Error } from './errors';
import { HeaderIndex, indexHeaders } from './headers';
import { agreeing, ParsedAuth, parseAuth, single } from './parse-auth';
import { signingKeyCache } from './signing-key';
import { formatAmzDate } from './time';
import { HttpRequestParts, SigV4Identity, SigV4VerifyOptions } from './types';
import { parseQuery, QueryParam } from './uri';

const DEFAULT_MAX_SKEW_SECONDS = 300;
const SHA256_HEX = /^[0-9a-fA-F]{64}$/;
const SIGNATURE_HEX = /^[0-9a-f]{64}$/;

export async function verifySigV4(req: HttpRequestParts, opts: SigV4VerifyOptions): Promise<SigV4Identity> {
  const headers = indexHeaders(req.headers);
  const params = parseQuery(req.query);
  const auth = parseAuth(headers, params);
  const now = opts.now ? opts.now() : new Date();

  checkScope(auth, opts);
  checkTime(auth, now, opts.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS);
  if (!auth.signedHeaders.some((h) => h === 'host' || h === ':authority')) {
    throw new SigV4Error(
      'incomplete',
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    );
  }
  checkDecidingHeadersSigned(headers, auth, opts.mustSignHeaders ?? []);
  const payloadHashes = payloadCandidates(req, headers, params, auth, opts);

  const secret = await opts.resolveSecret(auth.accessKeyId, auth.securityToken);
  if (!secret) {
    throw new SigV4Error('unknown-access-key', 'The security token included in the request is invalid.');
  }

  const signingKey = signingKeyCache.get(secret, auth.date, auth.region, auth.service);
  const scope = credentialScope(auth.date, auth.region, auth.service);
  const provided = Buffer.from(auth.signature, 'latin1');
  let matched = false;
  for (const payloadHash of payloadHashes) {
    const creq = canonicalRequest({
      method: req.method,
      path: req.path,
      query: params,
      headers,
      signedHeaders: auth.signedHeaders,
      payloadHash,
      normalizePath: opts.normalizePath,
      presigned: auth.method === 'query',
    });
    const expected = Buffer.from(signatureFor(signingKey, stringToSign(auth.amzDate, scope, creq)), 'latin1');
    // Length is public (always 64 hex digits); only the content comparison must be constant-time.
    if (SIGNATURE_HEX.test(auth.signature) && timingSafeEqual(provided, expected)) {
      matched = true;
      break;
    }
  }
  if (!matched) {
    throw new SigV4Error(
      'signature-mismatch',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  }

  return {
    accessKeyId: auth.accessKeyId,
    region: auth.region,
    service: auth.service,
    date: auth.date,
    signedHeaders: auth.signedHeaders,
    ...(auth.securityToken !== undefined ? { securityToken: auth.securityToken } : {}),
    signature: auth.signature,
    method: auth.method,
    requestTime: auth.requestTime,
  };
}

function checkScope(auth: ParsedAuth, opts: SigV4VerifyOptions): void {
  const requestDay = auth.amzDate.slice(0, 8);
  if (auth.date !== requestDay) {
    throw new SigV4Error(
      'scope-mismatch',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.date}' != '${requestDay}', from '${auth.amzDate}'.`,
    );
  }
  if (typeof opts.region === 'function') {
    if (!opts.region(auth.region)) {
      throw new SigV4Error('unknown-access-key', 'The security token included in the request is invalid.');
    }
  } else if (opts.region !== undefined && auth.region !== opts.region) {
    throw new SigV4Error(
      'scope-mismatch',
      `Credential should be scoped to a valid region, not ${quote(auth.region)}.`,
    );
  }
  if (opts.service !== undefined) {
    const services = Array.isArray(opts.service) ? opts.service : [opts.service];
    if (!services.includes(auth.service)) {
      throw new SigV4Error(
        'scope-mismatch',
        `Credential should be scoped to correct service: ${services.map((s) => `'${s}'`).join(' or ')}.`,
      );
    }
  }
}

function checkTime(auth: ParsedAuth, now: Date, maxSkewSeconds: number): void {
  const skewMs = maxSkewSeconds * 1000;
  const t = auth.requestTime.getTime();
  const n = now.getTime();
  const window = formatWindow(maxSkewSeconds);
  // A request from the future is refused in both forms: otherwise a presigned URL could be minted
  // to become valid long after the credentials behind it were revoked.
  if (t - n > skewMs) {
    throw new SigV4Error(
      'skewed',
      `Signature not yet current: ${auth.amzDate} is still later than ${formatAmzDate(new Date(n + skewMs))} (${formatAmzDate(now)} + ${window}.)`,
    );
  }
  if (auth.method === 'query' && auth.expiresSeconds !== undefined) {
    const expiry = t + auth.expiresSeconds * 1000;
    if (n > expiry) {
      throw new SigV4Error(
        'expired',
        `Request has expired: X-Amz-Date ${auth.amzDate} + X-Amz-Expires ${auth.expiresSeconds} s (${formatAmzDate(new Date(expiry))}) is earlier than ${formatAmzDate(now)}.`,
      );
    }
    return;
  }
  if (n - t > skewMs) {
    throw new SigV4Error(
      'skewed',
      `Signature expired: ${auth.amzDate} is now earlier than ${formatAmzDate(new Date(n - skewMs))} (${formatAmzDate(now)} - ${window}.)`,
    );
  }
}

function formatWindow(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} sec`;
}

/**
 * Headers that decide what the request does (X-Amz-Target picks the operation) must be covered
 * when present: otherwise a captured signature could be relayed with another value.
 */
function checkDecidingHeadersSigned(headers: HeaderIndex, auth: ParsedAuth, names: readonly string[]): void {
  for (const name of names) {
    if (headers.has(name.toLowerCase()) && !auth.signedHeaders.includes(name.toLowerCase())) {
      throw new SigV4Error('incomplete', `'${name}' must be a 'SignedHeader' in the AWS Authorization.`);
    }
  }
}

/**
 * The payload hash(es) to try, in order.
 *
 * x-amz-content-sha256 (a header, or hoisted into the query by presigners) is what the client
 * signed; a hex value must also match the body, or the signature would cover a payload other than
 * the one received. UNSIGNED-PAYLOAD leaves the body out of the signature, so, as on every AWS
 * service but S3, it is refused for a request with a body unless `allowUnsignedPayload`. With an
 * empty body it leaves nothing unsigned, and presigned URLs need it there: they carry no marker
 * of which payload hash the client used (botocore's presigner always signs UNSIGNED-PAYLOAD, the
 * JS SDK's the body hash), so for those both are tried.
 */
function payloadCandidates(
  req: HttpRequestParts,
  headers: HeaderIndex,
  params: readonly QueryParam[],
  auth: ParsedAuth,
  opts: SigV4VerifyOptions,
): string[] {
  const presigned = auth.method === 'query';
  const unsignedAllowed = opts.allowUnsignedPayload === true || (presigned && req.body.length === 0);
  const declared = agreeing(
    'X-Amz-Content-Sha256',
    single(headers, 'x-amz-content-sha256'),
    ...(presigned
      ? params.filter((p) => p.name.toLowerCase() === 'x-amz-content-sha256').map((p) => p.value)
      : []),
  );
  if (declared === undefined) {
    const bodyHash = sha256Hex(req.body);
    return presigned && unsignedAllowed ? [bodyHash, UNSIGNED_PAYLOAD] : [bodyHash];
  }
  if (declared === UNSIGNED_PAYLOAD) {
    if (unsignedAllowed) return [UNSIGNED_PAYLOAD];
    throw new SigV4Error(
      'payload-hash-mismatch',
      'UNSIGNED-PAYLOAD is not accepted for a request with a body; the payload must be signed (x-amz-content-sha256).',
    );
  }
  if (declared.startsWith('STREAMING-')) {
    throw new SigV4Error('malformed', `Streaming payload signing (${quote(declared)}) is not supported.`);
  }
  if (!SHA256_HEX.test(declared)) {
    throw new SigV4Error(
      'malformed',
      `x-amz-content-sha256 must be UNSIGNED-PAYLOAD or a valid sha256 value; got ${quote(declared)}`,
    );
  }
  if (declared.toLowerCase() !== sha256Hex(req.body)) {
    throw new SigV4Error(
      'payload-hash-mismatch',
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
    );
  }
  return [declared];
}
