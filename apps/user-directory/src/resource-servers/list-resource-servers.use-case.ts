import { Inject, Injectable } from '@nestjs/common';
import {
  ListResourceServersRequest,
  ListResourceServersResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodePageToken, encodePageToken } from '../common/page-token';
import { Members, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { MAX_RESOURCE_SERVERS_PAGE, toResourceServerType } from './resource-server-requests';
import { ResourceServersRepository } from './resource-servers.repository';

/** ListResourceServers in identifier order (MaxResults 1-50, default 50). */
@Injectable()
export class ListResourceServersUseCase implements OperationHandler<
  typeof UserDirectoryOperations.ListResourceServers
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(ResourceServersRepository) private readonly servers: ResourceServersRepository,
  ) {}

  async execute(req: ListResourceServersRequest): Promise<ListResourceServersResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .integer('MaxResults', { min: 1, max: MAX_RESOURCE_SERVERS_PAGE })
      .string('NextToken', { min: 1, pattern: /^\S+$/ })
      .check();
    const after = decodePageToken(req.NextToken);
    await this.pools.require(req.UserPoolId);
    const { page, next } = await this.servers.page(
      req.UserPoolId,
      after,
      req.MaxResults ?? MAX_RESOURCE_SERVERS_PAGE,
    );
    return {
      ResourceServers: page.map(toResourceServerType),
      ...(next !== undefined ? { NextToken: encodePageToken(next) } : {}),
    };
  }
}
