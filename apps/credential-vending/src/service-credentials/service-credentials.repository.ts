import { Inject, Injectable } from '@nestjs/common';
import { KeysetPage, Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';

/** A service-specific credential as stored: its password digested (ServicePasswords), never in clear. */
export interface StoredServiceCredential {
  credentialId: string;
  userId: string;
  serviceName: string;
  serviceUserName: string;
  passwordDigest: Buffer;
  status: 'Active' | 'Inactive' | 'Expired';
  createdAt: Date;
}

/** A listed credential, with its user's name. */
export type ListedServiceCredential = Omit<StoredServiceCredential, 'passwordDigest'> & { userName: string };

interface Row {
  credential_id: string;
  user_id: string;
  user_name: string;
  service_name: string;
  service_user_name: string;
  status: StoredServiceCredential['status'];
  created_at: Date;
}

const listed = (r: Row): ListedServiceCredential => ({
  credentialId: r.credential_id,
  userId: r.user_id,
  userName: r.user_name,
  serviceName: r.service_name,
  serviceUserName: r.service_user_name,
  status: r.status,
  createdAt: r.created_at,
});

const SELECT = `SELECT c.credential_id, c.user_id, u.name AS user_name, c.service_name, c.service_user_name,
                       c.status, c.created_at
                  FROM credential_vending.service_credentials c
                  JOIN credential_vending.users u ON u.user_id = c.user_id`;

/** Every query of `credential_vending.service_credentials` (ADR 0085); no query reads the digest back. */
@Injectable()
export class ServiceCredentialsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async insert(c: StoredServiceCredential, tx: Transaction): Promise<void> {
    await tx.query(
      `INSERT INTO credential_vending.service_credentials
         (credential_id, user_id, service_name, service_user_name, password_digest, status, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [c.credentialId, c.userId, c.serviceName, c.serviceUserName, c.passwordDigest, c.status, c.createdAt],
    );
  }

  async countOf(userId: string, serviceName: string | undefined, tx: Transaction): Promise<number> {
    const [{ count }] = await tx.query<{ count: string }[]>(
      `SELECT count(*) AS count FROM credential_vending.service_credentials
        WHERE user_id = $1 AND ($2::text IS NULL OR service_name = $2)`,
      [userId, serviceName ?? null],
    );
    return Number(count);
  }

  /** The user's credential of that id: another user's id is not found, as an unknown one. */
  async find(userId: string, id: string, tx: Transaction = this.dataSource.manager) {
    const rows = await tx.query<Row[]>(`${SELECT} WHERE c.user_id = $1 AND c.credential_id = $2`, [
      userId,
      id,
    ]);
    return rows[0] && listed(rows[0]);
  }

  /** One page, in id order: one user's (or every user's when userId is undefined), of one service or all. */
  async page(
    userId: string | undefined,
    serviceName: string | undefined,
    after: string | undefined,
    max: number,
  ): Promise<KeysetPage<ListedServiceCredential>> {
    const rows = await this.dataSource.query<Row[]>(
      `${SELECT} WHERE ($1::text IS NULL OR c.user_id = $1) AND ($2::text IS NULL OR c.service_name = $2)
          AND ($3::text IS NULL OR c.credential_id > $3) ORDER BY c.credential_id LIMIT $4`,
      [userId ?? null, serviceName ?? null, after ?? null, max + 1],
    );
    const page = rows.slice(0, max).map(listed);
    return { page, ...(rows.length > max ? { next: page[page.length - 1].credentialId } : {}) };
  }

  async setPassword(id: string, digest: Buffer, tx: Transaction): Promise<void> {
    await tx.query(
      `UPDATE credential_vending.service_credentials SET password_digest = $2 WHERE credential_id = $1`,
      [id, digest],
    );
  }

  async setStatus(id: string, status: StoredServiceCredential['status'], tx: Transaction): Promise<void> {
    await tx.query(`UPDATE credential_vending.service_credentials SET status = $2 WHERE credential_id = $1`, [
      id,
      status,
    ]);
  }

  async delete(id: string, tx: Transaction): Promise<void> {
    await tx.query(`DELETE FROM credential_vending.service_credentials WHERE credential_id = $1`, [id]);
  }
}
