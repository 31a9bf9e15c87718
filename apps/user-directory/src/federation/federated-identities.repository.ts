import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { FederatedIdentityEntity } from '../database/entities';

/** The attribute that names a provider's own user id (AdminLinkProviderForUser's word for it). */
export const COGNITO_SUBJECT = 'Cognito_Subject';

/** Every query of `user_directory.federated_identities`. */
@Injectable()
export class FederatedIdentitiesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The row for this provider attribute and value, or undefined. */
  async find(
    poolId: string,
    providerName: string,
    attributeName: string,
    attributeValue: string,
    tx: Transaction = this.dataSource.manager,
  ): Promise<FederatedIdentityEntity | undefined> {
    const row = await tx.findOne(FederatedIdentityEntity, {
      where: { poolId, providerName, attributeName, attributeValue },
    });
    return row ?? undefined;
  }

  /** The user the first of `candidates` (attribute name and value, in order) links to. */
  async resolve(
    poolId: string,
    providerName: string,
    candidates: { name: string; value: string }[],
    tx: Transaction = this.dataSource.manager,
  ): Promise<string | undefined> {
    for (const c of candidates) {
      const row = await this.find(poolId, providerName, c.name, c.value, tx);
      if (row) return row.userSub;
    }
    return undefined;
  }

  /** Adds a link (the caller checked it is new; the primary key refuses a second one). */
  async insert(row: FederatedIdentityEntity, tx: Transaction): Promise<void> {
    await tx.insert(FederatedIdentityEntity, row);
  }

  /** The user's links, oldest first. */
  forUser(userSub: string, tx: Transaction = this.dataSource.manager): Promise<FederatedIdentityEntity[]> {
    return tx.find(FederatedIdentityEntity, { where: { userSub }, order: { createdAt: 'ASC' } });
  }

  /** Removes one link; the user it pointed at, or undefined when there was none. */
  async remove(
    poolId: string,
    providerName: string,
    attributeName: string,
    attributeValue: string,
    tx: Transaction,
  ): Promise<string | undefined> {
    const row = await this.find(poolId, providerName, attributeName, attributeValue, tx);
    if (!row) return undefined;
    await tx.delete(FederatedIdentityEntity, { poolId, providerName, attributeName, attributeValue });
    return row.userSub;
  }
}
