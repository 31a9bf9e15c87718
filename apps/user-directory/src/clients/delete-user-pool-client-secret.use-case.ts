import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, DeleteUserPoolClientSecretRequest, UserDirectoryOperations } from '@idfed/contracts';
import { OutboxService, ServiceError } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { AppClientsRepository } from './app-clients.repository';
import { appClientChanged } from './app-client-changed';
import { ClientsService } from './clients.service';

/**
 * DeleteUserPoolClientSecret (ADR 0074): one of a client's secrets stops being accepted, at once
 * on this replica and on the others when the `app-client.changed` event reaches them. The last
 * one cannot be deleted (the client would turn public). Deleting the original secret clears the
 * ClientSecret DescribeUserPoolClient shows, as Cognito does; the other one keeps working.
 */
@Injectable()
export class DeleteUserPoolClientSecretUseCase implements OperationHandler<
  typeof UserDirectoryOperations.DeleteUserPoolClientSecret
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(AppClientsRepository) private readonly clientRows: AppClientsRepository,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async execute(req: DeleteUserPoolClientSecretRequest, meta: CommandMeta): Promise<Record<string, never>> {
    RequestValidator.of(req)
      .string('UserPoolId', { required: true, min: 1, max: 55, pattern: Patterns.userPoolId })
      .string('ClientId', { required: true, min: 1, max: 128, pattern: Patterns.clientId })
      .string('ClientSecretId', { required: true, min: 1, max: 128 })
      .check();
    await this.transactions.run(async (tx) => {
      const pool = await this.pools.require(req.UserPoolId, tx);
      const client = await this.clientRows.findInPoolForUpdate(pool.id, req.ClientId, tx);
      if (!client) throw CognitoErrors.clientNotFound(req.ClientId);
      const secrets = await this.clientRows.secrets(client.id, tx);
      const secret = secrets.find((s) => s.id === req.ClientSecretId);
      if (!secret) throw new ServiceError('ResourceNotFoundException', 'Client secret does not exist.');
      if (secrets.length === 1)
        throw CognitoErrors.invalidParameter('The last client secret of a client cannot be deleted.');
      await this.clientRows.deleteSecret(secret, tx);
      await this.outbox.add(tx, appClientChanged(client, 'updated', new Date(), meta.requestId));
    });
    this.clients.forget(req.ClientId);
    return {};
  }
}
