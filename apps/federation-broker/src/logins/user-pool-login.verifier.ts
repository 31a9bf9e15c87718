import { createPublicKey, KeyObject } from 'node:crypto';
import { decodeJwt, verifyRs256 } from '@idfed/crypto';
import { Inject, Injectable } from '@nestjs/common';
import { FEDERATION_BROKER_CONFIG, FederationBrokerConfig } from '../config/federation-broker.config';
import { BrokerErrors } from '../common/broker-errors';
import { RevokedSessionsRepository } from '../user-pools/revoked-sessions.repository';
import { UserPoolKeysRepository } from '../user-pools/user-pool-keys.repository';
import { UserPoolUserStatesRepository } from '../user-pools/user-pool-user-states.repository';
import { VerifiedLogin } from './verified-login';

export interface UserPoolProvider {
  /** As configured in the identity pool's CognitoIdentityProviders. */
  providerName: string;
  userPoolId: string;
  clientIds: string[];
  serverSideTokenCheck: boolean;
}

/**
 * Checks an ID token of one of idfed's user pools. The keys come from the user directory's
 * signing-key events (no HTTP call back into idfed); ServerSideTokenCheck consults what the user
 * directory reported about the user (deleted, disabled, signed out).
 */
@Injectable()
export class UserPoolLoginVerifier {
  private readonly keys = new Map<string, { userPoolId: string; key: KeyObject }>();

  private readonly now: () => number = Date.now;

  constructor(
    @Inject(UserPoolKeysRepository) private readonly poolKeys: UserPoolKeysRepository,
    @Inject(UserPoolUserStatesRepository) private readonly userStates: UserPoolUserStatesRepository,
    @Inject(RevokedSessionsRepository) private readonly revokedSessions: RevokedSessionsRepository,
    @Inject(FEDERATION_BROKER_CONFIG) private readonly config: FederationBrokerConfig,
  ) {}

  async verify(provider: UserPoolProvider, token: string): Promise<VerifiedLogin> {
    const jwt = decodeJwt(token);
    if (!jwt) throw BrokerErrors.invalidLogin("Couldn't verify signed token.");
    const { header, payload } = jwt;
    const key = typeof header.kid === 'string' ? await this.key(header.kid) : undefined;
    if (!key || key.userPoolId !== provider.userPoolId || !verifyRs256(jwt, key.key)) {
      throw BrokerErrors.invalidLogin("Couldn't verify signed token.");
    }
    if (payload.iss !== `${this.config.publicUrl}/${provider.userPoolId}`) {
      throw BrokerErrors.invalidLogin('Issuer does not match the provider.');
    }
    if (payload.token_use !== 'id') throw BrokerErrors.invalidLogin('Only ID tokens are accepted.');
    const aud = String(payload.aud);
    if (!provider.clientIds.includes(aud))
      throw BrokerErrors.invalidLogin('Token audience is not a configured client.');
    const nowSeconds = Math.floor(this.now() / 1000);
    if (typeof payload.exp !== 'number' || payload.exp <= nowSeconds) {
      throw BrokerErrors.invalidLogin(`Token expired: ${nowSeconds} >= ${String(payload.exp)}`);
    }
    const sub = String(payload.sub);
    if (provider.serverSideTokenCheck) {
      await this.checkServerSide(provider.userPoolId, sub, Number(payload.iat), String(payload.origin_jti));
    }
    return {
      provider: provider.providerName,
      subject: sub,
      claims: payload,
      mappingKey: `${provider.providerName}:${aud}`,
      amr: [provider.providerName, `${provider.providerName}:CognitoSignIn:${sub}`],
    };
  }

  private async key(kid: string): Promise<{ userPoolId: string; key: KeyObject } | undefined> {
    const cached = this.keys.get(kid);
    if (cached) return cached;
    const row = await this.poolKeys.find(kid);
    if (!row) return undefined;
    const entry = { userPoolId: row.userPoolId, key: createPublicKey({ key: row.publicJwk, format: 'jwk' }) };
    this.keys.set(kid, entry);
    return entry;
  }

  forgetPool(userPoolId: string): void {
    for (const [kid, entry] of this.keys) if (entry.userPoolId === userPoolId) this.keys.delete(kid);
  }

  private async checkServerSide(
    userPoolId: string,
    sub: string,
    issuedAt: number,
    originJti: string,
  ): Promise<void> {
    const revoked = await this.revokedSessions.isRevoked(userPoolId, originJti);
    if (revoked) throw BrokerErrors.notAuthorized('Token has been revoked.');
    const state = await this.userStates.find(userPoolId, sub);
    if (!state) return;
    if (state.deleted)
      throw BrokerErrors.notAuthorized('Token is not from a valid user (the user no longer exists).');
    if (state.disabled) throw BrokerErrors.notAuthorized('User is disabled.');
    // Whole seconds, as the user directory compares: `iat` has no finer grain, and a sign-in in the
    // same second as the sign-out is a new session, not a revoked one.
    if (state.tokensValidAfter && issuedAt < Math.floor(state.tokensValidAfter.getTime() / 1000)) {
      throw BrokerErrors.notAuthorized('Token has been revoked (the user signed out).');
    }
  }
}
