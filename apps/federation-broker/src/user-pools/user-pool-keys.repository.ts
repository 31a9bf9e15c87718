import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { UserPoolKeyEntity } from '../database/entities';

/**
 * The public signing keys of idfed's user pools as the user directory announced them
 * (`federation_broker.user_pool_keys`): the broker checks ID tokens with them without calling back.
 */
@Injectable()
export class UserPoolKeysRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Stores the key, or overwrites the one with its kid (a redelivered or repeated announcement). */
  async save(key: UserPoolKeyEntity, tx: Transaction = this.dataSource.manager): Promise<void> {
    await tx.upsert(UserPoolKeyEntity, key, ['kid']);
  }

  async find(kid: string, tx: Transaction = this.dataSource.manager): Promise<UserPoolKeyEntity | undefined> {
    return (await tx.findOne(UserPoolKeyEntity, { where: { kid } })) ?? undefined;
  }

  /** Forgets every key of a deleted user pool. */
  async deleteOfPool(userPoolId: string, tx: Transaction = this.dataSource.manager): Promise<void> {
    await tx.delete(UserPoolKeyEntity, { userPoolId });
  }
}
