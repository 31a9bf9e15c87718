import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { IssuerKeyEntity } from '../database/entities';

/** Every query of the broker's OpenID issuer keys (`federation_broker.issuer_keys`). */
@Injectable()
export class IssuerKeysRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Makes the unit of work the only one activating a key until it ends (a transaction-scoped
   * advisory lock): replicas starting together would otherwise each create one.
   */
  async lockActivation(tx: Transaction): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('federation_broker.issuer_keys'))`);
  }

  /** The newest active key, if there is one. */
  async findActive(tx: Transaction = this.dataSource.manager): Promise<IssuerKeyEntity | undefined> {
    const found = await tx.findOne(IssuerKeyEntity, {
      where: { status: 'active' },
      order: { createdAt: 'DESC' },
    });
    return found ?? undefined;
  }

  async find(kid: string, tx: Transaction = this.dataSource.manager): Promise<IssuerKeyEntity | undefined> {
    return (await tx.findOne(IssuerKeyEntity, { where: { kid } })) ?? undefined;
  }

  /** Every key, oldest first (the issuer's key set). */
  all(tx: Transaction = this.dataSource.manager): Promise<IssuerKeyEntity[]> {
    return tx.find(IssuerKeyEntity, { order: { createdAt: 'ASC' } });
  }

  /** Stores a key; its private half must already be sealed. */
  async insert(key: IssuerKeyEntity, tx: Transaction = this.dataSource.manager): Promise<void> {
    await tx.insert(IssuerKeyEntity, key);
  }
}
