import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { CognitoErrors } from '../common/cognito-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { UserPoolEntity } from '../database/entities';
import { SigningKeysService } from '../tokens/signing-keys.service';
import { UserPoolsRepository } from './user-pools.repository';

/** What the pool operations and every admin operation share: loading a pool, and its deletion's reach. */
@Injectable()
export class PoolsService {
  private readonly deletedListeners: ((poolId: string) => void)[] = [];

  constructor(
    @Inject(UserPoolsRepository) private readonly pools: UserPoolsRepository,
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

  /**
   * @deprecated For callers of the older `require(tx, poolId)` outside a transaction; the newer
   * `require(poolId)` needs no handle.
   */
  manager(): Transaction {
    return this.pools.outsideTransaction();
  }

  /**
   * Loads a pool or fails with Cognito's ResourceNotFoundException; inside a unit of work, pass
   * its `tx`, and `lock` holds the row until it commits.
   */
  require(poolId: string, tx?: Transaction, lock?: boolean): Promise<UserPoolEntity>;
  /**
   * @deprecated The form from before the repositories, kept while users/ and auth/ move to
   * `require(poolId, tx?, lock?)`.
   */
  require(tx: Transaction, poolId: string, lock?: boolean): Promise<UserPoolEntity>;
  async require(
    first: string | Transaction,
    second?: string | Transaction,
    lock = false,
  ): Promise<UserPoolEntity> {
    // A transaction handle is an object; a pool id from a request may be anything, and is validated.
    const legacy = typeof first === 'object' && first !== null;
    const [poolId, tx] = legacy ? [second, first] : [first, second as Transaction | undefined];
    RequestValidator.of({ UserPoolId: poolId })
      .string('UserPoolId', { required: true, min: 1, max: 55, pattern: Patterns.userPoolId })
      .check();
    const pool = await this.pools.find(poolId as string, tx, lock);
    if (!pool) throw CognitoErrors.poolNotFound(poolId as string);
    return pool;
  }
}
