import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, DeleteUserPoolClientRequest, UserDirectoryOperations } from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { AppClientsRepository } from './app-clients.repository';
import { appClientChanged } from './app-client-changed';
import { ClientsService } from './clients.service';

/**
 * DeleteUserPoolClient: the client's row (its pending authorization codes go with it, by cascade, and the hosted
 * pages' look set for it alone)
 * and an `app-client.changed` event (`deleted`) in one transaction. From then on every public
 * operation naming the client, a refresh with a token it issued included, is
 * ResourceNotFoundException: this replica forgets the client at once, the others when the event
 * reaches them (ADR 0064). A client of another pool is not found, as in Cognito.
 */
@Injectable()
export class DeleteUserPoolClientUseCase implements OperationHandler<
  typeof UserDirectoryOperations.DeleteUserPoolClient
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(AppClientsRepository) private readonly clientRows: AppClientsRepository,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(ClientsService) private readonly clients: ClientsService,
  ) {}

  async execute(req: DeleteUserPoolClientRequest, meta: CommandMeta): Promise<Record<string, never>> {
    RequestValidator.of(req)
      .string('UserPoolId', { required: true, min: 1, max: 55, pattern: Patterns.userPoolId })
      .string('ClientId', { required: true, min: 1, max: 128, pattern: Patterns.clientId })
      .check();
    await this.transactions.run(async (tx) => {
      const pool = await this.pools.require(req.UserPoolId, tx);
      const client = await this.clientRows.findInPoolForUpdate(pool.id, req.ClientId, tx);
      if (!client) throw CognitoErrors.clientNotFound(req.ClientId);
      await this.clientRows.delete(pool.id, client.id, tx);
      await this.outbox.add(tx, appClientChanged(client, 'deleted', new Date(), meta.requestId));
    });
    this.clients.forget(req.ClientId);
    return {};
  }
}
