import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CognitoErrors } from '../common/cognito-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { UserPoolEntity } from '../database/entities';
import { SigningKeysService } from '../tokens/signing-keys.service';

/** What the pool operations and every admin operation share: loading a pool, and its deletion's reach. */
@Injectable()
export class PoolsService {
  private readonly deletedListeners: ((poolId: string) => void)[] = [];

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(SigningKeysService) private readonly signingKeys: SigningKeysService,
  ) {}

  /** Lets caches of this process drop what they hold for a pool as soon as it is deleted. */
  onPoolDeleted(listener: (poolId: string) => void): void {
    this.deletedListeners.push(listener);
  }

  /** After a pool's deletion committed: this process forgets its keys and cached clients. */
  forgetDeleted(poolId: string): void {
    this.signingKeys.forgetPool(poolId);
    for (const listener of this.deletedListeners) listener(poolId);
  }

  manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** Loads a pool or fails with Cognito's ResourceNotFoundException; `lock` holds it for the transaction. */
  async require(manager: EntityManager, poolId: string, lock = false): Promise<UserPoolEntity> {
    RequestValidator.of({ UserPoolId: poolId })
      .string('UserPoolId', { required: true, min: 1, max: 55, pattern: Patterns.userPoolId })
      .check();
    const pool = await manager.findOne(UserPoolEntity, {
      where: { id: poolId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!pool) throw CognitoErrors.poolNotFound(poolId);
    return pool;
  }
}
