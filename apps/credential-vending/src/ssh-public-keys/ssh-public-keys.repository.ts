import { Inject, Injectable } from '@nestjs/common';
import { KeysetPage, Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';

/** An IAM user's SSH public key as stored: the ssh-rsa form; PEM is derived when asked. */
export interface StoredSshKey {
  sshPublicKeyId: string;
  userId: string;
  body: string;
  fingerprint: string;
  status: 'Active' | 'Inactive' | 'Expired';
  uploadedAt: Date;
}

interface Row {
  ssh_public_key_id: string;
  user_id: string;
  body: string;
  fingerprint: string;
  status: StoredSshKey['status'];
  uploaded_at: Date;
}

const of = (r: Row): StoredSshKey => ({
  sshPublicKeyId: r.ssh_public_key_id,
  userId: r.user_id,
  body: r.body,
  fingerprint: r.fingerprint,
  status: r.status,
  uploadedAt: r.uploaded_at,
});

/** Every query of `credential_vending.ssh_public_keys` (ADR 0085). */
@Injectable()
export class SshPublicKeysRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Inserts unless the user already has this key (its fingerprint): then 'duplicate'. */
  async insert(k: StoredSshKey, tx: Transaction): Promise<'created' | 'duplicate'> {
    const inserted = await tx.query<unknown[]>(
      `INSERT INTO credential_vending.ssh_public_keys
         (ssh_public_key_id, user_id, body, fingerprint, status, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING RETURNING ssh_public_key_id`,
      [k.sshPublicKeyId, k.userId, k.body, k.fingerprint, k.status, k.uploadedAt],
    );
    return inserted.length === 0 ? 'duplicate' : 'created';
  }

  async countOf(userId: string, tx: Transaction = this.dataSource.manager): Promise<number> {
    const [{ count }] = await tx.query<{ count: string }[]>(
      `SELECT count(*) AS count FROM credential_vending.ssh_public_keys WHERE user_id = $1`,
      [userId],
    );
    return Number(count);
  }

  /** The user's key of that id: another user's id is not found, as an unknown one. */
  async find(
    userId: string,
    id: string,
    tx: Transaction = this.dataSource.manager,
  ): Promise<StoredSshKey | undefined> {
    const rows = await tx.query<Row[]>(
      `SELECT * FROM credential_vending.ssh_public_keys WHERE user_id = $1 AND ssh_public_key_id = $2`,
      [userId, id],
    );
    return rows[0] && of(rows[0]);
  }

  async page(userId: string, after: string | undefined, max: number): Promise<KeysetPage<StoredSshKey>> {
    const rows = await this.dataSource.query<Row[]>(
      `SELECT * FROM credential_vending.ssh_public_keys
        WHERE user_id = $1 AND ($2::text IS NULL OR ssh_public_key_id > $2) ORDER BY ssh_public_key_id LIMIT $3`,
      [userId, after ?? null, max + 1],
    );
    const page = rows.slice(0, max).map(of);
    return { page, ...(rows.length > max ? { next: page[page.length - 1].sshPublicKeyId } : {}) };
  }

  async setStatus(id: string, status: StoredSshKey['status'], tx: Transaction): Promise<void> {
    await tx.query(`UPDATE credential_vending.ssh_public_keys SET status = $2 WHERE ssh_public_key_id = $1`, [
      id,
      status,
    ]);
  }

  async delete(id: string, tx: Transaction): Promise<void> {
    await tx.query(`DELETE FROM credential_vending.ssh_public_keys WHERE ssh_public_key_id = $1`, [id]);
  }
}
