import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Time-based one-time passwords as RFC 6238 defines them and authenticator apps compute them:
 * HMAC-SHA-1 (RFC 4226's dynamic truncation) over the number of 30-second steps since the epoch,
 * six digits. What Cognito's software token MFA uses.
 */
export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of the current one whose code is still accepted (clock drift, typing time). */
export const TOTP_WINDOW = 1;
/** 160 bits, as RFC 4226 recommends; base32, 32 characters, as Cognito's SecretCode. */
const SECRET_BYTES = 20;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function newTotpSecret(): Buffer {
  return randomBytes(SECRET_BYTES);
}

export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** The time step a moment falls in. */
export function totpStep(atMs: number): number {
  return Math.floor(atMs / 1000 / TOTP_STEP_SECONDS);
}

/** The code of one time step (RFC 4226 HOTP with the step as counter). */
export function totpCode(secret: Buffer, step: number, digits = TOTP_DIGITS): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/**
 * The step whose code `given` is, within the window around `atMs`, or undefined. Every candidate
 * is compared (in constant time), so the answer's timing does not say which step matched. Whether
 * that step was used already is the caller's question (a code is accepted once).
 */
export function matchTotp(secret: Buffer, given: string, atMs: number): number | undefined {
  if (!/^\d{6}$/.test(given)) return undefined;
  const now = totpStep(atMs);
  const wanted = Buffer.from(given, 'utf8');
  let matched: number | undefined;
  for (let step = now - TOTP_WINDOW; step <= now + TOTP_WINDOW; step++) {
    const candidate = Buffer.from(totpCode(secret, step), 'utf8');
    if (timingSafeEqual(candidate, wanted) && matched === undefined) matched = step;
  }
  return matched;
}

/**
 * The step of `first` when `first` and `second` are the codes of two consecutive steps within
 * `window` steps around `atMs`, or undefined: what IAM's EnableMFADevice and ResyncMFADevice ask
 * for, proving the device holds the seed and saying where its clock is. Every candidate is
 * compared in constant time.
 */
export function matchConsecutiveTotp(
  secret: Buffer,
  first: string,
  second: string,
  atMs: number,
  window: number,
): number | undefined {
  if (!/^\d{6}$/.test(first) || !/^\d{6}$/.test(second)) return undefined;
  const now = totpStep(atMs);
  const a = Buffer.from(first, 'utf8');
  const b = Buffer.from(second, 'utf8');
  let matched: number | undefined;
  let next = Buffer.from(totpCode(secret, now - window), 'utf8');
  for (let step = now - window; step <= now + window; step++) {
    const current = next;
    next = Buffer.from(totpCode(secret, step + 1), 'utf8');
    const both = timingSafeEqual(current, a) && timingSafeEqual(next, b);
    if (both && matched === undefined) matched = step;
  }
  return matched;
}
