import { Inject, Injectable } from '@nestjs/common';
import { keysetPage, KeysetPage, Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { IdentityProviderEntity, IdpIdentifierEntity } from '../database/entities';

/** A provider with its IdpIdentifiers, in the order they were given. */
export interface StoredIdentityProvider {
  provider: IdentityProviderEntity;
  identifiers: string[];
}

export type IdentityProviderChanges = Partial<
  Pick<IdentityProviderEntity, 'details' | 'secretsEnc' | 'attributeMapping' | 'samlMetadata'>
> & { updatedAt: Date };

/**
 * Every query of the identity providers aggregate: `user_directory.identity_providers` and its
 * `idp_identifiers` (deleting a provider or its pool deletes its identifiers by cascade). Names are
 * case-sensitive and unique in a pool; so are identifiers, across the pool's providers.
 */
@Injectable()
export class IdentityProvidersRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async count(poolId: string, tx: Transaction = this.dataSource.manager): Promise<number> {
    return tx.count(IdentityProviderEntity, { where: { poolId } });
  }

  /** The provider and its identifiers, or undefined; `forUpdate` (inside `tx`) holds its row. */
  async find(
    poolId: string,
    name: string,
    tx: Transaction = this.dataSource.manager,
    forUpdate = false,
  ): Promise<StoredIdentityProvider | undefined> {
    const qb = tx
      .createQueryBuilder(IdentityProviderEntity, 'p')
      .where('p.pool_id = :poolId', { poolId })
      .andWhere('p.name = :name', { name });
    if (forUpdate) qb.setLock('pessimistic_write');
    const provider = await qb.getOne();
    if (!provider) return undefined;
    return { provider, identifiers: await this.identifiersOf(poolId, name, tx) };
  }

  /** The provider an IdpIdentifier names, or undefined. */
  async findByIdentifier(poolId: string, identifier: string): Promise<StoredIdentityProvider | undefined> {
    const row = await this.dataSource.manager.findOne(IdpIdentifierEntity, { where: { poolId, identifier } });
    return row ? this.find(poolId, row.providerName) : undefined;
  }

  /** Which of `identifiers` another provider of the pool than `except` holds already. */
  async identifiersTaken(
    poolId: string,
    identifiers: string[],
    except: string | undefined,
    tx: Transaction,
  ): Promise<string[]> {
    if (identifiers.length === 0) return [];
    const qb = tx
      .createQueryBuilder(IdpIdentifierEntity, 'i')
      .where('i.pool_id = :poolId', { poolId })
      .andWhere('i.identifier IN (:...identifiers)', { identifiers });
    if (except !== undefined) qb.andWhere('i.provider_name <> :except', { except });
    return (await qb.getMany()).map((i) => i.identifier);
  }

  async insert(provider: IdentityProviderEntity, identifiers: string[], tx: Transaction): Promise<void> {
    await tx.insert(IdentityProviderEntity, provider);
    await this.insertIdentifiers(provider.poolId, provider.name, identifiers, tx);
  }

  async update(
    poolId: string,
    name: string,
    changes: IdentityProviderChanges,
    identifiers: string[] | undefined,
    tx: Transaction,
  ): Promise<void> {
    await tx.update(IdentityProviderEntity, { poolId, name }, changes);
    if (identifiers !== undefined) {
      await tx.delete(IdpIdentifierEntity, { poolId, providerName: name });
      await this.insertIdentifiers(poolId, name, identifiers, tx);
    }
  }

  /** Deletes the provider and its identifiers; false when there was no such provider. */
  async delete(poolId: string, name: string): Promise<boolean> {
    const result = await this.dataSource.manager.delete(IdentityProviderEntity, { poolId, name });
    return !!result.affected;
  }

  /** One page of the pool's providers in name order, after the name a page token carried. */
  page(poolId: string, after: string | undefined, max: number): Promise<KeysetPage<IdentityProviderEntity>> {
    return keysetPage(
      this.dataSource.manager
        .createQueryBuilder(IdentityProviderEntity, 'p')
        .where('p.pool_id = :poolId', { poolId }),
      'p.name',
      after,
      max,
      (p) => p.name,
    );
  }

  /** The names of the pool's providers (what an app client's SupportedIdentityProviders may name). */
  async names(poolId: string): Promise<string[]> {
    const rows = await this.dataSource.manager.find(IdentityProviderEntity, {
      where: { poolId },
      select: { name: true },
    });
    return rows.map((r) => r.name);
  }

  private async identifiersOf(poolId: string, providerName: string, tx: Transaction): Promise<string[]> {
    const rows = await tx.find(IdpIdentifierEntity, {
      where: { poolId, providerName },
      order: { position: 'ASC' },
    });
    return rows.map((r) => r.identifier);
  }

  private async insertIdentifiers(
    poolId: string,
    providerName: string,
    identifiers: string[],
    tx: Transaction,
  ): Promise<void> {
    if (identifiers.length === 0) return;
    await tx.insert(
      IdpIdentifierEntity,
      identifiers.map((identifier, position) => ({ poolId, identifier, providerName, position })),
    );
  }
}
