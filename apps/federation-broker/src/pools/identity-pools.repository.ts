import { Inject, Injectable } from '@nestjs/common';
import { keysetPage, Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { IdentityPoolEntity } from '../database/entities';

type PoolChanges = Partial<
  Pick<IdentityPoolEntity, 'name' | 'config' | 'roles' | 'roleMappings' | 'principalTagMaps'>
>;

/** Every query of the identity pools aggregate (`federation_broker.identity_pools`). */
@Injectable()
export class IdentityPoolsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async insert(pool: IdentityPoolEntity): Promise<void> {
    await this.dataSource.manager.insert(IdentityPoolEntity, pool);
  }

  /** The pool, or undefined; with `forUpdate` (inside a transaction) its row stays locked until commit. */
  async find(
    poolId: string,
    tx: Transaction = this.dataSource.manager,
    forUpdate = false,
  ): Promise<IdentityPoolEntity | undefined> {
    const pool = await tx.findOne(IdentityPoolEntity, {
      where: { id: poolId },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return pool ?? undefined;
  }

  async update(poolId: string, changes: PoolChanges, tx: Transaction): Promise<void> {
    await tx.update(IdentityPoolEntity, { id: poolId }, { ...changes, updatedAt: new Date() });
  }

  /** Deletes the pool; its identities and logins go with it (foreign keys cascade). */
  async delete(poolId: string, tx: Transaction): Promise<void> {
    await tx.delete(IdentityPoolEntity, { id: poolId });
  }

  /** One page of pools in id order, after the id a page token carried. */
  /** A page of one region's pools: those whose id is `<region>:...` (ADR 0032). */
  page(
    after: string | undefined,
    max: number,
    region: string,
  ): Promise<{ page: IdentityPoolEntity[]; next?: string }> {
    return keysetPage(
      this.dataSource
        .getRepository(IdentityPoolEntity)
        .createQueryBuilder('p')
        .where('starts_with(p.id, :regionPrefix)', { regionPrefix: `${region}:` }),
      'p.id',
      after,
      max,
      (p) => p.id,
    );
  }
}
