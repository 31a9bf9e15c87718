import { Inject, Injectable } from '@nestjs/common';
import {
  ResourceServerIdentifierRequest,
  ResourceServerResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { PoolsService } from '../pools/pools.service';
import { identifierRequest, toResourceServerType } from './resource-server-requests';
import { ResourceServersRepository } from './resource-servers.repository';

@Injectable()
export class DescribeResourceServerUseCase implements OperationHandler<
  typeof UserDirectoryOperations.DescribeResourceServer
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(ResourceServersRepository) private readonly servers: ResourceServersRepository,
  ) {}

  async execute(req: ResourceServerIdentifierRequest): Promise<ResourceServerResponse> {
    identifierRequest(req).check();
    await this.pools.require(req.UserPoolId);
    const server = await this.servers.find(req.UserPoolId, req.Identifier);
    if (!server) throw CognitoErrors.resourceServerNotFound();
    return { ResourceServer: toResourceServerType(server) };
  }
}
