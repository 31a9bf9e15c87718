import { Inject, Injectable } from '@nestjs/common';
import { InitiateAuthResponse } from '@idfed/contracts';
import { ClientForAuth } from '../clients/clients.service';
import { MfaFactor, UserEntity, UserMfaEntity, UserPoolEntity } from '../database/entities';
import { UserPoolsRepository } from '../pools/user-pools.repository';
import { hasDeliveryFor, userFactors } from './mfa-preferences';
import { MfaSessions } from './mfa-sessions';
import { OneTimeCodes } from './one-time-codes';
import { poolMfaOf } from './pool-mfa';
import { UserMfaRepository } from './user-mfa.repository';

/**
 * What follows a proven password (or a new one) when the pool uses MFA (ADR 0015, 0022): the
 * challenge of the user's factor (SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP: the preferred one, or
 * the only one), SELECT_MFA_TYPE when they have several and prefer none, and for a user with none
 * in a pool that requires MFA a code to their verified phone or email if the pool sends those,
 * else MFA_SETUP; nothing (tokens) otherwise. The pool's MFA settings are read afresh, not from
 * the client cache: turning MFA on must hold from the next sign-in, on every replica.
 */
@Injectable()
export class MfaSignIn {
  constructor(
    @Inject(UserPoolsRepository) private readonly pools: UserPoolsRepository,
    @Inject(UserMfaRepository) private readonly rows: UserMfaRepository,
    @Inject(MfaSessions) private readonly sessions: MfaSessions,
    @Inject(OneTimeCodes) private readonly codes: OneTimeCodes,
  ) {}

  /** `current`: the pool as read with the user (one statement fewer); read afresh when absent. */
  async challengeFor(
    auth: ClientForAuth,
    user: UserEntity,
    current?: UserPoolEntity,
  ): Promise<InitiateAuthResponse | undefined> {
    const pool = current ?? (await this.pools.find(auth.pool.id));
    if (!pool || pool.config.mfaConfiguration === 'OFF') return undefined;
    const poolFactors = factorsOfPool(pool);
    if (poolFactors.length === 0) return undefined;
    const mfa = await this.rows.find(user.sub);
    const usable = usableFactors(poolFactors, mfa, user);
    if (usable.length > 0) {
      const preferred = mfa?.preferred;
      if (preferred && usable.includes(preferred)) return this.challengeOf(auth, pool, user, preferred);
      if (usable.length === 1) return this.challengeOf(auth, pool, user, usable[0]);
      const { session } = this.sessions.issueChallenge(
        auth.client.id,
        ttlOf(auth),
        user.sub,
        'SELECT_MFA_TYPE',
        usable,
      );
      return {
        ChallengeName: 'SELECT_MFA_TYPE',
        Session: session,
        ChallengeParameters: { MFAS_CAN_CHOOSE: JSON.stringify(usable) },
      };
    }
    if (pool.config.mfaConfiguration !== 'ON') return undefined;
    for (const factor of ['SMS_MFA', 'EMAIL_OTP'] as const) {
      if (poolFactors.includes(factor) && hasDeliveryFor(user, factor)) {
        return this.challengeOf(auth, pool, user, factor);
      }
    }
    if (!poolFactors.includes('SOFTWARE_TOKEN_MFA')) return undefined;
    return {
      ChallengeName: 'MFA_SETUP',
      Session: this.sessions.issueSetup({
        sub: user.sub,
        poolId: user.poolId,
        clientId: auth.client.id,
        stage: 'challenged',
        ttl: ttlOf(auth),
      }),
      ChallengeParameters: { MFAS_CAN_SETUP: JSON.stringify(['SOFTWARE_TOKEN_MFA']) },
    };
  }

  /**
   * The challenge of one factor under a new session: for SMS and email, the code is drawn, kept and
   * sent now, and the parameters say where it went.
   */
  async challengeOf(
    auth: ClientForAuth,
    pool: UserPoolEntity,
    user: UserEntity,
    factor: MfaFactor,
  ): Promise<InitiateAuthResponse> {
    const { id, session } = this.sessions.issueChallenge(auth.client.id, ttlOf(auth), user.sub, factor);
    if (factor === 'SOFTWARE_TOKEN_MFA') {
      return { ChallengeName: factor, Session: session, ChallengeParameters: {} };
    }
    const parameters = await this.codes.send(pool, user, factor, id, auth.client.id);
    return { ChallengeName: factor, Session: session, ChallengeParameters: parameters };
  }

  /** The pool as it is now (SELECT_MFA_TYPE's answer sends with the pool's current message). */
  async currentPool(auth: ClientForAuth): Promise<UserPoolEntity> {
    return (await this.pools.find(auth.pool.id)) ?? auth.pool;
  }
}

function ttlOf(auth: ClientForAuth): number {
  return auth.client.config.authSessionValidity * 60;
}

/** The factors the pool has on, in Cognito's order. */
export function factorsOfPool(pool: UserPoolEntity): MfaFactor[] {
  const mfa = poolMfaOf(pool.config);
  const factors: MfaFactor[] = [];
  if (mfa.sms) factors.push('SMS_MFA');
  if (mfa.softwareToken) factors.push('SOFTWARE_TOKEN_MFA');
  if (mfa.email) factors.push('EMAIL_OTP');
  return factors;
}

/** The user's factors the pool has on too, SMS and email only with an address to send to. */
function usableFactors(
  poolFactors: MfaFactor[],
  mfa: UserMfaEntity | undefined,
  user: UserEntity,
): MfaFactor[] {
  return userFactors(mfa).filter(
    (f) =>
      poolFactors.includes(f) &&
      (f === 'SOFTWARE_TOKEN_MFA' || OneTimeCodes.destinationOf(user, f) !== undefined),
  );
}
