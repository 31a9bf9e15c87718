import { Inject, Injectable } from '@nestjs/common';
import { DeleteUserPoolClientRequest, UserDirectoryOperations } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { AppClientsRepository } from './app-clients.repository';
import { ClientsService } from './clients.service';

/**
 * DeleteUserPoolClient. From the moment it answers, no sign-in, refresh, sign-up or token-endpoint
 * call names the client successfully here (this replica forgets its cached copy at once; others
 * within ClientsService's few seconds). Tokens already issued keep their expiry, as Cognito's do.
 */
@Injectable()
export class DeleteUserPoolClientUseCase implements OperationHandler<
  typeof UserDirectoryOperations.DeleteUserPoolClient
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(AppClientsRepository) private readonly clientRows: AppClientsRepository,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(ClientsService) private readonly clients: ClientsService,
  ) {}

  async execute(req: DeleteUserPoolClientRequest): Promise<Record<string, never>> {
    RequestValidator.of(req)
      .string('UserPoolId', { required: true, min: 1, max: 55, pattern: Patterns.userPoolId })
      .string('ClientId', { required: true, min: 1, max: 128, pattern: Patterns.clientId })
      .check();
    await this.transactions.run(async (tx) => {
      await this.pools.require(req.UserPoolId, tx);
      const client = await this.clientRows.findInPoolForUpdate(req.UserPoolId, req.ClientId, tx);
      if (!client) throw CognitoErrors.clientNotFound(req.ClientId);
      await this.clientRows.delete(req.UserPoolId, req.ClientId, tx);
    });
    this.clients.forget(req.ClientId);
    return {};
  }
}
