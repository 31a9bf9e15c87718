import { ServiceError } from '@idfed/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InitiateAuthResponse } from '@idfed/contracts';
import { AttemptLimiter, userSubject } from '../../attempts/attempt-limiter';
import { ClientForAuth } from '../../clients/clients.service';
import { CognitoErrors } from '../../common/cognito-errors';
import { UserEntity } from '../../database/entities';
import { PasswordCredentials } from '../../users/password-credentials';
import { UsersRepository } from '../../users/users.repository';
import { migrationRefused, UserMigrations } from '../../users/user-migrations';
import { SignInCompletion } from '../sign-in-completion';
import { UserPoolTriggers } from '../../triggers/user-pool-triggers';
import { SignInClaim } from './auth-flow';
import { deviceKeyOf } from './auth-parameters';
import { AuthEventRecorder } from '../../risk/auth-event-recorder';

/** The USERNAME and PASSWORD of a password sign-in. */
export interface PasswordGiven {
  username: string;
  password: string;
  /** The DEVICE_KEY of AuthParameters, if any. */
  deviceKey?: string;
  /** InitiateAuth's ClientMetadata: PreAuthentication's and UserMigration's `validationData`. */
  validationData?: Record<string, string>;
}

/**
 * USERNAME and PASSWORD checked against the sealed SRP verifier (ADR 0006): the work of
 * USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH. AuthFlows has checked the client allows the flow
 * and, between `claim` and `signIn`, the client secret.
 */
@Injectable()
export class PasswordSignIn {
  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(PasswordCredentials) private readonly credentials: PasswordCredentials,
    @Inject(SignInCompletion) private readonly completion: SignInCompletion,
    @Inject(AttemptLimiter) private readonly attempts: AttemptLimiter,
    @Inject(UserPoolTriggers) private readonly triggers: UserPoolTriggers,
    @Inject(UserMigrations) private readonly migrations: UserMigrations,
    @Inject(AuthEventRecorder) private readonly events: AuthEventRecorder,
  ) {}

  claim(params: Record<string, string>): Promise<SignInClaim<PasswordGiven>> {
    const { USERNAME: username, PASSWORD: password } = params;
    if (typeof username !== 'string' || username.length === 0)
      throw CognitoErrors.invalidParameter('Missing required parameter USERNAME');
    if (typeof password !== 'string' || password.length === 0)
      throw CognitoErrors.invalidParameter('Missing required parameter PASSWORD');
    const deviceKey = deviceKeyOf(params);
    return Promise.resolve({
      secretHashNames: [username],
      found: { username, password, ...(deviceKey ? { deviceKey } : {}) },
    });
  }

  async signIn(auth: ClientForAuth, given: PasswordGiven): Promise<InitiateAuthResponse> {
    const { user, pool } = await this.verified(auth, given, false, true);
    // The pool as read with the user: MFA's settings as they are now.
    const answer = await this.completion.afterPasswordProof(auth, auth.pool, user, pool, given.deviceKey);
    // Threat protection's event (ADR 0083), written after the answer: tokens pass, a challenge
    // (MFA, a new password) is still in progress.
    this.events.record(pool, user, 'SignIn', answer.AuthenticationResult ? 'Pass' : 'InProgress', [
      { ChallengeName: 'Password', ChallengeResponse: 'Success' },
    ]);
    return answer;
  }

  /**
   * The user whose password this is, with the lockout counted as for any sign-in; the account's
   * own checks (disabled, unconfirmed, a temporary password) are the caller's next step.
   * `hideExistence` takes an unknown name down a user's path whatever the client's
   * PreventUserExistenceErrors (the hosted page, which never tells, ADR 0037).
   */
  async verify(
    auth: ClientForAuth,
    given: PasswordGiven,
    {
      hideExistence = false,
      recordFailure = false,
    }: { hideExistence?: boolean; recordFailure?: boolean } = {},
  ): Promise<UserEntity> {
    return (await this.verified(auth, given, hideExistence, recordFailure)).user;
  }

  /** `verify`, with the pool as its settings were read in the same statement as the user. */
  private async verified(
    auth: ClientForAuth,
    { username, password, validationData }: PasswordGiven,
    alwaysHide = false,
    recordFailure = false,
  ): Promise<{ user: UserEntity; pool: ClientForAuth['pool'] }> {
    const pool = auth.pool;
    let found = await this.users.findForSignIn(pool.id, pool.config, username);
    let user = found?.user;
    const hideExistence = alwaysHide || auth.client.config.preventUserExistenceErrors === 'ENABLED';
    const migrating = !user && this.migrations.configured(pool);
    if (!user && !hideExistence && !migrating) {
      this.credentials.burnTime(pool.id, username, password);
      throw CognitoErrors.userNotFound();
    }
    // Counted before the hash is checked; during a lockout even the right password is refused. An
    // unknown name is counted too, so it locks out after as many tries as a real one (and a legacy
    // password is guessed through the UserMigration trigger no faster than a user's).
    const subject = user ? userSubject(user) : this.attempts.unknownName(pool.id, pool.config, username);
    await this.attempts.begin('password', subject);
    if (migrating) {
      // UserMigration (ADR 0037): the legacy store decides; a refusal is answered as Cognito
      // answers it, after the hash a user's wrong password costs.
      const outcome = await this.migrations.migrate(
        pool,
        'UserMigration_Authentication',
        {
          clientId: auth.client.id,
          userName: username,
          password,
          ...(validationData ? { validationData } : {}),
        },
        randomUUID(),
      );
      if (outcome === 'migrated') {
        found = await this.users.findForSignIn(pool.id, pool.config, username);
        user = found?.user;
      }
      if (!user) {
        this.credentials.burnTime(pool.id, username, password);
        throw hideExistence ? CognitoErrors.notAuthorized() : migrationRefused(auth.client.id);
      }
    }
    // PreAuthentication (ADR 0030) before the password is checked, as Cognito calls it; a name
    // without a user goes as `userNotFound`, so both take the same path.
    await this.triggers.preAuthentication(pool, auth.client.id, user, username, validationData);
    if (user?.enabled && user.status === 'RESET_REQUIRED' && !this.credentials.hasPassword(user)) {
      // An imported user (ADR 0045) has no password to check: Cognito asks for the reset.
      this.credentials.burnTime(pool.id, username, password);
      throw new ServiceError('PasswordResetRequiredException', 'Password reset required for the user');
    }
    if (!user || !this.credentials.hasPassword(user)) {
      // Same work and the same answer as a wrong password.
      this.credentials.burnTime(pool.id, username, password);
      throw CognitoErrors.notAuthorized();
    }
    if (!(await this.credentials.verify(pool.id, user, password))) {
      // A real user's wrong password: threat protection's failed sign-in, written after the answer.
      if (recordFailure)
        this.events.record(pool, user, 'SignIn', 'Fail', [
          { ChallengeName: 'Password', ChallengeResponse: 'Failure' },
        ]);
      throw CognitoErrors.notAuthorized();
    }
    await this.attempts.succeeded('password', subject);
    if (this.credentials.needsUpgrade(user)) await this.upgradeStoredPassword(pool.id, user, password);
    return { user, pool: { ...pool, config: found!.poolConfig } };
  }

  /**
   * A password from before ADR 0006 (an argon2id hash, maybe no verifier): the plaintext is at hand
   * now, so it becomes a sealed verifier and the hash goes.
   */
  private async upgradeStoredPassword(poolId: string, user: UserEntity, password: string): Promise<void> {
    const stored = this.credentials.srpOnly(poolId, user.username, password);
    await this.users.upgradeLegacyPassword(user.sub, stored);
  }
}
