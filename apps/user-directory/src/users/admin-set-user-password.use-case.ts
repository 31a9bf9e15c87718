import { Inject, Injectable } from '@nestjs/common';
import {
  AdminSetUserPasswordRequest,
  CommandMeta,
  AdminSetUserPasswordResponse,
  UserConfirmedEvent,
  UserDirectoryOperations,
  UserDirectoryTopics,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { PasswordCredentials } from './password-credentials';
import { PasswordHistory } from './password-history';
import { passwordPolicyViolation } from './password-policy';
import { temporaryPasswordExpiry } from './temporary-password';
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';

/**
 * AdminSetUserPassword: a permanent password confirms the user (CONFIRMED); a temporary one
 * (Permanent false, the default) makes them choose their own at the next sign-in
 * (FORCE_CHANGE_PASSWORD) within the pool's TemporaryPasswordValidityDays.
 */
@Injectable()
export class AdminSetUserPasswordUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminSetUserPassword
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(PasswordCredentials) private readonly credentials: PasswordCredentials,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(PasswordHistory) private readonly history: PasswordHistory,
  ) {}

  async execute(req: AdminSetUserPasswordRequest, meta: CommandMeta): Promise<AdminSetUserPasswordResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('Username', Members.username)
      .string('Password', { required: true, min: 1, max: 256, secret: true })
      .boolean('Permanent')
      .check();
    const pool = await this.lookup.requirePool(req.UserPoolId);
    const user = await this.lookup.requireUser(pool, req.Username);
    const violation = passwordPolicyViolation(req.Password, pool.config.passwordPolicy);
    if (violation) throw CognitoErrors.invalidPassword(violation);
    const permanent = req.Permanent === true;
    // A temporary password is the administrator's, to be replaced at once: only a permanent one is checked.
    if (permanent) await this.history.refuseReuse(pool, user, req.Password);
    const stored = await this.credentials.derive(pool.id, user.username, req.Password);
    await this.transactions.run(async (tx) => {
      const locked = await this.lookup.lockUser(user.sub, tx);
      const now = new Date();
      await this.history.remember(pool, locked, tx);
      await this.users.update(
        locked.sub,
        {
          ...stored,
          status: permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD',
          passwordExpiresAt: permanent ? null : temporaryPasswordExpiry(pool.config, now),
          updatedAt: now,
        },
        tx,
      );
      if (permanent && locked.status === 'UNCONFIRMED') {
        const event: UserConfirmedEvent = {
          userPoolId: pool.id,
          sub: locked.sub,
          username: locked.username,
          confirmedBy: 'admin',
          occurredAt: now.toISOString(),
        };
        await this.outbox.add(tx, {
          topic: UserDirectoryTopics.userConfirmed,
          key: locked.sub,
          payload: event,
          correlationId: meta.requestId,
        });
      }
    });
    this.outbox.nudge();
    return {};
  }
}
