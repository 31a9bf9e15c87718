import { Inject, Injectable } from '@nestjs/common';
import { InitiateAuthResponse } from '@idfed/contracts';
import { ClientForAuth } from '../clients/clients.service';
import { UserEntity } from '../database/entities';
import { UserPoolsRepository } from '../pools/user-pools.repository';
import { MfaSessions } from './mfa-sessions';
import { poolUsesSoftwareToken } from './pool-mfa';
import { UserMfaRepository } from './user-mfa.repository';

/**
 * What follows a proven password (or a new one) when the pool uses MFA: SOFTWARE_TOKEN_MFA for a
 * user whose software token is on, MFA_SETUP for a user without one in a pool that requires MFA,
 * nothing (tokens) otherwise. The pool's MFA settings are read afresh, not from the client cache:
 * turning MFA on must hold from the next sign-in, on every replica.
 */
@Injectable()
export class MfaSignIn {
  constructor(
    @Inject(UserPoolsRepository) private readonly pools: UserPoolsRepository,
    @Inject(UserMfaRepository) private readonly rows: UserMfaRepository,
    @Inject(MfaSessions) private readonly sessions: MfaSessions,
  ) {}

  async challengeFor(auth: ClientForAuth, user: UserEntity): Promise<InitiateAuthResponse | undefined> {
    const pool = await this.pools.find(auth.pool.id);
    if (!pool || !poolUsesSoftwareToken(pool.config)) return undefined;
    const ttl = auth.client.config.authSessionValidity * 60;
    const mfa = await this.rows.find(user.sub);
    if (mfa?.totpEnabled && mfa.totpSecretEnc) {
      return {
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: this.sessions.issueChallenge(auth.client.id, ttl, user.sub),
        ChallengeParameters: {},
      };
    }
    if (pool.config.mfaConfiguration !== 'ON') return undefined;
    return {
      ChallengeName: 'MFA_SETUP',
      Session: this.sessions.issueSetup({
        sub: user.sub,
        poolId: user.poolId,
        clientId: auth.client.id,
        stage: 'challenged',
        ttl,
      }),
      ChallengeParameters: { MFAS_CAN_SETUP: JSON.stringify(['SOFTWARE_TOKEN_MFA']) },
    };
  }
}
