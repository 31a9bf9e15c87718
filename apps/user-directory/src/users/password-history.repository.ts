import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';

/** A password a user had before: the stored form it had while it was theirs. */
export interface PreviousPassword {
  passwordHash: string | null;
  srpSalt: string | null;
  srpVerifierEnc: Buffer | null;
}

interface Row {
  password_hash: string | null;
  srp_salt: string | null;
  srp_verifier_enc: Buffer | null;
}

/** Every statement of `user_directory.password_history` (ADR 0057). */
@Injectable()
export class PasswordHistoryRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The user's `limit` most recently replaced passwords, newest first. */
  async recent(userSub: string, limit: number): Promise<PreviousPassword[]> {
    if (limit <= 0) return [];
    const rows: Row[] = await this.dataSource.query(
      `SELECT password_hash, srp_salt, srp_verifier_enc FROM user_directory.password_history
        WHERE user_sub = $1 ORDER BY id DESC LIMIT $2`,
      [userSub, limit],
    );
    return rows.map((r) => ({
      passwordHash: r.password_hash,
      srpSalt: r.srp_salt,
      srpVerifierEnc: r.srp_verifier_enc,
    }));
  }

  /**
   * Adds the password being replaced (when `keep` is above 0) and drops all but the user's `keep`
   * newest: a pool that lowered its history size, or set it to 0, keeps no more than it asks for.
   */
  async add(
    userSub: string,
    poolId: string,
    replaced: PreviousPassword,
    keep: number,
    at: Date,
    tx: Transaction,
  ): Promise<void> {
    if (keep > 0) {
      await tx.query(
        `INSERT INTO user_directory.password_history
           (user_sub, pool_id, password_hash, srp_salt, srp_verifier_enc, replaced_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [userSub, poolId, replaced.passwordHash, replaced.srpSalt, replaced.srpVerifierEnc, at],
      );
    }
    await tx.query(
      `DELETE FROM user_directory.password_history
        WHERE user_sub = $1 AND id NOT IN (
          SELECT id FROM user_directory.password_history WHERE user_sub = $1 ORDER BY id DESC LIMIT $2)`,
      [userSub, Math.max(keep, 0)],
    );
  }
}
