import { Inject, Injectable } from '@nestjs/common';
import {
  AddUserPoolClientSecretRequest,
  AddUserPoolClientSecretResponse,
  CommandMeta,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { KeyEncryption } from '@idfed/crypto';
import { OutboxService, ServiceError } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { clientSecretId, newClientSecret } from '../common/ids';
import { Patterns, RequestValidator } from '../common/validate';
import { AppClientSecretEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { AppClientsRepository } from './app-clients.repository';
import { appClientChanged } from './app-client-changed';
import { MAX_CLIENT_SECRETS, toClientSecretDescriptor } from './client-secrets';
import { ClientsService } from './clients.service';

/**
 * AddUserPoolClientSecret (ADR 0074): a second secret for a confidential client, given or
 * generated, sealed as the first one is. Both are accepted until one is deleted. The count is
 * taken under the client's row lock, so two racing calls cannot leave three secrets. The value is
 * answered only when generated, as Cognito does.
 */
@Injectable()
export class AddUserPoolClientSecretUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AddUserPoolClientSecret
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(AppClientsRepository) private readonly clientRows: AppClientsRepository,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(KeyEncryption) private readonly encryption: KeyEncryption,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async execute(
    req: AddUserPoolClientSecretRequest,
    meta: CommandMeta,
  ): Promise<AddUserPoolClientSecretResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', { required: true, min: 1, max: 55, pattern: Patterns.userPoolId })
      .string('ClientId', { required: true, min: 1, max: 128, pattern: Patterns.clientId })
      .string('ClientSecret', { min: 24, max: 64, pattern: Patterns.clientSecret, secret: true })
      .check();
    const value = req.ClientSecret ?? newClientSecret();
    const row = await this.transactions.run(async (tx) => {
      const pool = await this.pools.require(req.UserPoolId, tx);
      const client = await this.clientRows.findInPoolForUpdate(pool.id, req.ClientId, tx);
      if (!client) throw CognitoErrors.clientNotFound(req.ClientId);
      const existing = await this.clientRows.secrets(client.id, tx);
      // A public client stays public: Cognito adds secrets to a confidential client only.
      if (existing.length === 0)
        throw CognitoErrors.invalidParameter(`Client ${client.id} is not configured with a secret.`);
      if (existing.length >= MAX_CLIENT_SECRETS)
        throw new ServiceError(
          'LimitExceededException',
          `Client ${client.id} already has the maximum of ${MAX_CLIENT_SECRETS} client secrets.`,
        );
      let now = new Date();
      // Ids carry the creation millisecond: a secret made in the same one as another is a tick later.
      while (existing.some((s) => s.id === clientSecretId(client.id, now))) now = new Date(now.getTime() + 1);
      const added: AppClientSecretEntity = {
        id: clientSecretId(client.id, now),
        clientId: client.id,
        secretEnc: this.encryption.seal(Buffer.from(value), client.id),
        original: false,
        createdAt: now,
      };
      await this.clientRows.insertSecret(added, tx);
      await this.outbox.add(tx, appClientChanged(client, 'updated', now, meta.requestId));
      return added;
    });
    // This replica's cache forgets the client at once; the others when the event reaches them.
    this.clients.forget(row.clientId);
    return {
      ClientSecretDescriptor: {
        ...toClientSecretDescriptor(row),
        ...(req.ClientSecret === undefined ? { ClientSecretValue: value } : {}),
      },
    };
  }
}
