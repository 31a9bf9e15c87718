/**
 * Signing-key derivation and its cache.
 *
 * Deriving the key is four chained HMACs per request, yet the key only changes per
 * (secret, day, region, service): a busy client re-uses one key for a whole day. A small LRU
 * turns the hot path into one hash of the secret plus a map lookup. Entries are keyed by a hash
 * of the secret rather than the access key id so a rotated secret never hits a stale key, and the
 * secret itself is not kept as a map key.
 */
import { createHash, createHmac } from 'node:crypto';
import { TERMINATOR } from './canonical';

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
export function deriveSigningKey(secret: string, date: string, region: string, service: string): Buffer {
  const kDate = createHmac('sha256', `AWS4${secret}`).update(date).digest();
  const kRegion = createHmac('sha256', kDate).update(region).digest();
  const kService = createHmac('sha256', kRegion).update(service).digest();
  return createHmac('sha256', kService).update(TERMINATOR).digest();
}

/** Bounded LRU on top of Map's insertion order: a hit is re-inserted, the oldest entry is evicted. */
export class SigningKeyCache {
  private readonly entries = new Map<string, Buffer>();

  constructor(readonly maxEntries = 128) {}

  get size(): number {
    return this.entries.size;
  }

  get(secret: string, date: string, region: string, service: string): Buffer {
    const secretHash = createHash('sha256').update(secret).digest('base64');
    // Region and service come from the client and may hold any character, so the region is
    // length-prefixed: ('a:b', 'c') and ('a', 'b:c') must not share an entry.
    const key = `${secretHash}:${date}:${region.length}:${region}:${service}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const derived = deriveSigningKey(secret, date, region, service);
    this.entries.set(key, derived);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return derived;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Process-wide cache used by verifySigV4 and signRequest. */
export const signingKeyCache = new SigningKeyCache();
