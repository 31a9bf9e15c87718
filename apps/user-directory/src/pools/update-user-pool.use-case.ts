import { isDeepStrictEqual } from 'node:util';
import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  UpdateUserPoolRequest,
  UserDirectoryOperations,
  UserDirectoryTopics,
  UserPoolSettingsChangedEvent,
} from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { ClientsService } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { RunningImports } from '../import/running-imports';
import { Patterns, RequestValidator } from '../common/validate';
import { UserPoolEntity } from '../database/entities';
import { TriggerCaller } from '../triggers/trigger-caller';
import { customSenderConfigProblem } from '../triggers/message-triggers';
import { triggerArnsOf } from '../triggers/user-pool-triggers';
import { applyPoolUpdate, toUserPoolType } from './pool-config';
import { PoolsService } from './pools.service';
import { UserPoolsRepository } from './user-pools.repository';

/** Members of DescribeUserPool's answer that change by themselves, not by UpdateUserPool. */
const NOT_SETTINGS = new Set(['LastModifiedDate', 'EstimatedNumberOfUsers', 'CreationDate']);

/**
 * UpdateUserPool: the pool's settings replaced under its row lock, as Cognito replaces them (a
 * member left out takes its default, ADR 0031), and a `pool-settings.changed` event naming
 * the members that changed, in the same transaction.
 */
@Injectable()
export class UpdateUserPoolUseCase implements OperationHandler<
  typeof UserDirectoryOperations.UpdateUserPool
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(UserPoolsRepository) private readonly poolRows: UserPoolsRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(TriggerCaller) private readonly triggers: TriggerCaller,
    @Inject(RunningImports) private readonly imports: RunningImports,
  ) {}

  async execute(req: UpdateUserPoolRequest, meta: CommandMeta): Promise<Record<string, never>> {
    RequestValidator.of(req)
      .string('PoolName', { min: 1, max: 128, pattern: Patterns.poolName })
      .enumList('AutoVerifiedAttributes', ['email', 'phone_number'])
      .oneOf('MfaConfiguration', ['OFF', 'ON', 'OPTIONAL'])
      .oneOf('DeletionProtection', ['ACTIVE', 'INACTIVE'])
      .oneOf('UserPoolTier', ['LITE', 'ESSENTIALS', 'PLUS'])
      .check();
    // As CreateUserPool: only functions the operator configured can be triggers (ADR 0030).
    for (const fn of triggerArnsOf(req.LambdaConfig)) {
      if (!this.triggers.knows(req.UserPoolId, fn)) {
        throw CognitoErrors.invalidParameter(`The Lambda function ${fn} is not one this idfed can call.`);
      }
    }
    const senderProblem = customSenderConfigProblem(req.LambdaConfig);
    if (senderProblem) throw CognitoErrors.invalidParameter(senderProblem);
    const changed = await this.transactions.run(async (tx) => {
      const pool = await this.pools.require(req.UserPoolId, tx, true);
      await this.imports.refuseWhileRunning(pool.id, tx);
      const now = new Date();
      const updated: UserPoolEntity = {
        ...pool,
        name: req.PoolName ?? pool.name,
        config: applyPoolUpdate(pool.config, req),
        updatedAt: now,
      };
      const members = changedMembers(pool, updated);
      await this.poolRows.updateSettings(pool.id, updated.name, updated.config, now, tx);
      if (members.length > 0) {
        const event: UserPoolSettingsChangedEvent = {
          userPoolId: pool.id,
          changed: members,
          occurredAt: now.toISOString(),
        };
        await this.outbox.add(tx, {
          topic: UserDirectoryTopics.userPoolSettingsChanged,
          key: pool.id,
          payload: event,
          correlationId: meta.requestId,
        });
      }
      return members.length > 0;
    });
    if (changed) this.outbox.nudge();
    this.clients.forgetPool(req.UserPoolId);
    return {};
  }
}

/** The top-level members of DescribeUserPool's `UserPool` whose value differs, in AWS's order. */
function changedMembers(before: UserPoolEntity, after: UserPoolEntity): string[] {
  const a = toUserPoolType(before, 0) as unknown as Record<string, unknown>;
  const b = toUserPoolType(after, 0) as unknown as Record<string, unknown>;
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return names.filter((n) => !NOT_SETTINGS.has(n) && !isDeepStrictEqual(a[n], b[n]));
}
