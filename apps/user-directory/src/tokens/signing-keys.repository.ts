import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { SigningKeyEntity } from '../database/entities';

/**
 * Every query of the signing keys (`user_directory.signing_keys`). The private key column holds
 * the key sealed under the key-encryption key; SigningKeysService opens it.
 */
@Injectable()
export class SigningKeysRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async insert(key: SigningKeyEntity, tx: Transaction = this.dataSource.manager): Promise<void> {
    await tx.insert(SigningKeyEntity, key);
  }

  /** The pool's newest active key, the one new tokens are signed with. */
  async findActive(poolId: string): Promise<SigningKeyEntity | undefined> {
    const key = await this.dataSource.manager.findOne(SigningKeyEntity, {
      where: { poolId, status: 'active' },
      order: { createdAt: 'DESC' },
    });
    return key ?? undefined;
  }

  async findByKid(kid: string): Promise<SigningKeyEntity | undefined> {
    const key = await this.dataSource.manager.findOne(SigningKeyEntity, { where: { kid } });
    return key ?? undefined;
  }

  /** All of a pool's keys, oldest first, as its JWKS lists them. */
  listForPool(poolId: string): Promise<SigningKeyEntity[]> {
    return this.dataSource.manager.find(SigningKeyEntity, {
      where: { poolId },
      order: { createdAt: 'ASC' },
    });
  }
}
