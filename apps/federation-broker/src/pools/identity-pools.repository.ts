import { Inject, Injectable } from '@nestjs/common';
import { keysetPage } from '@idfed/persistence';
import { DataSource, EntityManager } from 'typeorm';
import { IdentityPoolEntity } from '../database/entities';

/** A unit of work: what one `transaction` hands back to the repository's methods. */
export type PoolTransaction = EntityManager;

type PoolChanges = Partial<Pick<IdentityPoolEntity, 'name' | 'config' | 'roles' | 'roleMappings'>>;

/** Every query of the identity pools aggregate (`federation_broker.identity_pools`). */
@Injectable()
export class IdentityPoolsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction; the methods given its handle take part in it. */
  transaction<T>(work: (tx: PoolTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(pool: IdentityPoolEntity): Promise<void> {
    await this.dataSource.manager.insert(IdentityPoolEntity, pool);
  }

  /** The pool, or undefined; with `forUpdate` (inside a transaction) its row stays locked until commit. */
  async find(
    poolId: string,
    tx: PoolTransaction = this.dataSource.manager,
    forUpdate = false,
  ): Promise<IdentityPoolEntity | undefined> {
    const pool = await tx.findOne(IdentityPoolEntity, {
      where: { id: poolId },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return pool ?? undefined;
  }

  async update(poolId: string, changes: PoolChanges, tx: PoolTransaction): Promise<void> {
    await tx.update(IdentityPoolEntity, { id: poolId }, { ...changes, updatedAt: new Date() });
  }

  /** Deletes the pool; its identities and logins go with it (foreign keys cascade). */
  async delete(poolId: string, tx: PoolTransaction): Promise<void> {
    await tx.delete(IdentityPoolEntity, { id: poolId });
  }

  /** One page of pools in id order, after the id a page token carried. */
  page(after: string | undefined, max: number): Promise<{ page: IdentityPoolEntity[]; next?: string }> {
    return keysetPage(
      this.dataSource.getRepository(IdentityPoolEntity).createQueryBuilder('p'),
      'p.id',
      after,
      max,
      (p) => p.id,
    );
  }
}
