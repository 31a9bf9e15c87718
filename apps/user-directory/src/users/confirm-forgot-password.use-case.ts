import { Inject, Injectable } from '@nestjs/common';
import { UserPoolTriggers } from '../triggers/user-pool-triggers';
import {
  CommandMeta,
  ConfirmForgotPasswordRequest,
  ConfirmForgotPasswordResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Transactions } from '@idfed/persistence';
import { AttemptLimiter, userSubject } from '../attempts/attempt-limiter';
import { checkSecretHash } from '../auth/client-secret.check';
import { ClientsService } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, Patterns, RequestValidator } from '../common/validate';
import { PasswordCredentials } from './password-credentials';
import { PasswordHistory } from './password-history';
import { passwordPolicyViolation } from './password-policy';
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';
import { codeRefusal, VerificationCodes } from './verification-codes';
import { BlockedAddresses, userAddress } from '../risk/threat-protection';

/**
 * ConfirmForgotPassword: the new password replaces both the argon2 hash and the SRP verifier. As in
 * Cognito, existing sessions are not revoked.
 */
@Injectable()
export class ConfirmForgotPasswordUseCase implements OperationHandler<
  typeof UserDirectoryOperations.ConfirmForgotPassword
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(PasswordCredentials) private readonly credentials: PasswordCredentials,
    @Inject(AttemptLimiter) private readonly attempts: AttemptLimiter,
    @Inject(VerificationCodes) private readonly codes: VerificationCodes,
    @Inject(UserPoolTriggers) private readonly triggers: UserPoolTriggers,
    @Inject(PasswordHistory) private readonly history: PasswordHistory,
    @Inject(BlockedAddresses) private readonly blocked: BlockedAddresses,
  ) {}

  /**
   * The code is checked before the new password is hashed, for everyone: hashing first made a known
   * user's wrong guess take 26 ms and an unknown user's 4 ms. A wrong guess then costs the same
   * statements whoever the name is (AttemptLimiter's count and one code lookup).
   */
  async execute(
    req: ConfirmForgotPasswordRequest,
    meta?: CommandMeta,
  ): Promise<ConfirmForgotPasswordResponse> {
    RequestValidator.of(req)
      .string('ClientId', Members.clientId)
      .string('Username', Members.username)
      .string('ConfirmationCode', { required: true, min: 1, max: 2048, pattern: Patterns.code, secret: true })
      .string('Password', { required: true, min: 1, max: 256, secret: true })
      .string('SecretHash', { min: 1, max: 128, secret: true })
      .check();
    const auth = await this.clients.forAuth(req.ClientId, meta?.region);
    // Threat protection's block list (ADR 0091), before anything about the name is looked at or
    // counted; the user's address is the app's UserContextData when its client propagates it.
    const sourceIp = userAddress(auth.client, req.UserContextData, meta?.sourceIp);
    await this.blocked.refuseBlocked(auth.pool, auth.client.id, sourceIp);
    checkSecretHash(auth, req.SecretHash, [req.Username]);
    const hideExistence = auth.client.config.preventUserExistenceErrors === 'ENABLED';
    const pool = await this.lookup.requirePool(auth.client.poolId);
    const user = await this.users.findByName(pool.id, pool.config, req.Username);
    if (!user && !hideExistence) throw CognitoErrors.userNotFound();
    // The policy first, for known and unknown names alike: a weak password does not use up a guess.
    const violation = passwordPolicyViolation(req.Password, pool.config.passwordPolicy);
    if (violation) throw CognitoErrors.invalidPassword(violation);
    const subject = user ? userSubject(user) : this.attempts.unknownName(pool.id, pool.config, req.Username);
    await this.attempts.begin('forgot-password', subject);
    const check = await this.codes.check(user?.sub, 'forgot-password', req.ConfirmationCode);
    if (!user || check !== 'match') throw codeRefusal(check === 'match' ? 'mismatch' : check, hideExistence);

    // After the code: a refusal leaves the code unused, for another password, and is no wrong guess.
    await this.history.refuseReuse(pool, user, req.Password).catch(async (refusal: unknown) => {
      await this.attempts.succeeded('forgot-password', subject);
      throw refusal;
    });
    const stored = await this.credentials.derive(pool.id, user.username, req.Password);
    const reset = await this.transactions.run(async (tx) => {
      const locked = await this.lookup.lockUser(user.sub, tx);
      // Taken by a concurrent request since the check: after it, this code is gone.
      if (!(await this.codes.consume(locked.sub, 'forgot-password', req.ConfirmationCode, tx)))
        throw codeRefusal('missing', hideExistence);
      const status =
        locked.status === 'RESET_REQUIRED' || locked.status === 'FORCE_CHANGE_PASSWORD'
          ? 'CONFIRMED'
          : locked.status;
      await this.history.remember(pool, locked, tx);
      await this.users.update(
        locked.sub,
        { ...stored, status, passwordExpiresAt: null, updatedAt: new Date() },
        tx,
      );
      return { ...locked, status };
    });
    await this.attempts.succeeded('forgot-password', subject);
    // PostConfirmation (ADR 0030) after the commit: a failure fails the call, the password is set.
    await this.triggers.postConfirmation(
      pool,
      'PostConfirmation_ConfirmForgotPassword',
      auth.client.id,
      reset,
      req.ClientMetadata,
    );
    return {};
  }
}
