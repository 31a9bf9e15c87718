import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  CreateUserPoolRequest,
  CreateUserPoolResponse,
  SigningKeyActivatedEvent,
  UserDirectoryOperations,
  UserDirectoryTopics,
} from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { newUserPoolId } from '../common/ids';
import { Patterns, RequestValidator } from '../common/validate';
import { UserPoolEntity } from '../database/entities';
import { CognitoErrors } from '../common/cognito-errors';
import { SigningKeysService } from '../tokens/signing-keys.service';
import { TriggerCaller } from '../triggers/trigger-caller';
import { customSenderConfigProblem } from '../triggers/message-triggers';
import { triggerArnsOf } from '../triggers/user-pool-triggers';
import { USER_DIRECTORY_CONFIG, UserDirectoryConfig } from '../user-directory.tokens';
import { poolConfigFromRequest, toUserPoolType } from './pool-config';
import { UserPoolsRepository } from './user-pools.repository';

/** CreateUserPool: the pool and its first signing key, announced in one transaction. */
@Injectable()
export class CreateUserPoolUseCase implements OperationHandler<
  typeof UserDirectoryOperations.CreateUserPool
> {
  constructor(
    @Inject(UserPoolsRepository) private readonly pools: UserPoolsRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(SigningKeysService) private readonly signingKeys: SigningKeysService,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(USER_DIRECTORY_CONFIG) private readonly settings: UserDirectoryConfig,
    @Inject(TriggerCaller) private readonly triggers: TriggerCaller,
  ) {}

  async execute(req: CreateUserPoolRequest, meta: CommandMeta): Promise<CreateUserPoolResponse> {
    RequestValidator.of(req)
      .string('PoolName', { required: true, min: 1, max: 128, pattern: Patterns.poolName })
      .enumList('AutoVerifiedAttributes', ['email', 'phone_number'])
      .enumList('UsernameAttributes', ['email', 'phone_number'])
      .enumList('AliasAttributes', ['email', 'phone_number', 'preferred_username'])
      .oneOf('MfaConfiguration', ['OFF', 'ON', 'OPTIONAL'])
      .oneOf('DeletionProtection', ['ACTIVE', 'INACTIVE'])
      .oneOf('UserPoolTier', ['LITE', 'ESSENTIALS', 'PLUS'])
      .check();
    // Created in the region the request was signed for (ADR 0032), named in it as Cognito does.
    const region = meta.region ?? this.settings.region;
    const id = newUserPoolId(region);
    const arn = `arn:aws:cognito-idp:${region}:${this.settings.accountId}:userpool/${id}`;
    const config = poolConfigFromRequest(req, arn);
    // Only functions the operator configured can be triggers (ADR 0030): said now, not at sign-up.
    for (const fn of triggerArnsOf(req.LambdaConfig)) {
      if (!this.triggers.knows(id, fn)) {
        throw CognitoErrors.invalidParameter(`The Lambda function ${fn} is not one this idfed can call.`);
      }
    }
    const senderProblem = customSenderConfigProblem(req.LambdaConfig);
    if (senderProblem) throw CognitoErrors.invalidParameter(senderProblem);
    const now = new Date();
    const pool: UserPoolEntity = { id, name: req.PoolName, config, createdAt: now, updatedAt: now };
    await this.transactions.run(async (tx) => {
      await this.pools.insert(pool, tx);
      const key = await this.signingKeys.createForPool(tx, id);
      const event: SigningKeyActivatedEvent = { userPoolId: id, ...key, occurredAt: now.toISOString() };
      await this.outbox.add(tx, {
        topic: UserDirectoryTopics.signingKeyActivated,
        key: id,
        payload: event,
        correlationId: meta.requestId,
      });
    });
    this.outbox.nudge();
    return { UserPool: toUserPoolType(pool, 0) };
  }
}
