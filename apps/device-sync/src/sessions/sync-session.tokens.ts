import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DEVICE_SYNC_CONFIG, DeviceSyncConfig, SyncClock } from '../common/device-sync.config';
import { SyncErrors } from '../common/sync-errors';
import { SyncSessionsRepository } from './sync-sessions.repository';

/** The dataset a sync session is for. */
export interface SyncSessionScope {
  identityPoolId: string;
  identityId: string;
  datasetName: string;
}

/**
 * SyncSessionTokens: ListRecords opens a sync session and hands out its token; UpdateRecords must
 * present a token of a session for the same dataset that has not expired. Random, stored as
 * SHA-256, so the database never holds a token that would work.
 */
@Injectable()
export class SyncSessionTokens {
  constructor(
    @Inject(SyncSessionsRepository) private readonly sessions: SyncSessionsRepository,
    @Inject(DEVICE_SYNC_CONFIG) private readonly config: DeviceSyncConfig,
    @Inject(SyncClock) private readonly clock: SyncClock,
  ) {}

  async open(scope: SyncSessionScope, tx: Transaction): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.sessions.open(
      digest(token),
      { ...scope, expiresAt: new Date(now.getTime() + this.config.syncSessionTtlMs) },
      now,
      tx,
    );
    return token;
  }

  /** Whether a token a client brings back still opens a session for this dataset. */
  async isValid(token: string, scope: SyncSessionScope, tx?: Transaction): Promise<boolean> {
    const session = await this.sessions.find(digest(token), tx);
    return (
      session !== undefined &&
      session.identityPoolId === scope.identityPoolId &&
      session.identityId === scope.identityId &&
      session.datasetName === scope.datasetName &&
      session.expiresAt.getTime() > this.clock.now().getTime()
    );
  }

  async assertValid(token: string, scope: SyncSessionScope, tx?: Transaction): Promise<void> {
    if (!(await this.isValid(token, scope, tx))) {
      throw SyncErrors.invalidParameter(
        'The SyncSessionToken is not valid for this dataset, or has expired: call ListRecords for a new one.',
      );
    }
  }
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
