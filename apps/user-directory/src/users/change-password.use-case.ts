import { Inject, Injectable } from '@nestjs/common';
import {
  ChangePasswordRequest,
  ChangePasswordResponse,
  CommandMeta,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Transactions } from '@idfed/persistence';
import { AttemptLimiter, CheckOutcome, userSubject } from '../attempts/attempt-limiter';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { UserEntity, UserPoolEntity } from '../database/entities';
import { PasswordCredentials } from './password-credentials';
import { PasswordHistory } from './password-history';
import { passwordPolicyViolation } from './password-policy';
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';
import { AuthEventRecorder, EventContext } from '../risk/auth-event-recorder';

/**
 * ChangePassword: the signed-in user replaces their password. Sessions stay, as in Cognito.
 *
 * The previous password is checked against the stored password the write replaces, not against
 * one read earlier: the row is locked and, if another change landed since the check, the previous
 * password is checked again against the new one. So of concurrent changes from one password, one
 * wins and the others are refused, as they would be one after another. The derivation stays
 * outside the lock.
 *
 * A wrong previous password is a guess, counted towards the user's password lockout with sign-in's
 * (a stolen access token must not buy unlimited guesses). It is checked in a slot reserved from
 * AttemptLimiter and settled by the outcome, so concurrent changes with the right password are all
 * checked, not locked out. The re-check after losing the race is not a guess: the password it is
 * checked against was set after the request read it, and is not counted; nor is a previous password
 * that a concurrent change replaced a moment before this request read the user (ADR 0011).
 */
@Injectable()
export class ChangePasswordUseCase implements OperationHandler<
  typeof UserDirectoryOperations.ChangePassword
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(AccessTokenVerifier) private readonly tokens: AccessTokenVerifier,
    @Inject(PasswordCredentials) private readonly credentials: PasswordCredentials,
    @Inject(AttemptLimiter) private readonly attempts: AttemptLimiter,
    @Inject(PasswordHistory) private readonly history: PasswordHistory,
    @Inject(AuthEventRecorder) private readonly events: AuthEventRecorder,
  ) {}

  async execute(req: ChangePasswordRequest, meta?: CommandMeta): Promise<ChangePasswordResponse> {
    RequestValidator.of(req)
      .string('PreviousPassword', { min: 1, max: 256, secret: true })
      .string('ProposedPassword', { required: true, min: 1, max: 256, secret: true })
      .string('AccessToken', Members.accessToken)
      .check();
    let user = await this.tokens.userOf(req.AccessToken);
    const pool = await this.lookup.requirePool(user.poolId);
    const violation = passwordPolicyViolation(req.ProposedPassword, pool.config.passwordPolicy);
    let stored: Awaited<ReturnType<PasswordCredentials['derive']>> | undefined;
    // Threat protection's PasswordChange event (ADR 0083), written after the answer: the caller
    // holds the user's access token, so there is no name to hide.
    const context: EventContext = { sourceIp: meta?.sourceIp, userAgent: meta?.userAgent };
    for (let counted = true; ; counted = false) {
      await this.checkPrevious(user, req.PreviousPassword, counted, () =>
        this.recordChange(pool, user, 'Fail', context),
      );
      if (violation) throw CognitoErrors.invalidPassword(violation);
      await this.history.refuseReuse(pool, user, req.ProposedPassword);
      stored ??= await this.credentials.derive(pool.id, user.username, req.ProposedPassword);
      const seen = this.credentials.storedVersion(user);
      const changed = await this.transactions.run(async (tx) => {
        const locked = await this.lookup.lockUser(user.sub, tx);
        if (!locked.enabled) throw CognitoErrors.notAuthorized('User is disabled.');
        if (this.credentials.storedVersion(locked) !== seen) return locked;
        await this.attempts.noteReplaced(tx, userSubject(locked), locked);
        await this.history.remember(pool, locked, tx);
        await this.users.update(locked.sub, { ...stored, updatedAt: new Date() }, tx);
        return undefined;
      });
      if (!changed) {
        this.recordChange(pool, user, 'Pass', context);
        return {};
      }
      // Another change won the race: the previous password must now match what it set.
      user = changed;
    }
  }

  private recordChange(
    pool: Pick<UserPoolEntity, 'id' | 'config'>,
    user: UserEntity,
    response: 'Pass' | 'Fail',
    context: EventContext,
  ): void {
    this.events.record(
      pool,
      user,
      'PasswordChange',
      response,
      [{ ChallengeName: 'Password', ChallengeResponse: response === 'Pass' ? 'Success' : 'Failure' }],
      context,
    );
  }

  private async checkPrevious(
    user: UserEntity,
    previous: string | undefined,
    counted: boolean,
    onWrong: () => void,
  ): Promise<void> {
    if (!this.credentials.hasPassword(user)) return;
    if (!previous) throw CognitoErrors.invalidParameter('PreviousPassword is required.');
    const right = counted
      ? (await this.attempts.check('password', userSubject(user), () => this.guess(user, previous))) ===
        'right'
      : await this.credentials.verify(user.poolId, user, previous);
    if (!right) {
      onWrong();
      throw CognitoErrors.notAuthorized();
    }
  }

  /**
   * A previous password that is wrong now but is the one a concurrent change replaced a moment ago
   * came from a request that read the user just after that change: not a guess.
   */
  private async guess(user: UserEntity, previous: string): Promise<CheckOutcome> {
    if (await this.credentials.verify(user.poolId, user, previous)) return 'right';
    const replaced = await this.attempts.recentlyReplaced(userSubject(user));
    if (
      replaced &&
      (await this.credentials.verify(user.poolId, { ...replaced, username: user.username }, previous))
    )
      return 'not-a-guess';
    return 'wrong';
  }
}
