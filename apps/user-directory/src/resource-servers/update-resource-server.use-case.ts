import { Inject, Injectable } from '@nestjs/common';
import { ResourceServerRequest, ResourceServerResponse, UserDirectoryOperations } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { PoolsService } from '../pools/pools.service';
import { checkResourceServer, toResourceServerType } from './resource-server-requests';
import { ResourceServersRepository } from './resource-servers.repository';

/**
 * UpdateResourceServer: as Cognito, the request is the whole new state: its Name, and its Scopes
 * (none given: none left).
 */
@Injectable()
export class UpdateResourceServerUseCase implements OperationHandler<
  typeof UserDirectoryOperations.UpdateResourceServer
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(ResourceServersRepository) private readonly servers: ResourceServersRepository,
  ) {}

  async execute(req: ResourceServerRequest): Promise<ResourceServerResponse> {
    const scopes = checkResourceServer(req);
    await this.pools.require(req.UserPoolId);
    return this.transactions.run(async (tx) => {
      const server = await this.servers.find(req.UserPoolId, req.Identifier, tx, true);
      if (!server) throw CognitoErrors.resourceServerNotFound();
      const changes = { name: req.Name, scopes, updatedAt: new Date() };
      await this.servers.update(req.UserPoolId, req.Identifier, changes, tx);
      return { ResourceServer: toResourceServerType({ ...server, ...changes }) };
    });
  }
}
