import { Inject, Injectable } from '@nestjs/common';
import { InitiateAuthResponse } from '@idfed/contracts';
import { ClientForAuth } from '../../clients/clients.service';
import { CognitoErrors } from '../../common/cognito-errors';
import { MfaSignIn } from '../../mfa/mfa-sign-in';
import { UsersRepository } from '../../users/users.repository';
import { UserMigrations } from '../../users/user-migrations';
import { AuthFlowStrategy, SignInClaim } from './auth-flow';
import { deviceKeyOf } from './auth-parameters';
import { FactorInputs, FirstFactorChallenge, FirstFactors, isFirstFactorChallenge } from './first-factors';

/** What USER_AUTH read: the name, the factor it prefers (if any) with what that factor needs. */
export interface UserAuthStart {
  username: string;
  preferred?: FirstFactorChallenge;
  inputs: FactorInputs;
  deviceKey?: string;
}

/**
 * USER_AUTH, choice-based sign-in (ADR 0034), from InitiateAuth and AdminInitiateAuth for clients
 * with ALLOW_USER_AUTH: with a PREFERRED_CHALLENGE the user can use, that factor at once
 * (PASSWORD with the password, PASSWORD_SRP with SRP_A, EMAIL_OTP / SMS_OTP sending a code);
 * otherwise SELECT_CHALLENGE with AvailableChallenges. The pool is read afresh (its SignInPolicy
 * and MFA setting as they are now).
 */
@Injectable()
export class UserAuthFlow implements AuthFlowStrategy<UserAuthStart> {
  readonly flows = ['USER_AUTH'];
  readonly operations = ['InitiateAuth', 'AdminInitiateAuth'] as const;
  readonly allowedBy = 'USER_AUTH';

  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(MfaSignIn) private readonly mfa: MfaSignIn,
    @Inject(FirstFactors) private readonly factors: FirstFactors,
    @Inject(UserMigrations) private readonly migrations: Pick<UserMigrations, 'configured'>,
  ) {}

  claim(_auth: ClientForAuth, params: Record<string, string>): Promise<SignInClaim<UserAuthStart>> {
    const { USERNAME: username, PREFERRED_CHALLENGE: preferred } = params;
    if (!username) throw CognitoErrors.invalidParameter('Missing required parameter USERNAME');
    if (preferred !== undefined && !isFirstFactorChallenge(preferred)) {
      throw CognitoErrors.invalidParameter('Invalid value for PREFERRED_CHALLENGE.');
    }
    const inputs = preferred ? this.factors.readInputs(preferred, params) : {};
    const deviceKey = deviceKeyOf(params);
    return Promise.resolve({
      secretHashNames: [username],
      found: { username, ...(preferred ? { preferred } : {}), inputs, ...(deviceKey ? { deviceKey } : {}) },
    });
  }

  async start(
    auth: ClientForAuth,
    _params: Record<string, string>,
    { username, preferred, inputs, deviceKey }: UserAuthStart,
    validationData?: Record<string, string>,
  ): Promise<InitiateAuthResponse> {
    const pool = await this.mfa.currentPool(auth);
    const user = await this.users.findByName(pool.id, pool.config, username);
    // A name that is no user may be a legacy one: with a UserMigration function, the PASSWORD
    // factor asks it (ADR 0063) as USER_PASSWORD_AUTH does, whether preferred at once or chosen
    // from SELECT_CHALLENGE (ADR 0071: the choice is offered as to a decoy, every factor the pool
    // allows, so it tells no more than PreventUserExistenceErrors would).
    const migrating =
      !user && (preferred === undefined || preferred === 'PASSWORD') && this.migrations.configured(pool);
    if (!user && !migrating && auth.client.config.preventUserExistenceErrors !== 'ENABLED') {
      throw CognitoErrors.userNotFound();
    }
    const target = { username, user, ...(deviceKey ? { deviceKey } : {}) };
    const available = await this.factors.available(pool, user);
    if (preferred && available.includes(preferred)) {
      return this.factors.start(auth, pool, target, preferred, {
        ...inputs,
        ...(validationData ? { validationData } : {}),
      });
    }
    return this.factors.selectChallenge(auth, target, available);
  }
}
