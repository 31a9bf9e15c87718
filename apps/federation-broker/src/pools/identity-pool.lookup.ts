import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { BrokerErrors } from '../common/broker-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { IdentityPoolEntity } from '../database/entities';
import { IdentityPoolsRepository } from './identity-pools.repository';

/** Finds the identity pool an operation names, or answers ResourceNotFoundException. */
@Injectable()
export class IdentityPoolLookup {
  constructor(@Inject(IdentityPoolsRepository) private readonly pools: IdentityPoolsRepository) {}

  async require(poolId: unknown, tx?: Transaction, lock = false): Promise<IdentityPoolEntity> {
    RequestValidator.of({ IdentityPoolId: poolId })
      .string('IdentityPoolId', { required: true, min: 1, max: 55, pattern: Patterns.identityPoolId })
      .check();
    const pool = await this.pools.find(poolId as string, tx, lock);
    if (!pool) throw BrokerErrors.poolNotFound(poolId as string);
    return pool;
  }
}
