import { Inject, Injectable } from '@nestjs/common';
import {
  AddCustomAttributesRequest,
  CommandMeta,
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
import { withCustomAttributes } from './attribute-schema';
import { PoolsService } from './pools.service';
import { UserPoolsRepository } from './user-pools.repository';

/**
 * AddCustomAttributes: custom attributes appended to the pool's schema under its row lock (ADR
 * 0038), with the `pool-settings.changed` event UpdateUserPool writes (ADR 0031), naming
 * `SchemaAttributes`, in the same transaction. A refused attribute adds none of them.
 */
@Injectable()
export class AddCustomAttributesUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AddCustomAttributes
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(UserPoolsRepository) private readonly poolRows: UserPoolsRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(RunningImports) private readonly imports: RunningImports,
  ) {}

  async execute(req: AddCustomAttributesRequest, meta: CommandMeta): Promise<Record<string, never>> {
    if (!Array.isArray(req.CustomAttributes) || req.CustomAttributes.length === 0) {
      throw CognitoErrors.invalidParameter(
        "1 validation error detected: Value null at 'customAttributes' failed to satisfy constraint: Member must not be null",
      );
    }
    await this.transactions.run(async (tx) => {
      const pool = await this.pools.require(req.UserPoolId, tx, true);
      await this.imports.refuseWhileRunning(pool.id, tx);
      const schema = withCustomAttributes(pool.config.schema, req.CustomAttributes);
      const now = new Date();
      await this.poolRows.updateSettings(pool.id, pool.name, { ...pool.config, schema }, now, tx);
      const event: UserPoolSettingsChangedEvent = {
        userPoolId: pool.id,
        changed: ['SchemaAttributes'],
        occurredAt: now.toISOString(),
      };
      await this.outbox.add(tx, {
        topic: UserDirectoryTopics.userPoolSettingsChanged,
        key: pool.id,
        payload: event,
        correlationId: meta.requestId,
      });
    });
    this.outbox.nudge();
    this.clients.forgetPool(req.UserPoolId);
    return {};
  }
}
