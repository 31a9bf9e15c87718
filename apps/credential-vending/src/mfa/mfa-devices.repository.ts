import { Inject, Injectable } from '@nestjs/common';
import { KeysetPage, Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { TagRecord } from '../database/entities';

/** A virtual MFA device as stored: its seed sealed (MfaSeeds), never in clear. */
export interface StoredMfaDevice {
  serialNumber: string;
  name: string;
  nameKey: string;
  path: string;
  seedEnc: Buffer;
  /** The user it is assigned to: set by EnableMFADevice, cleared by DeactivateMFADevice. */
  userId: string | null;
  enabledAt: Date | null;
  /** The last time step whose code was accepted: no code of it or before is accepted again. */
  lastStep: number | null;
  /** The device's clock offset in steps, as the last ResyncMFADevice measured it. */
  driftSteps: number;
  tags: TagRecord[];
  createdAt: Date;
}

interface MfaDeviceRow {
  serial_number: string;
  name: string;
  name_key: string;
  path: string;
  seed_enc: Buffer;
  user_id: string | null;
  enabled_at: Date | null;
  last_step: string | null;
  drift_steps: number;
  tags: TagRecord[];
  created_at: Date;
}

const deviceOf = (r: MfaDeviceRow): StoredMfaDevice => ({
  serialNumber: r.serial_number,
  name: r.name,
  nameKey: r.name_key,
  path: r.path,
  seedEnc: r.seed_enc,
  userId: r.user_id,
  enabledAt: r.enabled_at,
  // bigint comes back as text; steps since the epoch fit a JS number for millions of years.
  lastStep: r.last_step === null ? null : Number(r.last_step),
  driftSteps: r.drift_steps,
  tags: r.tags,
  createdAt: r.created_at,
});

function changedAny(result: unknown): boolean {
  if (Array.isArray(result) && result.length === 2 && typeof result[1] === 'number') return result[1] > 0;
  return Array.isArray(result) && result.length > 0;
}

/** Every query of `credential_vending.mfa_devices` (ADR 0072). */
@Injectable()
export class MfaDevicesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Inserts the device unless its name (in any case) is taken: then 'exists' and nothing is written. */
  async insert(
    device: StoredMfaDevice,
    tx: Transaction = this.dataSource.manager,
  ): Promise<'created' | 'exists'> {
    const inserted = await tx.query<unknown[]>(
      `INSERT INTO credential_vending.mfa_devices
         (serial_number, name, name_key, path, seed_enc, tags, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT DO NOTHING RETURNING serial_number`,
      [
        device.serialNumber,
        device.name,
        device.nameKey,
        device.path,
        device.seedEnc,
        JSON.stringify(device.tags),
        device.createdAt,
      ],
    );
    return inserted.length === 0 ? 'exists' : 'created';
  }

  /** The device of that serial number; `forUpdate` locks its row until the unit of work ends. */
  async find(
    serialNumber: string,
    tx: Transaction = this.dataSource.manager,
    forUpdate = false,
  ): Promise<StoredMfaDevice | undefined> {
    const rows = await tx.query<MfaDeviceRow[]>(
      `SELECT * FROM credential_vending.mfa_devices WHERE serial_number = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [serialNumber],
    );
    return rows[0] ? deviceOf(rows[0]) : undefined;
  }

  /** The devices assigned to the user, oldest enabled first, after the serial a marker carried. */
  async pageOfUser(
    userId: string,
    after: string | undefined,
    max: number,
  ): Promise<KeysetPage<StoredMfaDevice>> {
    const rows = await this.dataSource.query<MfaDeviceRow[]>(
      `SELECT * FROM credential_vending.mfa_devices
        WHERE user_id = $1 AND ($2::text IS NULL OR serial_number > $2) ORDER BY serial_number LIMIT $3`,
      [userId, after ?? null, max + 1],
    );
    const page = rows.slice(0, max).map(deviceOf);
    return { page, ...(rows.length > max ? { next: page[page.length - 1].serialNumber } : {}) };
  }

  /** One page of the account's devices, by assignment, in serial-number order. */
  async page(
    assignment: 'Assigned' | 'Unassigned' | 'Any',
    after: string | undefined,
    max: number,
  ): Promise<KeysetPage<StoredMfaDevice>> {
    const filter =
      assignment === 'Assigned'
        ? 'user_id IS NOT NULL'
        : assignment === 'Unassigned'
          ? 'user_id IS NULL'
          : 'true';
    const rows = await this.dataSource.query<MfaDeviceRow[]>(
      `SELECT * FROM credential_vending.mfa_devices
        WHERE ${filter} AND ($1::text IS NULL OR serial_number > $1) ORDER BY serial_number LIMIT $2`,
      [after ?? null, max + 1],
    );
    const page = rows.slice(0, max).map(deviceOf);
    return { page, ...(rows.length > max ? { next: page[page.length - 1].serialNumber } : {}) };
  }

  countOfUser(userId: string, tx: Transaction): Promise<number> {
    return tx
      .query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM credential_vending.mfa_devices WHERE user_id = $1`,
        [userId],
      )
      .then(([r]) => r.n);
  }

  /**
   * Assigns an unassigned device to the user, its codes accepted up to `step`; false when it was
   * assigned meanwhile (the caller holds its row locked, so only a bug gets there).
   */
  async enable(
    serialNumber: string,
    userId: string,
    step: number,
    at: Date,
    tx: Transaction,
  ): Promise<boolean> {
    const result = await tx.query<unknown>(
      `UPDATE credential_vending.mfa_devices
          SET user_id = $2, enabled_at = $4, last_step = $3, drift_steps = 0
        WHERE serial_number = $1 AND user_id IS NULL
        RETURNING serial_number`,
      [serialNumber, userId, step, at],
    );
    return changedAny(result);
  }

  /** Unassigns the device from the user; false when it was not the user's. */
  async deactivate(serialNumber: string, userId: string, tx: Transaction): Promise<boolean> {
    const result = await tx.query<unknown>(
      `UPDATE credential_vending.mfa_devices SET user_id = NULL, enabled_at = NULL
        WHERE serial_number = $1 AND user_id = $2 RETURNING serial_number`,
      [serialNumber, userId],
    );
    return changedAny(result);
  }

  /** ResyncMFADevice: the device's new drift, and its codes accepted up to `step`. */
  async resync(
    serialNumber: string,
    userId: string,
    step: number,
    driftSteps: number,
    tx: Transaction,
  ): Promise<boolean> {
    const result = await tx.query<unknown>(
      `UPDATE credential_vending.mfa_devices SET last_step = $3, drift_steps = $4
        WHERE serial_number = $1 AND user_id = $2 RETURNING serial_number`,
      [serialNumber, userId, step, driftSteps],
    );
    return changedAny(result);
  }

  /**
   * Accepts a code of `step` for the user's device: only when the device is still the user's and
   * no code of that step or a later one was accepted. One statement, so of two requests racing
   * with the same code (on any replica) one is accepted.
   */
  async useStep(serialNumber: string, userId: string, step: number): Promise<boolean> {
    const result = await this.dataSource.query<unknown>(
      `UPDATE credential_vending.mfa_devices SET last_step = $3
        WHERE serial_number = $1 AND user_id = $2 AND (last_step IS NULL OR last_step < $3)
        RETURNING serial_number`,
      [serialNumber, userId, step],
    );
    return changedAny(result);
  }

  async setTags(serialNumber: string, tags: TagRecord[], tx: Transaction): Promise<void> {
    await tx.query(`UPDATE credential_vending.mfa_devices SET tags = $2 WHERE serial_number = $1`, [
      serialNumber,
      JSON.stringify(tags),
    ]);
  }

  /** Deletes an unassigned device: 'in-use' when it is assigned, 'missing' when there is none. */
  async deleteUnassigned(serialNumber: string, tx: Transaction): Promise<'deleted' | 'in-use' | 'missing'> {
    const device = await this.find(serialNumber, tx, true);
    if (!device) return 'missing';
    if (device.userId !== null) return 'in-use';
    await tx.query(`DELETE FROM credential_vending.mfa_devices WHERE serial_number = $1`, [serialNumber]);
    return 'deleted';
  }

  /** Whether any device is assigned to the user (DeleteUser's DeleteConflict). */
  async userHasDevices(userId: string, tx: Transaction): Promise<boolean> {
    const [row] = await tx.query<{ e: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM credential_vending.mfa_devices WHERE user_id = $1) AS e`,
      [userId],
    );
    return row.e;
  }
}
