import { Inject, Injectable } from '@nestjs/common';
import { keysetPage, KeysetPage, Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { AppClientEntity, AppClientSecretEntity } from '../database/entities';

/** Every query of the app clients aggregate (`user_directory.app_clients`). */
@Injectable()
export class AppClientsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async insert(client: AppClientEntity, tx: Transaction = this.dataSource.manager): Promise<void> {
    await tx.insert(AppClientEntity, client);
  }

  /** The client's row locked for an update, only if it belongs to the pool. */
  async findInPoolForUpdate(
    poolId: string,
    clientId: string,
    tx: Transaction,
  ): Promise<AppClientEntity | undefined> {
    const client = await tx.findOne(AppClientEntity, {
      where: { id: clientId, poolId },
      lock: { mode: 'pessimistic_write' },
    });
    return client ?? undefined;
  }

  /** Writes the client's name and settings. */
  async update(client: AppClientEntity, tx: Transaction): Promise<void> {
    await tx.update(
      AppClientEntity,
      { id: client.id },
      { name: client.name, config: client.config, updatedAt: client.updatedAt },
    );
  }

  /**
   * Removes the client and the hosted pages' look set for it alone. Its authorization codes go
   * with it (their foreign key cascades); its refresh tokens stay until they expire but name a
   * client that no longer exists, so no flow accepts them.
   */
  async delete(poolId: string, clientId: string, tx: Transaction): Promise<void> {
    await tx.query(`DELETE FROM user_directory.ui_customizations WHERE pool_id = $1 AND client_id = $2`, [
      poolId,
      clientId,
    ]);
    await tx.delete(AppClientEntity, { id: clientId, poolId });
  }

  /**
   * The client, or undefined: the first lookup of every public operation (sign-in, refresh, sign-up),
   * by primary key; ClientsService caches the answer.
   */
  async find(clientId: string): Promise<AppClientEntity | undefined> {
    const client = await this.dataSource.manager.findOne(AppClientEntity, { where: { id: clientId } });
    return client ?? undefined;
  }

  /** The client only if it belongs to the pool. */
  async findInPool(poolId: string, clientId: string): Promise<AppClientEntity | undefined> {
    const client = await this.dataSource.manager.findOne(AppClientEntity, {
      where: { id: clientId, poolId },
    });
    return client ?? undefined;
  }

  /** One page of the pool's clients in id order, after the id a page token carried. */
  page(poolId: string, after: string | undefined, max: number): Promise<KeysetPage<AppClientEntity>> {
    return keysetPage(
      this.dataSource
        .getRepository(AppClientEntity)
        .createQueryBuilder('c')
        .where('c.pool_id = :poolId', { poolId }),
      'c.id',
      after,
      max,
      (c) => c.id,
    );
  }

  /** The secrets the client accepts (ADR 0074), oldest first. */
  async secrets(
    clientId: string,
    tx: Transaction = this.dataSource.manager,
  ): Promise<AppClientSecretEntity[]> {
    return tx.find(AppClientSecretEntity, { where: { clientId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async insertSecret(secret: AppClientSecretEntity, tx: Transaction): Promise<void> {
    await tx.insert(AppClientSecretEntity, secret);
  }

  /** Deletes one secret; the original one takes the secret DescribeUserPoolClient shows with it. */
  async deleteSecret(secret: AppClientSecretEntity, tx: Transaction): Promise<void> {
    await tx.delete(AppClientSecretEntity, { id: secret.id, clientId: secret.clientId });
    if (secret.original) await tx.update(AppClientEntity, { id: secret.clientId }, { secretEnc: null });
  }
}
