import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta } from '@idfed/contracts';
import { BrokerErrors } from '../common/broker-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { IdentityEntity, IdentityPoolEntity } from '../database/entities';
import { LoginsVerifier } from '../logins/logins.verifier';
import { VerifiedLogin } from '../logins/verified-login';
import { IdentityPoolLookup } from '../pools/identity-pool.lookup';
import { IdentitiesRepository } from './identities.repository';
import { IdentityLinks } from './identity-links';

export interface AuthenticatedIdentity {
  pool: IdentityPoolEntity;
  identityId: string;
  /** Empty for a guest. */
  logins: VerifiedLogin[];
}

/** The login key under which an app presents a token the broker issued (developer-authenticated identities). */
export const BROKER_LOGIN = 'cognito-identity.amazonaws.com';

export const UNAUTHENTICATED_NOT_SUPPORTED =
  'Unauthenticated access is not supported for this identity pool.';

/**
 * Proves the caller may act as an identity; shared by GetId (developer tokens), the token and
 * credential operations and UnlinkIdentity.
 */
@Injectable()
export class IdentityAuthenticator {
  constructor(
    @Inject(IdentitiesRepository) private readonly identities: IdentitiesRepository,
    @Inject(IdentityPoolLookup) private readonly pools: IdentityPoolLookup,
    @Inject(LoginsVerifier) private readonly verifier: LoginsVerifier,
    @Inject(IdentityLinks) private readonly links: IdentityLinks,
  ) {}

  /**
   * With logins, each is verified and linked to the identity (a guest identity becomes
   * authenticated); without, only a guest identity of a pool that allows guests qualifies.
   */
  async authenticate(
    identityId: unknown,
    loginsMap: unknown,
    meta: CommandMeta,
  ): Promise<AuthenticatedIdentity> {
    RequestValidator.of({ IdentityId: identityId, Logins: loginsMap })
      .string('IdentityId', { required: true, min: 1, max: 55, pattern: Patterns.identityId })
      .stringMap('Logins', { maxEntries: 10 })
      .check();
    const identity = await this.requireIdentity(identityId as string);
    const pool = await this.pools.require(identity.poolId);
    const { [BROKER_LOGIN]: brokerToken, ...others } = (loginsMap as Record<string, string>) ?? {};
    const logins = await this.verifier.verifyAll(pool, others, meta);
    if (brokerToken !== undefined)
      logins.push(await this.verifier.verifyBrokerToken(pool, identity.id, brokerToken));
    if (logins.length === 0) {
      const linked = await this.identities.countLogins(identity.id);
      if (linked > 0) {
        throw BrokerErrors.notAuthorized(
          "Logins don't match. Please include at least one valid login for this identity or identity pool.",
        );
      }
      if (!pool.config.allowUnauthenticatedIdentities)
        throw BrokerErrors.notAuthorized(UNAUTHENTICATED_NOT_SUPPORTED);
      return { pool, identityId: identity.id, logins };
    }
    const linkable = logins.filter((l) => l.linkable !== false);
    if (linkable.length > 0) await this.links.resolve(pool.id, linkable, identity.id, meta.requestId);
    return { pool, identityId: identity.id, logins };
  }

  async requireIdentity(identityId: string): Promise<IdentityEntity> {
    const identity = await this.identities.find(identityId);
    if (!identity) throw BrokerErrors.identityNotFound(identityId);
    return identity;
  }
}
