import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUniqueViolation, Transaction } from '@idfed/persistence';
import { CheckedAsset } from './branding-rules';

export interface BrandingRow {
  id: string;
  poolId: string;
  clientId: string;
  useCognitoProvidedValues: boolean;
  settings: Record<string, unknown> | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface AssetRow {
  category: string;
  colorMode: string;
  extension: string;
  bytes: Buffer | null;
  resourceId: string | null;
}

interface RawBranding {
  id: string;
  pool_id: string;
  client_id: string;
  use_cognito_provided_values: boolean;
  settings: Record<string, unknown> | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, pool_id, client_id, use_cognito_provided_values, settings, created_at, updated_at';

const toRow = (r: RawBranding): BrandingRow => ({
  id: r.id,
  poolId: r.pool_id,
  clientId: r.client_id,
  useCognitoProvidedValues: r.use_cognito_provided_values,
  settings: r.settings,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Every query of `user_directory.login_brandings` and its assets. */
@Injectable()
export class ManagedLoginBrandingsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The new style, or 'exists' when the client has one already (one style per client). */
  async insert(row: BrandingRow, assets: CheckedAsset[], tx: Transaction): Promise<'created' | 'exists'> {
    try {
      await tx.query(`SAVEPOINT branding_insert`);
      await tx.query(
        `INSERT INTO user_directory.login_brandings (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          row.id,
          row.poolId,
          row.clientId,
          row.useCognitoProvidedValues,
          row.settings === null ? null : JSON.stringify(row.settings),
          row.createdAt,
          row.updatedAt,
        ],
      );
    } catch (err) {
      if (isUniqueViolation(err)) {
        await tx.query(`ROLLBACK TO SAVEPOINT branding_insert`);
        return 'exists';
      }
      throw err;
    }
    await this.putAssets(row.id, assets, tx);
    return 'created';
  }

  /** The style of that id in that pool, locked for an update when `tx` is given. */
  async findById(poolId: string, id: string, tx?: Transaction): Promise<BrandingRow | undefined> {
    const [found] = await (tx ?? this.dataSource.manager).query<RawBranding[]>(
      `SELECT ${COLUMNS} FROM user_directory.login_brandings
        WHERE id = $1 AND pool_id = $2${tx ? ' FOR UPDATE' : ''}`,
      [id, poolId],
    );
    return found ? toRow(found) : undefined;
  }

  async findByClient(poolId: string, clientId: string): Promise<BrandingRow | undefined> {
    const [found] = await this.dataSource.query<RawBranding[]>(
      `SELECT ${COLUMNS} FROM user_directory.login_brandings WHERE client_id = $1 AND pool_id = $2`,
      [clientId, poolId],
    );
    return found ? toRow(found) : undefined;
  }

  /** The style's images; without `withBytes` their bytes are not read. */
  async assetsOf(id: string, withBytes = true, tx?: Transaction): Promise<AssetRow[]> {
    const rows = await (tx ?? this.dataSource.manager).query<
      {
        category: string;
        color_mode: string;
        extension: string;
        bytes: Buffer | null;
        resource_id: string | null;
      }[]
    >(
      `SELECT category, color_mode, extension, ${withBytes ? 'bytes' : 'NULL::bytea AS bytes'}, resource_id
         FROM user_directory.branding_assets WHERE branding_id = $1
        ORDER BY category, color_mode`,
      [id],
    );
    return rows.map((r) => ({
      category: r.category,
      colorMode: r.color_mode,
      extension: r.extension,
      bytes: r.bytes,
      resourceId: r.resource_id,
    }));
  }

  async asset(
    poolId: string,
    id: string,
    category: string,
    colorMode: string,
  ): Promise<{ extension: string; bytes: Buffer; updatedAt: Date } | undefined> {
    const [found] = await this.dataSource.query<{ extension: string; bytes: Buffer; updated_at: Date }[]>(
      `SELECT a.extension, a.bytes, b.updated_at
         FROM user_directory.branding_assets a
         JOIN user_directory.login_brandings b ON b.id = a.branding_id
        WHERE b.id = $1 AND b.pool_id = $2 AND a.category = $3 AND a.color_mode = $4 AND a.bytes IS NOT NULL`,
      [id, poolId, category, colorMode],
    );
    return found
      ? { extension: found.extension, bytes: found.bytes, updatedAt: found.updated_at }
      : undefined;
  }

  /** The sum of the style's stored image bytes. */
  async assetBytes(id: string, tx: Transaction): Promise<number> {
    const [row] = await tx.query<{ total: string }[]>(
      `SELECT coalesce(sum(octet_length(bytes)), 0) AS total
         FROM user_directory.branding_assets WHERE branding_id = $1`,
      [id],
    );
    return Number(row.total);
  }

  /** Writes the style's new state (the row is locked by findById in `tx`). */
  async update(row: BrandingRow, tx: Transaction): Promise<void> {
    await tx.query(
      `UPDATE user_directory.login_brandings
          SET use_cognito_provided_values = $2, settings = $3, updated_at = $4 WHERE id = $1`,
      [
        row.id,
        row.useCognitoProvidedValues,
        row.settings === null ? null : JSON.stringify(row.settings),
        row.updatedAt,
      ],
    );
  }

  /** Adds or replaces images by Category and ColorMode; one without bytes keeps the stored bytes. */
  async putAssets(id: string, assets: CheckedAsset[], tx: Transaction): Promise<void> {
    for (const a of assets) {
      await tx.query(
        `INSERT INTO user_directory.branding_assets
           (branding_id, category, color_mode, extension, bytes, resource_id)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (branding_id, category, color_mode) DO UPDATE
           SET extension = EXCLUDED.extension,
               bytes = coalesce(EXCLUDED.bytes, branding_assets.bytes),
               resource_id = coalesce(EXCLUDED.resource_id, branding_assets.resource_id)`,
        [id, a.category, a.colorMode, a.extension, a.bytes ?? null, a.resourceId ?? null],
      );
    }
  }

  async deleteAssets(id: string, tx: Transaction): Promise<void> {
    await tx.query(`DELETE FROM user_directory.branding_assets WHERE branding_id = $1`, [id]);
  }

  /** true when a style of that id was in that pool. */
  async delete(poolId: string, id: string): Promise<boolean> {
    const [, count] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM user_directory.login_brandings WHERE id = $1 AND pool_id = $2`,
      [id, poolId],
    );
    return count > 0;
  }
}
