import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { LongTermKeySession, SessionClaims, SessionTag, WebIdentityClaims } from './session-claims';
import { SessionTokenKeys } from './session-token.keys';

export type SessionTokenFailure = 'malformed' | 'unknown-key' | 'invalid' | 'expired' | 'key-mismatch';

/** Why a session token was refused. Messages never carry the token or anything sealed in it. */
export class SessionTokenError extends Error {
  constructor(
    readonly reason: SessionTokenFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SessionTokenError';
  }
}

const VERSION = 1;
const HEADER_BYTES = 5; // version (1) | key period (uint32, big-endian)
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Far above any real token (session policies are bounded by the packed-policy limit). */
export const MAX_SESSION_TOKEN_CHARS = 16 * 1024;
const MAX_PLAINTEXT_BYTES = 64 * 1024;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The sealed form: short member names, since the token travels with every request. */
interface WireClaims {
  k: string;
  s: string;
  r: string;
  i: string;
  n: string;
  u: string;
  p: string;
  t: number;
  e: number;
  sp?: string[];
  w?: { x: string; c: Record<string, string | string[]> };
  si?: string;
  ch?: 1;
  lk?: { k: 's' | 'f'; a: string; f?: string };
  /** Session tags as [key, value] pairs; optional so that tokens sealed before them still open. */
  tg?: [string, string][];
  /** Transitive tag keys. */
  tt?: string[];
  /** When MFA was authenticated (ms since the epoch; ADR 0072). */
  ma?: number;
}

/**
 * Session tokens: the claims as compact JSON, deflated, sealed with AES-256-GCM under the current
 * period's key (see SessionTokenKeys). The 5-byte header (version and key period) is the
 * associated data, so it cannot be altered either. Layout, base64url without padding:
 *   version (1) | period (4) | iv (12) | ciphertext | tag (16)
 */
export class SessionTokenCodec {
  constructor(
    private readonly keys: SessionTokenKeys,
    private readonly now: () => number = Date.now,
  ) {}

  static fromMasterKey(masterKey: Buffer, periodSeconds?: number, now?: () => number): SessionTokenCodec {
    return new SessionTokenCodec(new SessionTokenKeys(masterKey, periodSeconds), now);
  }

  seal(claims: SessionClaims): string {
    const header = Buffer.alloc(HEADER_BYTES);
    header[0] = VERSION;
    header.writeUInt32BE(this.keys.periodAt(this.now()), 1);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.keyFor(header.readUInt32BE(1)), iv);
    cipher.setAAD(header);
    const plaintext = deflateRawSync(Buffer.from(JSON.stringify(toWire(claims)), 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([header, iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  /**
   * Opens a token: authentic, readable and sealed under an accepted key, else SessionTokenError.
   * Does not check expiry or the access key: verify() does.
   */
  open(token: string): SessionClaims {
    if (typeof token !== 'string' || token.length > MAX_SESSION_TOKEN_CHARS || !BASE64URL.test(token)) {
      throw malformed();
    }
    const raw = Buffer.from(token, 'base64url');
    if (raw.length < HEADER_BYTES + IV_BYTES + TAG_BYTES + 1 || raw[0] !== VERSION) throw malformed();
    const period = raw.readUInt32BE(1);
    if (!this.keys.accepts(period, this.now())) {
      throw new SessionTokenError('unknown-key', 'The security token included in the request is invalid.');
    }
    let plaintext: Buffer;
    try {
      const decipher = createDecipheriv(
        'aes-256-gcm',
        this.keys.keyFor(period),
        raw.subarray(HEADER_BYTES, HEADER_BYTES + IV_BYTES),
      );
      decipher.setAAD(raw.subarray(0, HEADER_BYTES));
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      const sealed = raw.subarray(HEADER_BYTES + IV_BYTES, raw.length - TAG_BYTES);
      plaintext = Buffer.concat([decipher.update(sealed), decipher.final()]);
    } catch {
      throw new SessionTokenError('invalid', 'The security token included in the request is invalid.');
    }
    // Authentic from here on: only a holder of the key could have produced it.
    let wire: unknown;
    try {
      wire = JSON.parse(inflateRawSync(plaintext, { maxOutputLength: MAX_PLAINTEXT_BYTES }).toString('utf8'));
    } catch {
      throw malformed();
    }
    const claims = fromWire(wire);
    if (!claims) throw malformed();
    return claims;
  }

  /** open() plus what a request needs: the token belongs to this access key and has not expired. */
  verify(token: string, accessKeyId: string): SessionClaims {
    const claims = this.open(token);
    if (claims.accessKeyId !== accessKeyId) {
      throw new SessionTokenError('key-mismatch', 'The security token included in the request is invalid.');
    }
    if (this.now() >= claims.expiresAt) {
      throw new SessionTokenError('expired', 'The security token included in the request is expired');
    }
    return claims;
  }
}

function malformed(): SessionTokenError {
  return new SessionTokenError('malformed', 'The security token included in the request is invalid.');
}

function toWire(c: SessionClaims): WireClaims {
  return {
    k: c.accessKeyId,
    s: c.secretAccessKey,
    r: c.roleArn,
    i: c.roleId,
    n: c.sessionName,
    u: c.subject,
    p: c.provider,
    t: c.issuedAt,
    e: c.expiresAt,
    ...(c.sessionPolicies?.length ? { sp: c.sessionPolicies } : {}),
    ...(c.webIdentity ? { w: { x: c.webIdentity.keyPrefix, c: c.webIdentity.claims } } : {}),
    ...(c.sourceIdentity ? { si: c.sourceIdentity } : {}),
    ...(c.chained ? { ch: 1 as const } : {}),
    ...(c.longTermKey
      ? {
          lk: {
            k: c.longTermKey.kind === 'federation' ? ('f' as const) : ('s' as const),
            a: c.longTermKey.parentAccessKeyId,
            ...(c.longTermKey.federatedName !== undefined ? { f: c.longTermKey.federatedName } : {}),
          },
        }
      : {}),
    ...(c.sessionTags?.length ? { tg: c.sessionTags.map((t): [string, string] => [t.Key, t.Value]) } : {}),
    ...(c.transitiveTagKeys?.length ? { tt: c.transitiveTagKeys } : {}),
    ...(c.mfaAuthenticatedAt !== undefined ? { ma: c.mfaAuthenticatedAt } : {}),
  };
}

function fromWire(value: unknown): SessionClaims | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const w = value as Partial<WireClaims>;
  const strings = [w.k, w.s, w.r, w.i, w.n, w.u, w.p];
  if (strings.some((s) => typeof s !== 'string') || !Number.isFinite(w.t) || !Number.isFinite(w.e)) {
    return undefined;
  }
  if (w.sp !== undefined && !(Array.isArray(w.sp) && w.sp.every((p) => typeof p === 'string')))
    return undefined;
  const isString = (v: unknown): v is string => typeof v === 'string';
  if (
    w.tg !== undefined &&
    !(Array.isArray(w.tg) && w.tg.every((t) => Array.isArray(t) && t.length === 2 && t.every(isString)))
  ) {
    return undefined;
  }
  if (w.tt !== undefined && !(Array.isArray(w.tt) && w.tt.every(isString))) return undefined;
  if (w.ma !== undefined && !Number.isFinite(w.ma)) return undefined;
  let webIdentity: WebIdentityClaims | undefined;
  if (w.w !== undefined) {
    if (typeof w.w?.x !== 'string' || typeof w.w.c !== 'object' || w.w.c === null) return undefined;
    webIdentity = { keyPrefix: w.w.x, claims: w.w.c };
  }
  let longTermKey: LongTermKeySession | undefined;
  if (w.lk !== undefined) {
    const lk = w.lk as Partial<NonNullable<WireClaims['lk']>> | null;
    if (!lk || (lk.k !== 's' && lk.k !== 'f') || typeof lk.a !== 'string') return undefined;
    if (lk.f !== undefined && typeof lk.f !== 'string') return undefined;
    longTermKey = {
      kind: lk.k === 'f' ? 'federation' : 'session-token',
      parentAccessKeyId: lk.a,
      ...(lk.f !== undefined ? { federatedName: lk.f } : {}),
    };
  }
  return {
    accessKeyId: w.k!,
    secretAccessKey: w.s!,
    roleArn: w.r!,
    roleId: w.i!,
    sessionName: w.n!,
    subject: w.u!,
    provider: w.p!,
    issuedAt: w.t!,
    expiresAt: w.e!,
    ...(w.sp?.length ? { sessionPolicies: w.sp } : {}),
    ...(webIdentity ? { webIdentity } : {}),
    ...(typeof w.si === 'string' ? { sourceIdentity: w.si } : {}),
    ...(w.ch === 1 ? { chained: true } : {}),
    ...(longTermKey ? { longTermKey } : {}),
    ...(w.tg?.length ? { sessionTags: w.tg.map(([Key, Value]): SessionTag => ({ Key, Value })) } : {}),
    ...(w.tt?.length ? { transitiveTagKeys: w.tt } : {}),
    ...(w.ma !== undefined ? { mfaAuthenticatedAt: w.ma } : {}),
  };
}
