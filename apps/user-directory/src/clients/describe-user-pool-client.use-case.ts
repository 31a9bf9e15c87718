import { Inject, Injectable } from '@nestjs/common';
import {
  DescribeUserPoolClientRequest,
  DescribeUserPoolClientResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { CognitoErrors } from '../common/cognito-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { AppClientEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { ClientsService } from './clients.service';
import { toUserPoolClientType } from './user-pool-client-type';

/** DescribeUserPoolClient: the client's settings and, as in Cognito, its secret. */
@Injectable()
export class DescribeUserPoolClientUseCase implements OperationHandler<
  typeof UserDirectoryOperations.DescribeUserPoolClient
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(ClientsService) private readonly clients: ClientsService,
  ) {}

  async execute(req: DescribeUserPoolClientRequest): Promise<DescribeUserPoolClientResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', { required: true, min: 1, max: 55, pattern: Patterns.userPoolId })
      .string('ClientId', { required: true, min: 1, max: 128, pattern: Patterns.clientId })
      .check();
    const client = await this.dataSource.manager.findOne(AppClientEntity, {
      where: { id: req.ClientId, poolId: req.UserPoolId },
    });
    if (!client) {
      await this.pools.require(this.dataSource.manager, req.UserPoolId);
      throw CognitoErrors.clientNotFound(req.ClientId);
    }
    return { UserPoolClient: toUserPoolClientType(client, this.clients.openSecret(client)) };
  }
}
