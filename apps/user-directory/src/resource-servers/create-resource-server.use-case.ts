import { Inject, Injectable } from '@nestjs/common';
import { ResourceServerRequest, ResourceServerResponse, UserDirectoryOperations } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { ResourceServerEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { checkResourceServer, MAX_RESOURCE_SERVERS, toResourceServerType } from './resource-server-requests';
import { ResourceServersRepository } from './resource-servers.repository';

/** CreateResourceServer: a resource server and its custom scopes, under the pool's row lock. */
@Injectable()
export class CreateResourceServerUseCase implements OperationHandler<
  typeof UserDirectoryOperations.CreateResourceServer
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(ResourceServersRepository) private readonly servers: ResourceServersRepository,
  ) {}

  async execute(req: ResourceServerRequest): Promise<ResourceServerResponse> {
    const scopes = checkResourceServer(req);
    const now = new Date();
    const server: ResourceServerEntity = {
      poolId: req.UserPoolId,
      identifier: req.Identifier,
      name: req.Name,
      scopes,
      createdAt: now,
      updatedAt: now,
    };
    await this.transactions.run(async (tx) => {
      await this.pools.require(req.UserPoolId, tx, true);
      if (await this.servers.find(req.UserPoolId, req.Identifier, tx)) {
        throw CognitoErrors.invalidParameter(`${req.Identifier} already exists in pool ${req.UserPoolId}.`);
      }
      if ((await this.servers.count(req.UserPoolId, tx)) >= MAX_RESOURCE_SERVERS) {
        throw new ServiceError(
          'LimitExceededException',
          `The user pool has ${MAX_RESOURCE_SERVERS} resource servers, the most it may have.`,
        );
      }
      await this.servers.insert(server, tx);
    });
    return { ResourceServer: toResourceServerType(server) };
  }
}
