/**
 * Extracts the SigV4 authentication parameters from either form:
 *  - header: Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...
 *    plus X-Amz-Date (or Date);
 *  - query (presigned URL): X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-Expires,
 *    X-Amz-SignedHeaders, X-Amz-Signature and optionally X-Amz-Security-Token.
 * Only syntax is checked here; time, scope and signature checks live in verify.ts.
 */
import { ALGORITHM, TERMINATOR } from './canonical';
import { quote, SigV4Error } from './errors';
import { HeaderIndex } from './headers';
import { formatAmzDate, parseAmzDate, parseHttpDate } from './time';
import { QueryParam } from './uri';

export interface ParsedAuth {
  method: 'header' | 'query';
  accessKeyId: string;
  /** Credential scope parts. */
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  /** As sent, lower-cased. */
  signature: string;
  /** Timestamp line of the string to sign (ISO 8601 basic). */
  amzDate: string;
  requestTime: Date;
  /** X-Amz-Expires, query form only. */
  expiresSeconds?: number;
  securityToken?: string;
}

const MAX_PRESIGN_EXPIRES = 604800; // one week, the AWS maximum

/** Query parameters that only the presigned form uses; their presence selects it. */
const QUERY_AUTH_MARKERS = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature'];

export function parseAuth(headers: HeaderIndex, params: readonly QueryParam[]): ParsedAuth {
  const authorization = headers.get('authorization');
  const presigned = params.some((p) => QUERY_AUTH_MARKERS.includes(p.name));
  if (authorization && presigned) {
    throw new SigV4Error(
      'malformed',
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified',
    );
  }
  if (presigned) return parseQueryAuth(headers, params);
  if (authorization) return parseHeaderAuth(headers, authorization);
  throw new SigV4Error('missing', 'Request is missing Authentication Token');
}

function parseHeaderAuth(headers: HeaderIndex, values: string[]): ParsedAuth {
  if (values.length !== 1) throw new SigV4Error('malformed', 'Only one Authorization header is allowed');
  const header = values[0].trim();
  const space = header.search(/\s/);
  const scheme = space < 0 ? header : header.slice(0, space);
  if (scheme !== ALGORITHM) {
    throw new SigV4Error('malformed', `Unsupported AWS 'algorithm': ${quote(scheme)}`);
  }
  // AWS tolerates any order and any whitespace around ',' and '='.
  const fields = new Map<string, string>();
  for (const piece of header.slice(scheme.length).split(',')) {
    const item = piece.trim();
    if (item === '') continue;
    const eq = item.indexOf('=');
    if (eq < 0) {
      throw new SigV4Error(
        'malformed',
        `${quote(item)} not a valid key=value pair (missing equal-sign) in Authorization header`,
      );
    }
    const key = item.slice(0, eq).trim();
    if (fields.has(key)) throw new SigV4Error('malformed', `Duplicate ${quote(key)} in Authorization header`);
    fields.set(key, item.slice(eq + 1).trim());
  }
  const missing = ['Credential', 'SignedHeaders', 'Signature'].filter((k) => !fields.get(k));
  if (missing.length > 0) {
    throw new SigV4Error(
      'incomplete',
      missing.map((k) => `Authorization header requires '${k}' parameter.`).join(' '),
    );
  }
  const time = headerTime(headers);
  return {
    method: 'header',
    ...parseCredential(fields.get('Credential') as string),
    signedHeaders: parseSignedHeaders(fields.get('SignedHeaders') as string),
    signature: (fields.get('Signature') as string).toLowerCase(),
    ...time,
    securityToken: single(headers, 'x-amz-security-token'),
  };
}

function headerTime(headers: HeaderIndex): { amzDate: string; requestTime: Date } {
  const amzDate = single(headers, 'x-amz-date');
  if (amzDate !== undefined) {
    const requestTime = parseAmzDate(amzDate);
    if (!requestTime) {
      throw new SigV4Error(
        'malformed',
        `X-Amz-Date must be in the ISO8601 basic format 'yyyyMMddTHHmmssZ'; got ${quote(amzDate)}`,
      );
    }
    return { amzDate, requestTime };
  }
  const date = single(headers, 'date');
  if (date !== undefined) {
    const requestTime = parseHttpDate(date);
    if (!requestTime) {
      throw new SigV4Error('malformed', `Date header must be an RFC 7231 IMF-fixdate; got ${quote(date)}`);
    }
    return { amzDate: formatAmzDate(requestTime), requestTime };
  }
  throw new SigV4Error(
    'incomplete',
    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
  );
}

function parseQueryAuth(headers: HeaderIndex, params: readonly QueryParam[]): ParsedAuth {
  const get = (name: string): string | undefined => {
    let found: string | undefined;
    for (const p of params) {
      if (p.name !== name) continue;
      if (found !== undefined) throw new SigV4Error('malformed', `Duplicate query parameter '${name}'`);
      found = p.value;
    }
    return found;
  };
  const required = [
    'X-Amz-Algorithm',
    'X-Amz-Credential',
    'X-Amz-Signature',
    'X-Amz-SignedHeaders',
    'X-Amz-Date',
  ];
  const values = new Map(required.map((n) => [n, get(n)]));
  const missing = required.filter((n) => !values.get(n));
  if (missing.length > 0) {
    throw new SigV4Error(
      'incomplete',
      `AWS query-string parameters must include ${missing.map((n) => `'${n}'`).join(', ')}. Re-examine the query-string parameters.`,
    );
  }
  const algorithm = values.get('X-Amz-Algorithm') as string;
  if (algorithm !== ALGORITHM) {
    throw new SigV4Error('malformed', `Unsupported AWS 'algorithm': ${quote(algorithm)}`);
  }
  const amzDate = values.get('X-Amz-Date') as string;
  const requestTime = parseAmzDate(amzDate);
  if (!requestTime) {
    throw new SigV4Error(
      'malformed',
      `X-Amz-Date must be in the ISO8601 basic format 'yyyyMMddTHHmmssZ'; got ${quote(amzDate)}`,
    );
  }
  // X-Amz-Expires is what every SDK sends; without it the URL is only good within the clock skew.
  const expires = get('X-Amz-Expires');
  let expiresSeconds: number | undefined;
  if (expires !== undefined) {
    expiresSeconds = /^\d{1,7}$/.test(expires) ? Number(expires) : NaN;
    if (!(expiresSeconds >= 1 && expiresSeconds <= MAX_PRESIGN_EXPIRES)) {
      throw new SigV4Error(
        'malformed',
        `X-Amz-Expires must be a number of seconds from 1 to ${MAX_PRESIGN_EXPIRES} (one week); got ${quote(expires)}`,
      );
    }
  }
  return {
    method: 'query',
    ...parseCredential(values.get('X-Amz-Credential') as string),
    signedHeaders: parseSignedHeaders(values.get('X-Amz-SignedHeaders') as string),
    signature: (values.get('X-Amz-Signature') as string).toLowerCase(),
    amzDate,
    requestTime,
    expiresSeconds,
    securityToken: agreeing(
      'X-Amz-Security-Token',
      get('X-Amz-Security-Token'),
      single(headers, 'x-amz-security-token'),
    ),
  };
}

function parseCredential(credential: string): {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
} {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts.some((p) => p === '')) {
    throw new SigV4Error(
      'malformed',
      `Credential should be of the form '<access key id>/<YYYYMMDD>/<region>/<service>/aws4_request'; got ${quote(credential)}`,
    );
  }
  const [accessKeyId, date, region, service, terminator] = parts;
  if (terminator !== TERMINATOR) {
    throw new SigV4Error(
      'malformed',
      `Credential should be scoped with a valid terminator: '${TERMINATOR}', not ${quote(terminator)}.`,
    );
  }
  if (!/^\d{8}$/.test(date)) {
    throw new SigV4Error('malformed', `Credential scope date must be YYYYMMDD; got ${quote(date)}`);
  }
  return { accessKeyId, date, region, service };
}

function parseSignedHeaders(list: string): string[] {
  const names = list.split(';').map((n) => n.trim());
  if (names.some((n) => n === '')) {
    throw new SigV4Error('malformed', `SignedHeaders contains an empty header name: ${quote(list)}`);
  }
  return names;
}

/** A header that must not repeat: a second copy could otherwise smuggle a different value past the signature. */
export function single(headers: HeaderIndex, name: string): string | undefined {
  const values = headers.get(name);
  if (!values) return undefined;
  if (values.length !== 1) throw new SigV4Error('malformed', `Only one '${name}' header is allowed`);
  return values[0];
}

/**
 * A value a presigned request may carry both in its query (signed) and as a header (maybe not):
 * copies that differ are refused, so nothing can act on the one the signature does not cover.
 */
export function agreeing(name: string, ...copies: (string | undefined)[]): string | undefined {
  const given = copies.filter((c): c is string => c !== undefined);
  if (given.some((c) => c !== given[0])) {
    throw new SigV4Error('malformed', `'${name}' is given more than once, with different values.`);
  }
  return given[0];
}
