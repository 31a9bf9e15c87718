import { Inject, Injectable, Optional } from '@nestjs/common';
import { Clock, CLOCK } from '../common/clock';
import { OutboundFederationRepository } from './outbound-federation.repository';
import {
  OutboundSigningKeys,
  SIGNING_ALGORITHMS,
  SigningAlgorithm,
  StoredSigningKey,
} from './outbound-signing-keys';

/** The injection token of the base of issuer URLs (`IDFED_PUBLIC_URL`, as the user pools' issuers). */
export const OUTBOUND_ISSUER_BASE = Symbol('OUTBOUND_ISSUER_BASE');

/** The path under the public URL the account's issuer lives at: `<public-url>/sts-tokens/<id>`. */
export const OUTBOUND_ISSUER_PATH = 'sts-tokens';

/** A key signs for 30 days, then a new one takes over at the next token of its algorithm. */
export const KEY_ROTATION_MS = 30 * 24 * 3600 * 1000;

/**
 * How long a retired key stays in the JWKS: the longest token (3,600 s) and the five minutes of
 * clock skew verifiers commonly allow.
 */
export const RETIRED_KEY_PUBLISHED_MS = (3600 + 300) * 1000;

/**
 * The account's outbound issuer (ADR 0086): its URL, its active signing key per algorithm (made
 * on first need, rotated after KEY_ROTATION_MS) and the public keys a verifier may still meet.
 */
@Injectable()
export class OutboundIssuer {
  constructor(
    @Inject(OutboundFederationRepository) private readonly repository: OutboundFederationRepository,
    @Inject(OutboundSigningKeys) private readonly keys: OutboundSigningKeys,
    @Inject(OUTBOUND_ISSUER_BASE) private readonly base: string,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {}

  url(issuerId: string): string {
    return `${this.base}/${OUTBOUND_ISSUER_PATH}/${issuerId}`;
  }

  /** Makes sure each algorithm has a key, so the JWKS is complete before the first token. */
  async prepareKeys(): Promise<void> {
    for (const algorithm of SIGNING_ALGORITHMS) await this.signingKey(algorithm);
  }

  async signingKey(algorithm: SigningAlgorithm): Promise<StoredSigningKey> {
    for (;;) {
      const active = await this.repository.activeKey(algorithm);
      const now = this.now();
      if (active && now - active.createdAt.getTime() < KEY_ROTATION_MS) return active;
      const fresh = this.keys.generate(algorithm, new Date(now));
      // Another replica may have made or rotated the key meanwhile: then its key is read again.
      if (await this.repository.activate(fresh, active?.kid)) return fresh;
    }
  }

  sign(key: StoredSigningKey, claims: Record<string, unknown>): string {
    return this.keys.signJwt(key, claims);
  }

  async publicKeys(): Promise<Record<string, string>[]> {
    const keys = await this.repository.publishedKeys(new Date(this.now() - RETIRED_KEY_PUBLISHED_MS));
    return keys.map((k) => k.publicJwk);
  }
}
