import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  ConfirmSignUpRequest,
  ConfirmSignUpResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { OutboxService } from '@idfed/messaging';
import { DataSource } from 'typeorm';
import { AttemptLimiter, userSubject } from '../attempts/attempt-limiter';
import { checkSecretHash } from '../auth/client-secret.check';
import { ClientsService } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { UserEntity, UserPoolEntity } from '../database/entities';
import { findUser, lockUser } from './user-lookup';
import { CodeDigest } from './secrets-at-rest';
import { checkCode, codeRefusal, confirmationChannel, consumeCode } from './verification-codes';
import { cannotConfirm, markConfirmed } from './user-confirmation';

/** ConfirmSignUp: the code sent at sign-up confirms the user and verifies the attribute it went to. */
@Injectable()
export class ConfirmSignUpUseCase implements OperationHandler<typeof UserDirectoryOperations.ConfirmSignUp> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(AttemptLimiter) private readonly attempts: AttemptLimiter,
    @Inject(CodeDigest) private readonly codes: CodeDigest,
  ) {}

  async execute(req: ConfirmSignUpRequest, meta: CommandMeta): Promise<ConfirmSignUpResponse> {
    RequestValidator.of(req)
      .string('ClientId', { required: true, min: 1, max: 128, pattern: Patterns.clientId })
      .string('Username', { required: true, min: 1, max: 128, pattern: Patterns.username })
      .string('ConfirmationCode', { required: true, min: 1, max: 2048, pattern: Patterns.code, secret: true })
      .string('SecretHash', { min: 1, max: 128, secret: true })
      .check();
    const auth = await this.clients.forAuth(req.ClientId);
    checkSecretHash(auth, req.SecretHash, [req.Username]);
    const hideExistence = auth.client.config.preventUserExistenceErrors === 'ENABLED';
    const m = this.dataSource.manager;
    const pool = await m.findOneOrFail(UserPoolEntity, { where: { id: auth.client.poolId } });
    const user = await findUser(m, pool.id, pool.config, req.Username);
    if (!user && !hideExistence) throw CognitoErrors.userNotFound();
    if (user && user.status !== 'UNCONFIRMED' && !hideExistence) throw cannotConfirm(user);
    // An unknown name is counted and checked like a user without a code, so both answer alike.
    const subject = user ? userSubject(user) : this.attempts.unknownName(pool.id, pool.config, req.Username);
    await this.attempts.begin('confirm-sign-up', subject);
    const check = await checkCode(m, user?.sub, 'confirm-sign-up', req.ConfirmationCode, this.codes);
    if (user && check === 'missing' && !hideExistence) {
      // A concurrent confirmation may have spent the code since the status was read: answer as after it.
      const now = await m.findOne(UserEntity, { where: { sub: user.sub } });
      if (now && now.status !== 'UNCONFIRMED') throw cannotConfirm(now);
    }
    if (!user || check !== 'match') throw codeRefusal(check === 'match' ? 'mismatch' : check, hideExistence);
    await this.dataSource.transaction(async (tx) => {
      const locked = await lockUser(tx, user.sub);
      if (locked.status !== 'UNCONFIRMED') throw cannotConfirm(locked);
      // Taken by a concurrent request since the check: after it, this code is gone.
      if (!(await consumeCode(tx, locked.sub, 'confirm-sign-up', req.ConfirmationCode, this.codes)))
        throw codeRefusal('missing', hideExistence);
      // The code reached the user through this attribute, which proves they hold it.
      const channel = confirmationChannel(pool.config, locked.attributes);
      const attributes = channel
        ? { ...locked.attributes, [`${channel.attribute}_verified`]: 'true' }
        : locked.attributes;
      await markConfirmed(tx, this.outbox, locked, attributes, 'self', meta.requestId);
    });
    await this.attempts.succeeded('confirm-sign-up', subject);
    this.outbox.nudge();
    return {};
  }
}
