import { Inject, Injectable } from '@nestjs/common';
import {
  ListUserPoolClientSecretsRequest,
  ListUserPoolClientSecretsResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { decodePageToken } from '../common/page-token';
import { Patterns, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { AppClientsRepository } from './app-clients.repository';
import { toClientSecretDescriptor } from './client-secrets';

/**
 * ListUserPoolClientSecrets (ADR 0074): the ids and creation dates of the client's secrets, oldest
 * first, never their values. Two at most fit one page, so no NextToken is answered; one the user
 * directory did not issue is refused like every other list's.
 */
@Injectable()
export class ListUserPoolClientSecretsUseCase implements OperationHandler<
  typeof UserDirectoryOperations.ListUserPoolClientSecrets
> {
  constructor(
    @Inject(AppClientsRepository) private readonly clients: AppClientsRepository,
    @Inject(PoolsService) private readonly pools: PoolsService,
  ) {}

  async execute(req: ListUserPoolClientSecretsRequest): Promise<ListUserPoolClientSecretsResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', { required: true, min: 1, max: 55, pattern: Patterns.userPoolId })
      .string('ClientId', { required: true, min: 1, max: 128, pattern: Patterns.clientId })
      .string('NextToken', { min: 1 })
      .check();
    const after = decodePageToken(req.NextToken);
    await this.pools.require(req.UserPoolId);
    const client = await this.clients.findInPool(req.UserPoolId, req.ClientId);
    if (!client) throw CognitoErrors.clientNotFound(req.ClientId);
    const rows = await this.clients.secrets(client.id);
    return {
      ClientSecrets: rows.filter((r) => after === undefined || r.id > after).map(toClientSecretDescriptor),
    };
  }
}
