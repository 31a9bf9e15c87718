/**
 * URI encoding and the canonical path / query string of SigV4.
 *
 * Everything works on bytes: the server sees the raw, already percent-encoded request target, so
 * it decodes escapes to bytes and re-encodes them the one canonical way (RFC 3986 unreserved set
 * kept, everything else %XX upper-case). Working on bytes rather than strings keeps invalid
 * UTF-8 or stray '%' deterministic instead of throwing.
 */

const HEX = '0123456789ABCDEF';

/** RFC 3986 unreserved: A-Z a-z 0-9 - . _ ~ (indexed by byte value). */
const UNRESERVED = new Uint8Array(256);
for (let b = 0; b < 256; b++) {
  const c = String.fromCharCode(b);
  UNRESERVED[b] = /[A-Za-z0-9\-._~]/.test(c) ? 1 : 0;
}

/** Strings that need no work at all: the common case for paths and query keys. */
const PLAIN = /^[A-Za-z0-9\-._~]*$/;

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

/** Percent-encodes bytes with the SigV4 rules (unreserved kept, upper-case hex). */
export function encodeBytes(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    out += UNRESERVED[b] ? String.fromCharCode(b) : `%${HEX[b >> 4]}${HEX[b & 15]}`;
  }
  return out;
}

/**
 * Encodes a string's UTF-8 bytes: '%' itself is encoded. This is the second pass of the
 * "double encoding" of non-S3 paths, and how the signer encodes query values it adds.
 */
export function uriEncode(value: string): string {
  if (PLAIN.test(value)) return value;
  try {
    // Native fast path; encodeURIComponent leaves only !'()* of the reserved set alone.
    return encodeURIComponent(value).replace(
      /[!'()*]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    );
  } catch {
    return encodeBytes(Buffer.from(value, 'utf8')); // lone surrogate: encode its U+FFFD replacement
  }
}

/**
 * Decodes %XX escapes to bytes; characters that are not part of a valid escape are taken as their
 * UTF-8 bytes, as received. '+' stays a literal '+': AWS SDKs never send '+' for a space.
 */
export function percentDecode(value: string): Buffer {
  if (!value.includes('%')) return Buffer.from(value, 'utf8');
  const bytes: number[] = [];
  let i = 0;
  while (i < value.length) {
    if (value.charCodeAt(i) === 0x25 && i + 2 < value.length) {
      const hi = hexValue(value.charCodeAt(i + 1));
      const lo = hexValue(value.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        bytes.push((hi << 4) | lo);
        i += 3;
        continue;
      }
    }
    // A literal run up to the next '%' (or a lone '%'), taken as its UTF-8 bytes.
    let end = value.indexOf('%', i + 1);
    if (end < 0) end = value.length;
    for (const b of Buffer.from(value.slice(i, end), 'utf8')) bytes.push(b);
    i = end;
  }
  return Buffer.from(bytes);
}

/** Re-encodes an already-encoded component canonically (e.g. '%e1' -> '%E1', '!' -> '%21'). */
export function normalizeEncoding(value: string): string {
  return decodeComponent(value).encoded;
}

/**
 * Decoded text and canonical encoding of one raw component. The native decoder handles the
 * common well-formed case; a stray '%' or invalid UTF-8 falls back to the byte-level path.
 */
function decodeComponent(raw: string): { text: string; encoded: string } {
  if (PLAIN.test(raw)) return { text: raw, encoded: raw };
  try {
    // Succeeds only when every escape forms valid UTF-8, so the text holds exactly the bytes sent.
    const text = decodeURIComponent(raw);
    return { text, encoded: uriEncode(text) };
  } catch {
    // fall through to the byte-level decoder
  }
  const bytes = percentDecode(raw);
  return { text: bytes.toString('utf8'), encoded: encodeBytes(bytes) };
}

/**
 * Canonical URI.
 *
 * normalize=true (every service but S3): remove empty, '.' and '..' segments as RFC 3986 and the
 * AWS SDKs do, then encode the raw path once more, so '%20' on the wire becomes '%2520' ("each
 * path segment must be URI-encoded twice"). An encoded slash (%2F) stays part of its segment.
 *
 * normalize=false (S3): keep the segments as they are and only canonicalise their encoding.
 */
export function canonicalPath(rawPath: string, normalize = true): string {
  if (rawPath === '' || rawPath === '/') return '/';
  const segments = rawPath.split('/');
  if (!normalize) return segments.map(normalizeEncoding).join('/');
  const kept: string[] = [];
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') kept.pop();
    else kept.push(segment);
  }
  const lead = rawPath.startsWith('/') ? '/' : '';
  const trail = kept.length > 0 && rawPath.endsWith('/') ? '/' : '';
  return lead + kept.map(uriEncode).join('/') + trail;
}

/** One query parameter: decoded for lookups, canonically encoded for signing. */
export interface QueryParam {
  /** Decoded name (UTF-8), e.g. 'X-Amz-Credential'. */
  name: string;
  /** Decoded value (UTF-8). */
  value: string;
  encodedName: string;
  encodedValue: string;
}

/** Splits a raw query string; a parameter without '=' has an empty value, empty pieces ('&&') are skipped. */
export function parseQuery(rawQuery: string): QueryParam[] {
  if (rawQuery === '') return [];
  const params: QueryParam[] = [];
  for (const piece of rawQuery.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const rawName = eq < 0 ? piece : piece.slice(0, eq);
    const rawValue = eq < 0 ? '' : piece.slice(eq + 1);
    const name = decodeComponent(rawName);
    const value = decodeComponent(rawValue);
    params.push({
      name: name.text,
      value: value.text,
      encodedName: name.encoded,
      encodedValue: value.encoded,
    });
  }
  return params;
}

/**
 * Canonical query string: every parameter encoded, sorted by encoded name then encoded value
 * (code-point order, which is byte order for encoded ASCII), joined as name=value with '&'.
 * `omitName` drops a parameter (X-Amz-Signature in the presigned form).
 */
export function canonicalQueryString(params: readonly QueryParam[], omitName?: string): string {
  const pairs: [string, string][] = [];
  for (const p of params) {
    if (p.name !== omitName) pairs.push([p.encodedName, p.encodedValue]);
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([n, v]) => `${n}=${v}`).join('&');
}
