import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BrokerErrors } from '../common/broker-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { IdentityPoolEntity } from '../database/entities';

/** Finds the identity pool an operation names, or answers ResourceNotFoundException. */
@Injectable()
export class IdentityPoolLookup {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async require(poolId: unknown, manager: EntityManager = this.dataSource.manager, lock = false) {
    RequestValidator.of({ IdentityPoolId: poolId })
      .string('IdentityPoolId', { required: true, min: 1, max: 55, pattern: Patterns.identityPoolId })
      .check();
    const pool = await manager.findOne(IdentityPoolEntity, {
      where: { id: poolId as string },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!pool) throw BrokerErrors.poolNotFound(poolId as string);
    return pool;
  }
}
