import { Inject, Injectable } from '@nestjs/common';
import { UserPoolTriggers } from '../triggers/user-pool-triggers';
import {
  CommandMeta,
  ConfirmSignUpRequest,
  ConfirmSignUpResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { AttemptLimiter, userSubject } from '../attempts/attempt-limiter';
import { checkSecretHash } from '../auth/client-secret.check';
import { ClientsService } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';
import { codeRefusal, confirmationChannel, VerificationCodes } from './verification-codes';
import { cannotConfirm, UserConfirmation } from './user-confirmation';
import { BlockedAddresses, userAddress } from '../risk/threat-protection';

/** ConfirmSignUp: the code sent at sign-up confirms the user and verifies the attribute it went to. */
@Injectable()
export class ConfirmSignUpUseCase implements OperationHandler<typeof UserDirectoryOperations.ConfirmSignUp> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(AttemptLimiter) private readonly attempts: AttemptLimiter,
    @Inject(VerificationCodes) private readonly codes: VerificationCodes,
    @Inject(UserConfirmation) private readonly confirmation: UserConfirmation,
    @Inject(UserPoolTriggers) private readonly triggers: UserPoolTriggers,
    @Inject(BlockedAddresses) private readonly blocked: BlockedAddresses,
  ) {}

  async execute(req: ConfirmSignUpRequest, meta: CommandMeta): Promise<ConfirmSignUpResponse> {
    RequestValidator.of(req)
      .string('ClientId', { required: true, min: 1, max: 128, pattern: Patterns.clientId })
      .string('Username', { required: true, min: 1, max: 128, pattern: Patterns.username })
      .string('ConfirmationCode', { required: true, min: 1, max: 2048, pattern: Patterns.code, secret: true })
      .string('SecretHash', { min: 1, max: 128, secret: true })
      .boolean('ForceAliasCreation')
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
    if (user && user.status !== 'UNCONFIRMED' && !hideExistence) throw cannotConfirm(user);
    // An unknown name is counted and checked like a user without a code, so both answer alike.
    const subject = user ? userSubject(user) : this.attempts.unknownName(pool.id, pool.config, req.Username);
    await this.attempts.begin('confirm-sign-up', subject);
    const check = await this.codes.check(user?.sub, 'confirm-sign-up', req.ConfirmationCode);
    if (user && check === 'missing' && !hideExistence) {
      // A concurrent confirmation may have spent the code since the status was read: answer as after it.
      const now = await this.users.findBySub(user.sub);
      if (now && now.status !== 'UNCONFIRMED') throw cannotConfirm(now);
    }
    if (!user || check !== 'match') throw codeRefusal(check === 'match' ? 'mismatch' : check, hideExistence);
    const confirmed = await this.transactions.run(async (tx) => {
      const locked = await this.lookup.lockUser(user.sub, tx);
      if (locked.status !== 'UNCONFIRMED') throw cannotConfirm(locked);
      // Taken by a concurrent request since the check: after it, this code is gone.
      if (!(await this.codes.consume(locked.sub, 'confirm-sign-up', req.ConfirmationCode, tx)))
        throw codeRefusal('missing', hideExistence);
      // The code reached the user through this attribute, which proves they hold it.
      const channel = confirmationChannel(pool.config, locked.attributes);
      const attributes = channel
        ? { ...locked.attributes, [`${channel.attribute}_verified`]: 'true' }
        : locked.attributes;
      await this.confirmation.markConfirmed(
        locked,
        attributes,
        'self',
        meta.requestId,
        tx,
        pool,
        req.ForceAliasCreation === true,
      );
      return { ...locked, attributes, status: 'CONFIRMED' as const };
    });
    await this.attempts.succeeded('confirm-sign-up', subject);
    this.outbox.nudge();
    // After the commit, as Cognito: a failing PostConfirmation fails the call, the user stays confirmed.
    await this.triggers.postConfirmation(
      pool,
      'PostConfirmation_ConfirmSignUp',
      auth.client.id,
      confirmed,
      req.ClientMetadata,
    );
    return {};
  }
}
