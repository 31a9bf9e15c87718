import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A registered passkey (`user_directory.webauthn_credentials`). */
export interface WebAuthnCredentialRow {
  /** base64url, as the authenticator made it. */
  credentialId: string;
  poolId: string;
  userSub: string;
  /** The COSE public key. */
  publicKey: Buffer;
  signCount: number;
  transports: string[];
  attachment: string | null;
  relyingPartyId: string;
  friendlyName: string | null;
  createdAt: Date;
}

/** Where a page of a user's credentials starts: after this one in (created_at, credential_id) order. */
export interface CredentialsCursor {
  createdAt: Date;
  credentialId: string;
}

const COLUMNS = `credential_id, pool_id, user_sub, public_key, sign_count, transports, attachment,
  relying_party_id, friendly_name, created_at`;

interface Row {
  credential_id: string;
  pool_id: string;
  user_sub: string;
  public_key: Buffer;
  sign_count: string;
  transports: string[];
  attachment: string | null;
  relying_party_id: string;
  friendly_name: string | null;
  created_at: Date;
}

function toCredential(r: Row): WebAuthnCredentialRow {
  return {
    credentialId: r.credential_id,
    poolId: r.pool_id,
    userSub: r.user_sub,
    publicKey: r.public_key,
    signCount: Number(r.sign_count),
    transports: r.transports,
    attachment: r.attachment,
    relyingPartyId: r.relying_party_id,
    friendlyName: r.friendly_name,
    createdAt: r.created_at,
  };
}

/**
 * Every statement of the passkeys aggregate. A credential is looked up with its user: another
 * user's credential id is no credential of this one.
 */
@Injectable()
export class WebAuthnCredentialsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Stores a new credential; 'exists' when its id was registered before (by anyone). */
  async insert(
    credential: Omit<WebAuthnCredentialRow, 'createdAt'>,
    at: Date,
  ): Promise<'created' | 'exists'> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO user_directory.webauthn_credentials
         (credential_id, pool_id, user_sub, public_key, sign_count, transports, attachment,
          relying_party_id, friendly_name, created_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10)
       ON CONFLICT (credential_id) DO NOTHING
       RETURNING credential_id`,
      [
        credential.credentialId,
        credential.poolId,
        credential.userSub,
        credential.publicKey,
        credential.signCount,
        JSON.stringify(credential.transports),
        credential.attachment,
        credential.relyingPartyId,
        credential.friendlyName,
        at,
      ],
    );
    return rows.length === 1 ? 'created' : 'exists';
  }

  /** A page of a user's credentials, oldest first, one more than `limit` when more follow. */
  async listOf(userSub: string, limit: number, after?: CredentialsCursor): Promise<WebAuthnCredentialRow[]> {
    const rows: Row[] = after
      ? await this.dataSource.query(
          `SELECT ${COLUMNS} FROM user_directory.webauthn_credentials
            WHERE user_sub = $1 AND (created_at, credential_id) > ($2, $3)
            ORDER BY created_at, credential_id LIMIT $4`,
          [userSub, after.createdAt, after.credentialId, limit + 1],
        )
      : await this.dataSource.query(
          `SELECT ${COLUMNS} FROM user_directory.webauthn_credentials WHERE user_sub = $1
            ORDER BY created_at, credential_id LIMIT $2`,
          [userSub, limit + 1],
        );
    return rows.map(toCredential);
  }

  /** The ids of all of a user's credentials (the excludeCredentials of a new registration). */
  async idsOf(userSub: string): Promise<{ credentialId: string; transports: string[] }[]> {
    const rows: { credential_id: string; transports: string[] }[] = await this.dataSource.query(
      `SELECT credential_id, transports FROM user_directory.webauthn_credentials WHERE user_sub = $1`,
      [userSub],
    );
    return rows.map((r) => ({ credentialId: r.credential_id, transports: r.transports }));
  }

  /** The user's credential of this id, or none (another user's is none). */
  async find(userSub: string, credentialId: string): Promise<WebAuthnCredentialRow | undefined> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM user_directory.webauthn_credentials WHERE user_sub = $1 AND credential_id = $2`,
      [userSub, credentialId],
    );
    return rows[0] ? toCredential(rows[0]) : undefined;
  }

  /**
   * Moves the sign counter from what the check read to what the assertion said; false when another
   * sign-in moved it meanwhile (of two uses of one counter value, one wins).
   */
  async advanceCounter(credentialId: string, from: number, to: number): Promise<boolean> {
    const [, count] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE user_directory.webauthn_credentials SET sign_count = $3
        WHERE credential_id = $1 AND sign_count = $2`,
      [credentialId, from, to],
    );
    return count === 1;
  }

  /** Deletes a credential of the user; false when the user has no such credential. */
  async delete(userSub: string, credentialId: string): Promise<boolean> {
    const [, count] = await this.dataSource.query<[unknown[], number]>(
      `DELETE FROM user_directory.webauthn_credentials WHERE user_sub = $1 AND credential_id = $2`,
      [userSub, credentialId],
    );
    return count === 1;
  }
}
