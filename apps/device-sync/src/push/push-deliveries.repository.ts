import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { PushPlatform } from '../pools/push-platforms';

type Raw = Record<string, unknown>;

/** What a device is told: Cognito's SyncTrigger, less its constant keys. */
export interface SyncTrigger {
  identityPoolId: string;
  identityId: string;
  datasetName: string;
  syncCount: number;
}

/** A push claimed for sending: the trigger, and the device with its sealed token. */
export interface ClaimedPush {
  id: string;
  deviceId: string;
  platform: PushPlatform;
  applicationArn: string;
  tokenEnc: Buffer;
  attempts: number;
  trigger: SyncTrigger;
}

/** Every query of `device_sync.push_deliveries`, push sync's delivery queue. */
@Injectable()
export class PushDeliveriesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Queues the trigger for each device, once per event and device. Returns how many were new. */
  async enqueue(
    eventId: string,
    trigger: SyncTrigger,
    deviceIds: string[],
    now: Date,
    tx: Transaction,
  ): Promise<number> {
    if (deviceIds.length === 0) return 0;
    const rows: Raw[] = await tx.query(
      `INSERT INTO device_sync.push_deliveries
         (event_id, device_id, identity_pool_id, identity_id, dataset_name, sync_count, attempts,
          next_attempt_at, created_at)
       SELECT $1, device_id, $3, $4, $5, $6, 0, $7, $7 FROM unnest($2::text[]) AS device_id
       ON CONFLICT (event_id, device_id) DO NOTHING
       RETURNING id`,
      [
        eventId,
        deviceIds,
        trigger.identityPoolId,
        trigger.identityId,
        trigger.datasetName,
        trigger.syncCount,
        now,
      ],
    );
    return rows.length;
  }

  /**
   * Claims up to `limit` pushes due at `now`, counting the try and leasing them until
   * `now + leaseMs` (skipping rows another replica holds).
   */
  async claimDue(now: Date, limit: number, leaseMs: number): Promise<ClaimedPush[]> {
    const rows: Raw[] = await this.dataSource.query(
      // In a CTE so the driver answers the rows (a bare UPDATE ... RETURNING answers [rows, count]).
      `WITH claimed AS (UPDATE device_sync.push_deliveries p
         SET attempts = p.attempts + 1, next_attempt_at = $2::timestamptz + ($3 || ' milliseconds')::interval
       FROM device_sync.devices d
       WHERE d.device_id = p.device_id AND p.id IN (
         SELECT id FROM device_sync.push_deliveries WHERE next_attempt_at <= $2
         ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING p.id, p.device_id, p.identity_pool_id, p.identity_id, p.dataset_name, p.sync_count,
         p.attempts, d.platform, d.application_arn, d.token_enc)
       SELECT * FROM claimed`,
      [limit, now, String(leaseMs)],
    );
    return rows.map((r) => ({
      id: String(r.id),
      deviceId: r.device_id as string,
      platform: r.platform as PushPlatform,
      applicationArn: r.application_arn as string,
      tokenEnc: r.token_enc as Buffer,
      attempts: Number(r.attempts),
      trigger: {
        identityPoolId: r.identity_pool_id as string,
        identityId: r.identity_id as string,
        datasetName: r.dataset_name as string,
        syncCount: Number(r.sync_count),
      },
    }));
  }

  /** The push is done with: delivered, or given up on. */
  async remove(id: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM device_sync.push_deliveries WHERE id = $1`, [id]);
  }

  async retryAt(id: string, at: Date, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE device_sync.push_deliveries SET next_attempt_at = $2, last_error = $3 WHERE id = $1`,
      [id, at, error],
    );
  }

  /** Pushes still queued for a device (tests and operators). */
  async pendingFor(deviceId: string): Promise<{ attempts: number; lastError: string | null }[]> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT attempts, last_error FROM device_sync.push_deliveries WHERE device_id = $1 ORDER BY id`,
      [deviceId],
    );
    return rows.map((r) => ({ attempts: Number(r.attempts), lastError: r.last_error as string | null }));
  }
}
