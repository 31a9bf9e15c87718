import { Inject, Injectable } from '@nestjs/common';
import { KeysetPage, Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { TagRecord } from '../database/entities';
import { likePrefix } from '../roles/trust-policy';

/** A server certificate as stored: its private key sealed (ServerCertificateKeys), never in clear. */
export interface StoredServerCertificate {
  serverCertificateId: string;
  name: string;
  path: string;
  arn: string;
  certificateBody: string;
  certificateChain: string | null;
  privateKeyEnc: Buffer;
  expiration: Date;
  tags: TagRecord[];
  uploadedAt: Date;
}

/** The columns read back: everything but the sealed private key, which no operation needs. */
type Listed = Omit<StoredServerCertificate, 'privateKeyEnc'>;

interface CertificateRow {
  server_certificate_id: string;
  name: string;
  path: string;
  arn: string;
  certificate_body: string;
  certificate_chain: string | null;
  expiration: Date;
  tags: TagRecord[];
  uploaded_at: Date;
}

const COLUMNS =
  'server_certificate_id, name, path, arn, certificate_body, certificate_chain, expiration, tags, uploaded_at';

const certificateOf = (r: CertificateRow): Listed => ({
  serverCertificateId: r.server_certificate_id,
  name: r.name,
  path: r.path,
  arn: r.arn,
  certificateBody: r.certificate_body,
  certificateChain: r.certificate_chain,
  expiration: r.expiration,
  tags: r.tags,
  uploadedAt: r.uploaded_at,
});

/** Every query of `credential_vending.server_certificates` (ADR 0085). */
@Injectable()
export class ServerCertificatesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Inserts the certificate unless its name (in any case) is taken ('exists') or the account holds
   * `quota` already ('quota'); the count and the insert under one transaction-scoped advisory lock,
   * so racing uploads cannot pass the quota together.
   */
  async insert(
    certificate: StoredServerCertificate,
    quota: number,
    tx: Transaction,
  ): Promise<'created' | 'exists' | 'quota'> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('credential_vending.server_certificates'))`);
    const [{ count }] = await tx.query<{ count: string }[]>(
      `SELECT count(*) AS count FROM credential_vending.server_certificates`,
    );
    if (Number(count) >= quota) return 'quota';
    const inserted = await tx.query<unknown[]>(
      `INSERT INTO credential_vending.server_certificates
         (server_certificate_id, name, name_key, path, arn, certificate_body, certificate_chain,
          private_key_enc, expiration, tags, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT DO NOTHING RETURNING server_certificate_id`,
      [
        certificate.serverCertificateId,
        certificate.name,
        certificate.name.toLowerCase(),
        certificate.path,
        certificate.arn,
        certificate.certificateBody,
        certificate.certificateChain,
        certificate.privateKeyEnc,
        certificate.expiration,
        JSON.stringify(certificate.tags),
        certificate.uploadedAt,
      ],
    );
    return inserted.length === 0 ? 'exists' : 'created';
  }

  /** The certificate of that name, in any case; `forUpdate` locks its row until commit. */
  async findByName(
    name: string,
    tx: Transaction = this.dataSource.manager,
    forUpdate = false,
  ): Promise<Listed | undefined> {
    const rows = await tx.query<CertificateRow[]>(
      `SELECT ${COLUMNS} FROM credential_vending.server_certificates WHERE name_key = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [name.toLowerCase()],
    );
    return rows[0] && certificateOf(rows[0]);
  }

  /** One page of the certificates under a path prefix, in name order, after the name a marker carried. */
  async page(pathPrefix: string, after: string | undefined, max: number): Promise<KeysetPage<Listed>> {
    const rows = await this.dataSource.query<(CertificateRow & { name_key: string })[]>(
      `SELECT ${COLUMNS}, name_key FROM credential_vending.server_certificates
        WHERE path LIKE $1 AND ($2::text IS NULL OR name_key > $2) ORDER BY name_key LIMIT $3`,
      [likePrefix(pathPrefix), after ?? null, max + 1],
    );
    const page = rows.slice(0, max);
    return {
      page: page.map(certificateOf),
      ...(rows.length > max ? { next: page[page.length - 1].name_key } : {}),
    };
  }

  /** Renames or moves the certificate; 'exists' when the new name (in any case) is another's. */
  async rename(
    serverCertificateId: string,
    name: string,
    path: string,
    arn: string,
    tx: Transaction,
  ): Promise<'renamed' | 'exists'> {
    // Under the uploads' lock: a racing upload or rename to the same name waits, then sees it taken.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('credential_vending.server_certificates'))`);
    const taken = await tx.query<unknown[]>(
      `SELECT 1 FROM credential_vending.server_certificates WHERE name_key = $1 AND server_certificate_id <> $2`,
      [name.toLowerCase(), serverCertificateId],
    );
    if (taken.length) return 'exists';
    await tx.query(
      `UPDATE credential_vending.server_certificates SET name = $2, name_key = $3, path = $4, arn = $5
        WHERE server_certificate_id = $1`,
      [serverCertificateId, name, name.toLowerCase(), path, arn],
    );
    return 'renamed';
  }

  async setTags(serverCertificateId: string, tags: readonly TagRecord[], tx: Transaction): Promise<void> {
    await tx.query(
      `UPDATE credential_vending.server_certificates SET tags = $2 WHERE server_certificate_id = $1`,
      [serverCertificateId, JSON.stringify(tags)],
    );
  }

  async delete(serverCertificateId: string, tx: Transaction): Promise<void> {
    await tx.query(`DELETE FROM credential_vending.server_certificates WHERE server_certificate_id = $1`, [
      serverCertificateId,
    ]);
  }
}
