import { Inject, Injectable } from '@nestjs/common';
import { ResourceServerIdentifierRequest, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { PoolsService } from '../pools/pools.service';
import { identifierRequest } from './resource-server-requests';
import { ResourceServersRepository } from './resource-servers.repository';

@Injectable()
export class DeleteResourceServerUseCase implements OperationHandler<
  typeof UserDirectoryOperations.DeleteResourceServer
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(ResourceServersRepository) private readonly servers: ResourceServersRepository,
  ) {}

  async execute(req: ResourceServerIdentifierRequest): Promise<Record<string, never>> {
    identifierRequest(req).check();
    await this.pools.require(req.UserPoolId);
    if (!(await this.servers.delete(req.UserPoolId, req.Identifier))) {
      throw CognitoErrors.resourceServerNotFound();
    }
    return {};
  }
}
