import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { PushPlatform } from '../pools/push-platforms';

type Raw = Record<string, unknown>;

/** A registered device, without its push token. */
export interface DeviceRow {
  deviceId: string;
  identityPoolId: string;
  identityId: string;
  platform: PushPlatform;
  applicationArn: string;
}

/** A device to be told of a change: with its sealed token, for the push providers. */
export interface SubscribedDevice extends DeviceRow {
  tokenEnc: Buffer;
}

export interface NewDevice extends DeviceRow {
  tokenDigest: Buffer;
  tokenEnc: Buffer;
}

const DEVICE_COLUMNS = `device_id, identity_pool_id, identity_id, platform, application_arn`;

/**
 * Every query of `device_sync.devices` and `device_sync.dataset_subscriptions`. Tokens arrive here
 * sealed and digested only: the token itself never reaches the database.
 */
@Injectable()
export class DevicesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Registers a device, or finds the one this identity registered with the same platform and token
   * (its id is kept, its application updated). Returns the device id.
   */
  async register(device: NewDevice, now: Date, tx: Transaction): Promise<string> {
    const rows: Raw[] = await tx.query(
      `INSERT INTO device_sync.devices AS d
         (device_id, identity_pool_id, identity_id, platform, application_arn, token_digest, token_enc,
          created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
       ON CONFLICT (identity_id, platform, token_digest) DO UPDATE
         SET application_arn = EXCLUDED.application_arn, updated_at = EXCLUDED.updated_at
       RETURNING device_id`,
      [
        device.deviceId,
        device.identityPoolId,
        device.identityId,
        device.platform,
        device.applicationArn,
        device.tokenDigest,
        device.tokenEnc,
        now,
      ],
    );
    return rows[0].device_id as string;
  }

  /** Keeps the identity's `keep` most recently registered devices and drops the others. */
  async keepNewest(identityId: string, keep: number, tx: Transaction): Promise<number> {
    const rows: Raw[] = await tx.query(
      `WITH dropped AS (DELETE FROM device_sync.devices WHERE device_id IN (
         SELECT device_id FROM device_sync.devices WHERE identity_id = $1
         ORDER BY updated_at DESC, device_id OFFSET $2)
       RETURNING device_id)
       SELECT device_id FROM dropped`,
      [identityId, keep],
    );
    return rows.length;
  }

  /** The device, locked for the rest of the transaction when `tx` is given. */
  async find(deviceId: string, tx?: Transaction): Promise<DeviceRow | undefined> {
    const rows: Raw[] = await (tx ?? this.dataSource.manager).query(
      `SELECT ${DEVICE_COLUMNS} FROM device_sync.devices WHERE device_id = $1${tx ? ' FOR UPDATE' : ''}`,
      [deviceId],
    );
    return rows[0] ? deviceFromRow(rows[0]) : undefined;
  }

  async delete(deviceId: string, tx: Transaction = this.dataSource.manager): Promise<boolean> {
    const rows: Raw[] = await tx.query(
      `WITH dropped AS (DELETE FROM device_sync.devices WHERE device_id = $1 RETURNING device_id)
       SELECT device_id FROM dropped`,
      [deviceId],
    );
    return rows.length > 0;
  }

  /** A deleted identity pool's devices (their subscriptions cascade). */
  async deleteOfPool(identityPoolId: string, tx: Transaction): Promise<void> {
    await tx.query(`DELETE FROM device_sync.devices WHERE identity_pool_id = $1`, [identityPoolId]);
  }

  async deleteOfIdentity(identityId: string, tx: Transaction): Promise<void> {
    await tx.query(`DELETE FROM device_sync.devices WHERE identity_id = $1`, [identityId]);
  }

  /** Subscribes the device; true if it was not subscribed yet. */
  async subscribe(device: DeviceRow, datasetName: string, now: Date, tx: Transaction): Promise<boolean> {
    const rows: Raw[] = await tx.query(
      `INSERT INTO device_sync.dataset_subscriptions (device_id, identity_id, dataset_name, created_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING device_id`,
      [device.deviceId, device.identityId, datasetName, now],
    );
    return rows.length > 0;
  }

  /** Whether the device was subscribed (and no longer is). */
  async unsubscribe(deviceId: string, datasetName: string, tx: Transaction): Promise<boolean> {
    // Through a CTE so the driver answers rows (a DELETE alone answers [rows, count]).
    const rows: Raw[] = await tx.query(
      `WITH gone AS (
         DELETE FROM device_sync.dataset_subscriptions WHERE device_id = $1 AND dataset_name = $2
         RETURNING device_id)
       SELECT device_id FROM gone`,
      [deviceId, datasetName],
    );
    return rows.length > 0;
  }

  async countSubscriptions(deviceId: string, tx: Transaction = this.dataSource.manager): Promise<number> {
    const rows: Raw[] = await tx.query(
      `SELECT count(*) AS n FROM device_sync.dataset_subscriptions WHERE device_id = $1`,
      [deviceId],
    );
    return Number(rows[0].n);
  }

  /** The datasets a device is subscribed to, by name. */
  async subscriptionsOf(deviceId: string): Promise<string[]> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT dataset_name FROM device_sync.dataset_subscriptions WHERE device_id = $1 ORDER BY dataset_name`,
      [deviceId],
    );
    return rows.map((r) => r.dataset_name as string);
  }

  /** The devices subscribed to one dataset of an identity, with their sealed tokens. */
  async subscribersOf(
    identityId: string,
    datasetName: string,
    tx: Transaction = this.dataSource.manager,
  ): Promise<SubscribedDevice[]> {
    const rows: Raw[] = await tx.query(
      `SELECT d.device_id, d.identity_pool_id, d.identity_id, d.platform, d.application_arn, d.token_enc
       FROM device_sync.dataset_subscriptions s JOIN device_sync.devices d USING (device_id)
       WHERE s.identity_id = $1 AND s.dataset_name = $2 ORDER BY d.device_id`,
      [identityId, datasetName],
    );
    return rows.map((r) => ({ ...deviceFromRow(r), tokenEnc: r.token_enc as Buffer }));
  }

  /** The sealed token of one device, for its push provider. */
  async sealedToken(
    deviceId: string,
    tx: Transaction = this.dataSource.manager,
  ): Promise<Buffer | undefined> {
    const rows: Raw[] = await tx.query(`SELECT token_enc FROM device_sync.devices WHERE device_id = $1`, [
      deviceId,
    ]);
    return rows[0]?.token_enc as Buffer | undefined;
  }
}

function deviceFromRow(r: Raw): DeviceRow {
  return {
    deviceId: r.device_id as string,
    identityPoolId: r.identity_pool_id as string,
    identityId: r.identity_id as string,
    platform: r.platform as PushPlatform,
    applicationArn: r.application_arn as string,
  };
}
