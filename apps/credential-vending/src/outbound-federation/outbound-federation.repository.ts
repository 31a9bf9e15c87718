import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SigningAlgorithm, StoredSigningKey } from './outbound-signing-keys';

/** The account's outbound issuer: its id (the last segment of its URL) and whether tokens are issued. */
export interface OutboundIssuer {
  issuerId: string;
  enabled: boolean;
}

interface KeyRow {
  kid: string;
  algorithm: SigningAlgorithm;
  public_jwk: Record<string, string>;
  private_key_enc: Buffer;
  created_at: Date;
  retired_at: Date | null;
}

/**
 * Every query of outbound identity federation (`credential_vending.outbound_federation`, one row,
 * and `outbound_signing_keys`; ADR 0086). Each change is one statement, so two replicas racing to
 * enable, disable or make a key end with one answer each and one active key per algorithm.
 */
@Injectable()
export class OutboundFederationRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async issuer(): Promise<OutboundIssuer | undefined> {
    const rows = await this.dataSource.query<{ issuer_id: string; enabled: boolean }[]>(
      `SELECT issuer_id, enabled FROM credential_vending.outbound_federation`,
    );
    return rows[0] ? { issuerId: rows[0].issuer_id, enabled: rows[0].enabled } : undefined;
  }

  /**
   * Turns issuing on: the first time with `newIssuerId`, afterwards with the issuer it had (tokens
   * issued before a Disable keep verifying against it). Undefined when it was on already.
   */
  async enable(newIssuerId: string): Promise<string | undefined> {
    const rows = await this.dataSource.query<{ issuer_id: string }[]>(
      `INSERT INTO credential_vending.outbound_federation (issuer_id, enabled) VALUES ($1, true)
       ON CONFLICT (singleton) DO UPDATE SET enabled = true, updated_at = now()
         WHERE NOT credential_vending.outbound_federation.enabled
       RETURNING issuer_id`,
      [newIssuerId],
    );
    return rows[0]?.issuer_id;
  }

  /** Turns issuing off; false when it was not on. */
  async disable(): Promise<boolean> {
    const result = await this.dataSource.query<[unknown[], number]>(
      `UPDATE credential_vending.outbound_federation SET enabled = false, updated_at = now()
        WHERE enabled`,
    );
    return changedRows(result) > 0;
  }

  async activeKey(algorithm: SigningAlgorithm): Promise<StoredSigningKey | undefined> {
    const rows = await this.dataSource.query<KeyRow[]>(
      `SELECT * FROM credential_vending.outbound_signing_keys WHERE algorithm = $1 AND retired_at IS NULL`,
      [algorithm],
    );
    return rows[0] ? toKey(rows[0]) : undefined;
  }

  /**
   * Makes `key` the algorithm's active key, retiring `replacing` (the active key it was made to
   * replace, if any) in the same transaction. False when another replica got there first.
   */
  async activate(key: StoredSigningKey, replacing?: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      if (replacing) {
        const retired = await m.query<[unknown[], number]>(
          `UPDATE credential_vending.outbound_signing_keys SET retired_at = $2
            WHERE kid = $1 AND retired_at IS NULL`,
          [replacing, key.createdAt],
        );
        if (changedRows(retired) === 0) return false;
      }
      const inserted = await m.query<unknown[]>(
        `INSERT INTO credential_vending.outbound_signing_keys
           (kid, algorithm, public_jwk, private_key_enc, created_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING RETURNING kid`,
        [key.kid, key.algorithm, JSON.stringify(key.publicJwk), key.privateKeyEnc, key.createdAt],
      );
      return inserted.length > 0;
    });
  }

  /** The keys a verifier may still meet: the active ones, and those retired after `retiredSince`. */
  async publishedKeys(retiredSince: Date): Promise<StoredSigningKey[]> {
    const rows = await this.dataSource.query<KeyRow[]>(
      `SELECT * FROM credential_vending.outbound_signing_keys
        WHERE retired_at IS NULL OR retired_at > $1 ORDER BY algorithm, created_at DESC`,
      [retiredSince],
    );
    return rows.map(toKey);
  }
}

/** The rows an UPDATE changed (TypeORM answers `[rows, affected]` for one on PostgreSQL). */
function changedRows(result: [unknown[], number]): number {
  return result[1];
}

function toKey(r: KeyRow): StoredSigningKey {
  return {
    kid: r.kid,
    algorithm: r.algorithm,
    publicJwk: r.public_jwk,
    privateKeyEnc: r.private_key_enc,
    createdAt: r.created_at,
    retiredAt: r.retired_at,
  };
}
