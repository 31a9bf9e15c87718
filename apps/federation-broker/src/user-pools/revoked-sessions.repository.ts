import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { RevokedSessionEntity } from '../database/entities';

/**
 * Sessions of user-pool users the user directory reported revoked, by their tokens' origin_jti
 * (`federation_broker.revoked_sessions`). The identity pools' ServerSideTokenCheck reads it.
 */
@Injectable()
export class RevokedSessionsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Records the revocation; revoking a session again only moves its time. */
  async revoke(
    userPoolId: string,
    originJti: string,
    revokedAt: Date,
    tx: Transaction = this.dataSource.manager,
  ): Promise<void> {
    await tx.upsert(RevokedSessionEntity, { userPoolId, originJti, revokedAt }, ['userPoolId', 'originJti']);
  }

  isRevoked(
    userPoolId: string,
    originJti: string,
    tx: Transaction = this.dataSource.manager,
  ): Promise<boolean> {
    return tx.exists(RevokedSessionEntity, { where: { userPoolId, originJti } });
  }
}
