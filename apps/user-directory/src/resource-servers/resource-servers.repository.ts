import { Inject, Injectable } from '@nestjs/common';
import { keysetPage, KeysetPage, Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { ResourceServerEntity } from '../database/entities';

/** Every query of `user_directory.resource_servers`; identifiers are unique in a pool. */
@Injectable()
export class ResourceServersRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  count(poolId: string, tx: Transaction): Promise<number> {
    return tx.count(ResourceServerEntity, { where: { poolId } });
  }

  async find(
    poolId: string,
    identifier: string,
    tx: Transaction = this.dataSource.manager,
    forUpdate = false,
  ): Promise<ResourceServerEntity | undefined> {
    const found = await tx.findOne(ResourceServerEntity, {
      where: { poolId, identifier },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return found ?? undefined;
  }

  async insert(server: ResourceServerEntity, tx: Transaction): Promise<void> {
    await tx.insert(ResourceServerEntity, server);
  }

  async update(
    poolId: string,
    identifier: string,
    changes: Pick<ResourceServerEntity, 'name' | 'scopes' | 'updatedAt'>,
    tx: Transaction,
  ): Promise<void> {
    await tx.update(ResourceServerEntity, { poolId, identifier }, changes);
  }

  async delete(poolId: string, identifier: string): Promise<boolean> {
    return !!(await this.dataSource.manager.delete(ResourceServerEntity, { poolId, identifier })).affected;
  }

  page(poolId: string, after: string | undefined, max: number): Promise<KeysetPage<ResourceServerEntity>> {
    return keysetPage(
      this.dataSource.manager
        .createQueryBuilder(ResourceServerEntity, 'r')
        .where('r.pool_id = :poolId', { poolId }),
      'r.identifier',
      after,
      max,
      (r) => r.identifier,
    );
  }

  /** Every custom scope of the pool as a client names it: `<identifier>/<ScopeName>`. */
  async scopesOf(poolId: string): Promise<string[]> {
    const servers = await this.dataSource.manager.find(ResourceServerEntity, { where: { poolId } });
    return servers.flatMap((s) => s.scopes.map((scope) => `${s.identifier}/${scope.ScopeName}`));
  }
}
