import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  UpdateUserPoolClientRequest,
  UpdateUserPoolClientResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { AppClientsRepository } from './app-clients.repository';
import { checkAttributeLists } from './attribute-permissions';
import { clientConfigFromRequest } from './client-config';
import { PoolOAuthNamesReader } from './pool-oauth-names';
import { appClientChanged } from './app-client-changed';
import { ClientsService } from './clients.service';
import { toUserPoolClientType } from './user-pool-client-type';

/**
 * UpdateUserPoolClient. As in Cognito, a setting the request leaves out returns to its default
 * (the name and the secret stay); the OAuth settings are checked as CreateUserPoolClient checks them.
 */
@Injectable()
export class UpdateUserPoolClientUseCase implements OperationHandler<
  typeof UserDirectoryOperations.UpdateUserPoolClient
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(AppClientsRepository) private readonly clientRows: AppClientsRepository,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(PoolOAuthNamesReader) private readonly oauthNames: PoolOAuthNamesReader,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async execute(req: UpdateUserPoolClientRequest, meta: CommandMeta): Promise<UpdateUserPoolClientResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', { required: true, min: 1, max: 55, pattern: Patterns.userPoolId })
      .string('ClientId', { required: true, min: 1, max: 128, pattern: Patterns.clientId })
      .string('ClientName', { min: 1, max: 128, pattern: Patterns.clientName })
      .enumList('ExplicitAuthFlows', [
        'ADMIN_NO_SRP_AUTH',
        'CUSTOM_AUTH_FLOW_ONLY',
        'USER_PASSWORD_AUTH',
        'ALLOW_ADMIN_USER_PASSWORD_AUTH',
        'ALLOW_CUSTOM_AUTH',
        'ALLOW_USER_PASSWORD_AUTH',
        'ALLOW_USER_SRP_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
        'ALLOW_USER_AUTH',
        'ALLOW_TOKEN_EXCHANGE_DELEGATION',
        'ALLOW_TOKEN_EXCHANGE_IMPERSONATION',
      ])
      .oneOf('PreventUserExistenceErrors', ['LEGACY', 'ENABLED'])
      .check();
    const known = await this.oauthNames.of(req.UserPoolId, req);
    const updated = await this.transactions.run(async (tx) => {
      const pool = await this.pools.require(req.UserPoolId, tx);
      checkAttributeLists(pool.config.schema, req, 'updating');
      const client = await this.clientRows.findInPoolForUpdate(req.UserPoolId, req.ClientId, tx);
      if (!client) throw CognitoErrors.clientNotFound(req.ClientId);
      // Confidential while it has a secret, even once the original one is deleted (ADR 0074).
      const hasSecret = (await this.clientRows.secrets(client.id, tx)).length > 0;
      const next = {
        ...client,
        name: req.ClientName ?? client.name,
        config: clientConfigFromRequest(req, hasSecret, known),
        updatedAt: new Date(),
      };
      await this.clientRows.update(next, tx);
      await this.outbox.add(tx, appClientChanged(next, 'updated', next.updatedAt, meta.requestId));
      return next;
    });
    // This replica's cache forgets it at once; the others when the event reaches them (ADR 0064).
    this.clients.forget(updated.id);
    return { UserPoolClient: toUserPoolClientType(updated, this.clients.openSecret(updated)) };
  }
}
