import { Inject, Injectable } from '@nestjs/common';
import { KeysetPage, Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';

/** An IAM user's signing certificate as stored. */
export interface StoredSigningCertificate {
  certificateId: string;
  userId: string;
  certificateBody: string;
  fingerprint: string;
  status: 'Active' | 'Inactive';
  uploadedAt: Date;
}

interface Row {
  certificate_id: string;
  user_id: string;
  certificate_body: string;
  fingerprint: string;
  status: 'Active' | 'Inactive';
  uploaded_at: Date;
}

const of = (r: Row): StoredSigningCertificate => ({
  certificateId: r.certificate_id,
  userId: r.user_id,
  certificateBody: r.certificate_body,
  fingerprint: r.fingerprint,
  status: r.status,
  uploadedAt: r.uploaded_at,
});

/** Every query of `credential_vending.signing_certificates` (ADR 0085). */
@Injectable()
export class SigningCertificatesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Inserts unless the same certificate (fingerprint) is already in the account: then 'duplicate'. */
  async insert(c: StoredSigningCertificate, tx: Transaction): Promise<'created' | 'duplicate'> {
    const inserted = await tx.query<unknown[]>(
      `INSERT INTO credential_vending.signing_certificates
         (certificate_id, user_id, certificate_body, fingerprint, status, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING RETURNING certificate_id`,
      [c.certificateId, c.userId, c.certificateBody, c.fingerprint, c.status, c.uploadedAt],
    );
    return inserted.length === 0 ? 'duplicate' : 'created';
  }

  async countOf(userId: string, tx: Transaction): Promise<number> {
    const [{ count }] = await tx.query<{ count: string }[]>(
      `SELECT count(*) AS count FROM credential_vending.signing_certificates WHERE user_id = $1`,
      [userId],
    );
    return Number(count);
  }

  /** Whether the user has any: DeleteUser's DeleteConflict. */
  async userHas(userId: string, tx: Transaction): Promise<boolean> {
    return (await this.countOf(userId, tx)) > 0;
  }

  /** The user's certificate of that id: another user's id is not found, as an unknown one. */
  async find(
    userId: string,
    certificateId: string,
    tx: Transaction = this.dataSource.manager,
  ): Promise<StoredSigningCertificate | undefined> {
    const rows = await tx.query<Row[]>(
      `SELECT * FROM credential_vending.signing_certificates WHERE user_id = $1 AND certificate_id = $2`,
      [userId, certificateId],
    );
    return rows[0] && of(rows[0]);
  }

  /** One page of the user's certificates, in id order, after the id a marker carried. */
  async page(
    userId: string,
    after: string | undefined,
    max: number,
  ): Promise<KeysetPage<StoredSigningCertificate>> {
    const rows = await this.dataSource.query<Row[]>(
      `SELECT * FROM credential_vending.signing_certificates
        WHERE user_id = $1 AND ($2::text IS NULL OR certificate_id > $2) ORDER BY certificate_id LIMIT $3`,
      [userId, after ?? null, max + 1],
    );
    const page = rows.slice(0, max).map(of);
    return { page, ...(rows.length > max ? { next: page[page.length - 1].certificateId } : {}) };
  }

  async setStatus(certificateId: string, status: 'Active' | 'Inactive', tx: Transaction): Promise<void> {
    await tx.query(
      `UPDATE credential_vending.signing_certificates SET status = $2 WHERE certificate_id = $1`,
      [certificateId, status],
    );
  }

  async delete(certificateId: string, tx: Transaction): Promise<void> {
    await tx.query(`DELETE FROM credential_vending.signing_certificates WHERE certificate_id = $1`, [
      certificateId,
    ]);
  }
}
