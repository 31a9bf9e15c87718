import { Inject, Injectable } from '@nestjs/common';
import {
  DescribeUserPoolClientRequest,
  DescribeUserPoolClientResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { AppClientsRepository } from './app-clients.repository';
import { ClientsService } from './clients.service';
import { toUserPoolClientType } from './user-pool-client-type';

/** DescribeUserPoolClient: the client's settings and, as in Cognito, its secret. */
@Injectable()
export class DescribeUserPoolClientUseCase implements OperationHandler<
  typeof UserDirectoryOperations.DescribeUserPoolClient
> {
  constructor(
    @Inject(AppClientsRepository) private readonly clientRows: AppClientsRepository,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(ClientsService) private readonly clients: ClientsService,
  ) {}

  async execute(req: DescribeUserPoolClientRequest): Promise<DescribeUserPoolClientResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', { required: true, min: 1, max: 55, pattern: Patterns.userPoolId })
      .string('ClientId', { required: true, min: 1, max: 128, pattern: Patterns.clientId })
      .check();
    const client = await this.clientRows.findInPool(req.UserPoolId, req.ClientId);
    if (!client) {
      await this.pools.require(req.UserPoolId);
      throw CognitoErrors.clientNotFound(req.ClientId);
    }
    return { UserPoolClient: toUserPoolClientType(client, this.clients.openSecret(client)) };
  }
}
