import { Inject, Injectable } from '@nestjs/common';
import {
  CreateUserPoolClientRequest,
  CreateUserPoolClientResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { KeyEncryption } from '@idfed/crypto';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { clientSecretId, newClientId, newClientSecret } from '../common/ids';
import { Patterns, RequestValidator } from '../common/validate';
import { AppClientEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { AppClientsRepository } from './app-clients.repository';
import { checkAttributeLists } from './attribute-permissions';
import { clientConfigFromRequest } from './client-config';
import { PoolOAuthNamesReader } from './pool-oauth-names';
import { toUserPoolClientType } from './user-pool-client-type';

/** CreateUserPoolClient: an app client, with a secret sealed under the key-encryption key if asked. */
@Injectable()
export class CreateUserPoolClientUseCase implements OperationHandler<
  typeof UserDirectoryOperations.CreateUserPoolClient
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(AppClientsRepository) private readonly clients: AppClientsRepository,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(KeyEncryption) private readonly encryption: KeyEncryption,
    @Inject(PoolOAuthNamesReader) private readonly oauthNames: PoolOAuthNamesReader,
  ) {}

  async execute(req: CreateUserPoolClientRequest): Promise<CreateUserPoolClientResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', { required: true, min: 1, max: 55, pattern: Patterns.userPoolId })
      .string('ClientName', { required: true, min: 1, max: 128, pattern: Patterns.clientName })
      .boolean('GenerateSecret')
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
    const config = clientConfigFromRequest(req, req.GenerateSecret ?? false, known);
    const id = newClientId();
    const secret = req.GenerateSecret ? newClientSecret() : undefined;
    const now = new Date();
    const client: AppClientEntity = {
      id,
      poolId: req.UserPoolId,
      name: req.ClientName,
      secretEnc: secret ? this.encryption.seal(Buffer.from(secret), id) : null,
      config,
      createdAt: now,
      updatedAt: now,
    };
    await this.transactions.run(async (tx) => {
      // The pool's row lock keeps a concurrent DeleteUserPool from leaving this client behind.
      const pool = await this.pools.require(req.UserPoolId, tx, true);
      checkAttributeLists(pool.config.schema, req, 'creating');
      await this.clients.insert(client, tx);
      if (client.secretEnc)
        await this.clients.insertSecret(
          {
            id: clientSecretId(id, now),
            clientId: id,
            secretEnc: client.secretEnc,
            original: true,
            createdAt: now,
          },
          tx,
        );
    });
    return { UserPoolClient: toUserPoolClientType(client, secret) };
  }
}
