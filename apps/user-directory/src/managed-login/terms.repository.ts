import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '@idfed/persistence';

export interface TermsRow {
  id: string;
  poolId: string;
  clientId: string;
  termsName: string;
  termsSource: string;
  enforcement: string;
  links: Record<string, string>;
  createdAt: Date;
  updatedAt: Date;
}

interface RawTerms {
  id: string;
  pool_id: string;
  client_id: string;
  terms_name: string;
  terms_source: string;
  enforcement: string;
  links: Record<string, string>;
  created_at: Date;
  updated_at: Date;
}

/** The key a page of ListTerms continues after: the last one's creation time (ms) and id. */
export const TERMS_PAGE_KEY = /^(\d{1,16}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

const COLUMNS =
  'id, pool_id, client_id, terms_name, terms_source, enforcement, links, created_at, updated_at';

const toRow = (r: RawTerms): TermsRow => ({
  id: r.id,
  poolId: r.pool_id,
  clientId: r.client_id,
  termsName: r.terms_name,
  termsSource: r.terms_source,
  enforcement: r.enforcement,
  links: r.links,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Every query of `user_directory.terms`. */
@Injectable()
export class TermsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** 'exists' when the client has terms of that name already. */
  async insert(row: TermsRow): Promise<'created' | 'exists'> {
    try {
      await this.dataSource.query(
        `INSERT INTO user_directory.terms (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          row.id,
          row.poolId,
          row.clientId,
          row.termsName,
          row.termsSource,
          row.enforcement,
          JSON.stringify(row.links),
          row.createdAt,
          row.updatedAt,
        ],
      );
      return 'created';
    } catch (err) {
      if (isUniqueViolation(err)) return 'exists';
      throw err;
    }
  }

  /** 'exists' when the new name is another terms document's of the same client; 'gone' when deleted. */
  async update(row: TermsRow): Promise<'updated' | 'exists' | 'gone'> {
    try {
      const [, count] = await this.dataSource.query<[unknown[], number]>(
        `UPDATE user_directory.terms
            SET terms_name = $3, terms_source = $4, enforcement = $5, links = $6, updated_at = $7
          WHERE id = $1 AND pool_id = $2`,
        [
          row.id,
          row.poolId,
          row.termsName,
          row.termsSource,
          row.enforcement,
          JSON.stringify(row.links),
          row.updatedAt,
        ],
      );
      return count === 1 ? 'updated' : 'gone';
    } catch (err) {
      if (isUniqueViolation(err)) return 'exists';
      throw err;
    }
  }

  async findById(poolId: string, id: string): Promise<TermsRow | undefined> {
    const [found] = await this.dataSource.query<RawTerms[]>(
      `SELECT ${COLUMNS} FROM user_directory.terms WHERE id = $1 AND pool_id = $2`,
      [id, poolId],
    );
    return found ? toRow(found) : undefined;
  }

  async findByClient(poolId: string, clientId: string, termsName: string): Promise<TermsRow | undefined> {
    const [found] = await this.dataSource.query<RawTerms[]>(
      `SELECT ${COLUMNS} FROM user_directory.terms WHERE client_id = $1 AND pool_id = $2 AND terms_name = $3`,
      [clientId, poolId, termsName],
    );
    return found ? toRow(found) : undefined;
  }

  /** Every terms document of the client (at most one per name). */
  async ofClient(poolId: string, clientId: string): Promise<TermsRow[]> {
    const rows = await this.dataSource.query<RawTerms[]>(
      `SELECT ${COLUMNS} FROM user_directory.terms WHERE client_id = $1 AND pool_id = $2`,
      [clientId, poolId],
    );
    return rows.map(toRow);
  }

  /** One page of the pool's terms in creation order, after the key `<ms>:<id>`. */
  async page(
    poolId: string,
    after: string | undefined,
    max: number,
  ): Promise<{ page: TermsRow[]; next?: string }> {
    const key = after ? TERMS_PAGE_KEY.exec(after) : null;
    const rows = await this.dataSource.query<RawTerms[]>(
      `SELECT ${COLUMNS} FROM user_directory.terms
        WHERE pool_id = $1 ${key ? 'AND (created_at, id) > (to_timestamp($3::float8 / 1000), $4::uuid)' : ''}
        ORDER BY created_at, id LIMIT $2`,
      key ? [poolId, max + 1, Number(key[1]), key[2]] : [poolId, max + 1],
    );
    const page = rows.slice(0, max).map(toRow);
    const last = page[page.length - 1];
    return { page, ...(rows.length > max ? { next: `${last.createdAt.getTime()}:${last.id}` } : {}) };
  }

  async delete(poolId: string, id: string): Promise<boolean> {
    const [, count] = await this.dataSource.query<[unknown[], number]>(
      `DELETE FROM user_directory.terms WHERE id = $1 AND pool_id = $2`,
      [id, poolId],
    );
    return count === 1;
  }
}
