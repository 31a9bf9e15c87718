import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';

/** A confirmed device of a user (`user_directory.devices`). */
export interface DeviceRow {
  deviceKey: string;
  poolId: string;
  userSub: string;
  groupKey: string;
  /** The SRP salt and verifier of the device's random password, hex. */
  salt: string;
  verifier: string;
  name: string | null;
  remembered: boolean;
  lastIp: string | null;
  createdAt: Date;
  lastModifiedAt: Date;
  lastAuthenticatedAt: Date | null;
}

/** Where a page of a user's devices starts: after this device in (created_at, device_key) order. */
export interface DevicesCursor {
  createdAt: Date;
  deviceKey: string;
}

const COLUMNS = `device_key, pool_id, user_sub, group_key, salt, verifier, name, remembered, last_ip,
  created_at, last_modified_at, last_authenticated_at`;

interface Row {
  device_key: string;
  pool_id: string;
  user_sub: string;
  group_key: string;
  salt: string;
  verifier: string;
  name: string | null;
  remembered: boolean;
  last_ip: string | null;
  created_at: Date;
  last_modified_at: Date;
  last_authenticated_at: Date | null;
}

function toDevice(r: Row): DeviceRow {
  return {
    deviceKey: r.device_key,
    poolId: r.pool_id,
    userSub: r.user_sub,
    groupKey: r.group_key,
    salt: r.salt,
    verifier: r.verifier,
    name: r.name,
    remembered: r.remembered,
    lastIp: r.last_ip,
    createdAt: r.created_at,
    lastModifiedAt: r.last_modified_at,
    lastAuthenticatedAt: r.last_authenticated_at,
  };
}

/**
 * Every statement of the devices aggregate. A device is always looked up with its user (and pool):
 * a key of another user or pool is no device of this one.
 */
@Injectable()
export class DevicesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Stores a confirmed device; 'exists' when the key was confirmed before (by anyone). */
  async insert(
    device: Omit<DeviceRow, 'createdAt' | 'lastModifiedAt' | 'lastAuthenticatedAt'>,
    at: Date,
  ): Promise<'created' | 'exists'> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO user_directory.devices
         (device_key, pool_id, user_sub, group_key, salt, verifier, name, remembered, last_ip,
          created_at, last_modified_at, last_authenticated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $10)
       ON CONFLICT (device_key) DO NOTHING
       RETURNING device_key`,
      [
        device.deviceKey,
        device.poolId,
        device.userSub,
        device.groupKey,
        device.salt,
        device.verifier,
        device.name,
        device.remembered,
        device.lastIp,
        at,
      ],
    );
    return rows.length === 1 ? 'created' : 'exists';
  }

  async find(poolId: string, userSub: string, deviceKey: string): Promise<DeviceRow | undefined> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM user_directory.devices WHERE device_key = $1 AND pool_id = $2 AND user_sub = $3`,
      [deviceKey, poolId, userSub],
    );
    return rows[0] ? toDevice(rows[0]) : undefined;
  }

  /** A page of a user's devices, oldest first, one more than `limit` when more follow. */
  async listOf(userSub: string, limit: number, after?: DevicesCursor): Promise<DeviceRow[]> {
    const rows: Row[] = after
      ? await this.dataSource.query(
          `SELECT ${COLUMNS} FROM user_directory.devices
            WHERE user_sub = $1 AND (created_at, device_key) > ($2, $3)
            ORDER BY created_at, device_key LIMIT $4`,
          [userSub, after.createdAt, after.deviceKey, limit + 1],
        )
      : await this.dataSource.query(
          `SELECT ${COLUMNS} FROM user_directory.devices WHERE user_sub = $1
            ORDER BY created_at, device_key LIMIT $2`,
          [userSub, limit + 1],
        );
    return rows.map(toDevice);
  }

  /** Sets whether the device is remembered; false when the user has no such device. */
  async setRemembered(userSub: string, deviceKey: string, remembered: boolean, at: Date): Promise<boolean> {
    const [, count] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE user_directory.devices SET remembered = $3, last_modified_at = $4
        WHERE user_sub = $1 AND device_key = $2`,
      [userSub, deviceKey, remembered, at],
    );
    return count === 1;
  }

  /** Notes a sign-in of the device (its proof, or tokens issued to it). */
  async authenticated(deviceKey: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE user_directory.devices SET last_authenticated_at = $2 WHERE device_key = $1`,
      [deviceKey, at],
    );
  }

  /** Deletes the user's device; false when there was none (of concurrent forgets, one is true). */
  async forget(userSub: string, deviceKey: string, tx: Transaction): Promise<boolean> {
    const [rows] = await tx.query<[unknown[], number]>(
      `DELETE FROM user_directory.devices WHERE user_sub = $1 AND device_key = $2 RETURNING device_key`,
      [userSub, deviceKey],
    );
    return rows.length === 1;
  }
}
