import { Inject, Injectable } from '@nestjs/common';
import { keysetPage, KeysetPage, Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { UserEntity, UserPoolEntity } from '../database/entities';
import { PoolConfig } from './pool-config';

/**
 * Every query of the user pools aggregate (`user_directory.user_pools`). A pool's clients, users,
 * groups and signing keys hang off it by foreign keys that cascade, so deleting the row deletes them.
 */
@Injectable()
export class UserPoolsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async insert(pool: UserPoolEntity, tx: Transaction = this.dataSource.manager): Promise<void> {
    await tx.insert(UserPoolEntity, pool);
  }

  /**
   * The pool, or undefined. Every public operation reads it beside its client (ClientsService
   * caches both), so it stays a lookup by primary key. With `forUpdate` (inside a transaction) the
   * row stays locked until commit: a pool being deleted is not given new clients meanwhile.
   */
  async find(
    poolId: string,
    tx: Transaction = this.dataSource.manager,
    forUpdate = false,
  ): Promise<UserPoolEntity | undefined> {
    const pool = await tx.findOne(UserPoolEntity, {
      where: { id: poolId },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return pool ?? undefined;
  }

  /** The handle of work outside any transaction: what the methods above use by default. */
  outsideTransaction(): Transaction {
    return this.dataSource.manager;
  }

  /** Replaces the pool's settings (a caller holding the row's lock, read with `find(..., true)`). */
  async updateConfig(poolId: string, config: PoolConfig, updatedAt: Date, tx: Transaction): Promise<void> {
    await tx.update(UserPoolEntity, { id: poolId }, { config, updatedAt });
  }

  /** Replaces the pool's name and settings (UpdateUserPool; the caller holds the row's lock). */
  async updateSettings(
    poolId: string,
    name: string,
    config: PoolConfig,
    updatedAt: Date,
    tx: Transaction,
  ): Promise<void> {
    await tx.update(UserPoolEntity, { id: poolId }, { name, config, updatedAt });
  }

  /** Deletes the pool; its clients, users (with their codes and tokens), groups and keys go with it. */
  async delete(poolId: string, tx: Transaction = this.dataSource.manager): Promise<void> {
    await tx.delete(UserPoolEntity, { id: poolId });
  }

  /** DescribeUserPool's EstimatedNumberOfUsers: an exact count today. */
  countUsers(poolId: string): Promise<number> {
    return this.dataSource.manager.count(UserEntity, { where: { poolId } });
  }

  /** One page of all pools in id order, after the id a page token carried. */
  /** A page of one region's pools: those whose id is `<region>_...` (ADR 0032). */
  page(after: string | undefined, max: number, region: string): Promise<KeysetPage<UserPoolEntity>> {
    return keysetPage(
      this.dataSource
        .getRepository(UserPoolEntity)
        .createQueryBuilder('p')
        .where('starts_with(p.id, :regionPrefix)', { regionPrefix: `${region}_` }),
      'p.id',
      after,
      max,
      (p) => p.id,
    );
  }
}
