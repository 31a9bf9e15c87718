import { createHash } from 'node:crypto';
import {
  AdminConfirmSignUpResponse,
  CodeDeliveryDetailsType,
  AdminUserRequest,
  ConfirmSignUpRequest,
  ConfirmSignUpResponse,
  ResendConfirmationCodeRequest,
  ResendConfirmationCodeResponse,
  UserConfirmedEvent,
  UserDirectoryTopics,
} from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { AttemptLimiter, userSubject } from '../attempts/attempt-limiter';
import { checkSecretHash } from '../auth/client-secret.check';
import { ClientsService } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { UserEntity, UserPoolEntity, VerificationCodeEntity } from '../database/entities';
import { confirmationMessage } from '../delivery/code-messages';
import { BackgroundDelivery } from '../delivery/background-delivery';
import { PoolConfig } from '../pools/pool-config';
import { PoolsService } from '../pools/pools.service';
import { maskDestination } from './user-attributes';
import { findUser, lockUser, requireAdminUser } from './user-lookup';
import { CodeDigest } from './secrets-at-rest';
import {
  checkCode,
  codeIssueStatement,
  codeRefusal,
  confirmationChannel,
  consumeCode,
} from './verification-codes';

/** ConfirmSignUp, ResendConfirmationCode and AdminConfirmSignUp. */
export class ConfirmationUseCases {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clients: ClientsService,
    private readonly pools: PoolsService,
    private readonly delivery: BackgroundDelivery,
    private readonly outbox: OutboxService,
    private readonly attempts: AttemptLimiter,
    private readonly codes: CodeDigest,
  ) {}

  async confirm(req: ConfirmSignUpRequest, correlationId: string): Promise<ConfirmSignUpResponse> {
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
      await this.markConfirmed(tx, locked, attributes, 'self', correlationId);
    });
    await this.attempts.succeeded('confirm-sign-up', subject);
    this.outbox.nudge();
    return {};
  }

  /**
   * With PreventUserExistenceErrors, a known and an unknown name do the same work: one statement
   * that counts the request (and, for a user, stores the new code), and no delivery on the request
   * path: the message goes out after the answer.
   */
  async resend(req: ResendConfirmationCodeRequest): Promise<ResendConfirmationCodeResponse> {
    RequestValidator.of(req)
      .string('ClientId', { required: true, min: 1, max: 128, pattern: Patterns.clientId })
      .string('Username', { required: true, min: 1, max: 128, pattern: Patterns.username })
      .string('SecretHash', { min: 1, max: 128, secret: true })
      .check();
    const auth = await this.clients.forAuth(req.ClientId);
    checkSecretHash(auth, req.SecretHash, [req.Username]);
    const m = this.dataSource.manager;
    const pool = await m.findOneOrFail(UserPoolEntity, { where: { id: auth.client.poolId } });
    const user = await findUser(m, pool.id, pool.config, req.Username);
    if (!user) {
      if (auth.client.config.preventUserExistenceErrors !== 'ENABLED') throw CognitoErrors.userNotFound();
      // A client that hides user existence gets the answer a real user would get, and no code goes out.
      const details = simulatedDelivery(pool.config, pool.id, req.Username);
      await this.attempts.begin(
        'code-delivery',
        this.attempts.unknownName(pool.id, pool.config, req.Username),
      );
      return { CodeDeliveryDetails: details };
    }
    if (user.status !== 'UNCONFIRMED') throw CognitoErrors.invalidParameter('User is already confirmed.');
    const channel = confirmationChannel(pool.config, user.attributes);
    if (!channel)
      throw CognitoErrors.invalidParameter('Cannot resend codes. Auto verification not turned on.');
    const { code, statement } = codeIssueStatement(user.sub, 'confirm-sign-up', this.codes);
    await this.attempts.begin('code-delivery', userSubject(user), statement);
    this.delivery.enqueue(
      confirmationMessage(channel.medium, channel.destination, code, pool.id, user.username),
    );
    return {
      CodeDeliveryDetails: {
        Destination: maskDestination(channel.destination),
        DeliveryMedium: channel.medium,
        AttributeName: channel.attribute,
      },
    };
  }

  async adminConfirm(req: AdminUserRequest, correlationId: string): Promise<AdminConfirmSignUpResponse> {
    await this.dataSource.transaction(async (m) => {
      const { user } = await requireAdminUser(m, this.pools, req);
      if (user.status !== 'UNCONFIRMED') throw cannotConfirm(user);
      await m.delete(VerificationCodeEntity, { userSub: user.sub, purpose: 'confirm-sign-up' });
      await this.markConfirmed(m, user, user.attributes, 'admin', correlationId);
    });
    this.outbox.nudge();
    return {};
  }

  private async markConfirmed(
    m: EntityManager,
    user: UserEntity,
    attributes: Record<string, string>,
    confirmedBy: 'self' | 'admin',
    correlationId: string,
  ): Promise<void> {
    const now = new Date();
    await m.update(UserEntity, { sub: user.sub }, { status: 'CONFIRMED', attributes, updatedAt: now });
    const event: UserConfirmedEvent = {
      userPoolId: user.poolId,
      sub: user.sub,
      username: user.username,
      confirmedBy,
      occurredAt: now.toISOString(),
    };
    await this.outbox.add(m, {
      topic: UserDirectoryTopics.userConfirmed,
      key: user.sub,
      payload: event,
      correlationId,
    });
  }
}

function cannotConfirm(user: UserEntity) {
  return CognitoErrors.notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
}

/**
 * What ResendConfirmationCode shows for a user who does not exist, when the client hides user
 * existence: a masked destination of the pool's first auto-verified kind, its letters derived from
 * the username (stable across calls, so repeating the call reveals nothing either).
 */
function simulatedDelivery(config: PoolConfig, poolId: string, username: string): CodeDeliveryDetailsType {
  const digest = createHash('sha256').update(`${poolId}\u0000${username}`).digest();
  const letter = (i: number) => String.fromCharCode(97 + (digest[i] % 26));
  if (config.autoVerifiedAttributes.length === 0) {
    // What a real user of this pool is told.
    throw CognitoErrors.invalidParameter('Cannot resend codes. Auto verification not turned on.');
  }
  if (config.autoVerifiedAttributes[0] === 'phone_number') {
    const digits = [...digest.subarray(2, 6)].map((b) => String(b % 10)).join('');
    return { Destination: `+*******${digits}`, DeliveryMedium: 'SMS', AttributeName: 'phone_number' };
  }
  return { Destination: `${letter(0)}***@${letter(1)}***`, DeliveryMedium: 'EMAIL', AttributeName: 'email' };
}
