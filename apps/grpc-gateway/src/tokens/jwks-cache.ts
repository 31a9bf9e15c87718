import { KeyObject } from 'node:crypto';
import { publicKeyFromJwk } from '@idfed/crypto';

/** Fetches one issuer's JSON Web Key Set (over the bus); undefined when the issuer is gone. */
export type JwksFetch = (scope: string) => Promise<Record<string, unknown>[] | undefined>;

/** How long a `kid` nobody knows is not asked about again: forged kids must not cost a bus hop each. */
const MISS_TTL_MS = 10_000;

/**
 * Public keys by `kid`, per issuer scope (a user pool id, or the identity pool issuer). A key once
 * seen is kept (keys are never rotated in place: a new key has a new kid); an unknown kid costs one
 * fetch of the scope's JWKS, shared by concurrent calls, then is remembered as unknown for 10 s.
 * Keys announced by events are added as they come.
 */
export class JwksCache {
  private readonly keys = new Map<string, { scope: string; key: KeyObject }>();
  private readonly misses = new Map<string, number>();
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(
    private readonly fetch: JwksFetch,
    private readonly now: () => number = Date.now,
  ) {}

  /** The key of `kid` if it belongs to `scope`. */
  async key(scope: string, kid: string): Promise<KeyObject | undefined> {
    const known = this.keys.get(kid);
    if (known) return known.scope === scope ? known.key : undefined;
    const missKey = `${scope}/${kid}`;
    const missedAt = this.misses.get(missKey);
    if (missedAt !== undefined && this.now() - missedAt < MISS_TTL_MS) return undefined;
    await this.refresh(scope);
    const found = this.keys.get(kid);
    if (found?.scope === scope) return found.key;
    if (this.misses.size > 10_000) this.misses.clear();
    this.misses.set(missKey, this.now());
    return undefined;
  }

  add(scope: string, kid: string, jwk: Record<string, unknown>): void {
    if (this.keys.has(kid)) return;
    try {
      this.keys.set(kid, { scope, key: publicKeyFromJwk(jwk as Record<string, string>) });
    } catch {
      // a key that does not parse verifies nothing: leave it out
    }
  }

  forget(scope: string): void {
    for (const [kid, entry] of this.keys) if (entry.scope === scope) this.keys.delete(kid);
  }

  get size(): number {
    return this.keys.size;
  }

  private refresh(scope: string): Promise<void> {
    let running = this.inFlight.get(scope);
    if (!running) {
      running = this.fetch(scope)
        .then((keys) => {
          for (const jwk of keys ?? []) if (typeof jwk.kid === 'string') this.add(scope, jwk.kid, jwk);
        })
        .finally(() => this.inFlight.delete(scope));
      this.inFlight.set(scope, running);
    }
    return running;
  }
}
