import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { CodePurpose, VerificationCodeEntity } from '../database/entities';

/**
 * Every query of `user_directory.verification_codes`: at most one live code per user and purpose,
 * stored as its keyed digest. Codes go with their user (ON DELETE CASCADE).
 */
@Injectable()
export class VerificationCodesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Stores the code, replacing any earlier one of the same user and purpose. */
  async replace(code: VerificationCodeEntity, tx: Transaction = this.dataSource.manager): Promise<void> {
    await tx.upsert(VerificationCodeEntity, code, ['userSub', 'purpose']);
  }

  /**
   * `replace` for a code stored after the answer (BackgroundDelivery): it replaces only an earlier
   * code, so that of two requests whose background writes land out of order, the newer code stays.
   */
  async replaceUnlessNewer(code: VerificationCodeEntity): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO user_directory.verification_codes AS c (user_sub, purpose, code_hash, expires_at, created_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_sub, purpose) DO UPDATE SET
         code_hash = excluded.code_hash, expires_at = excluded.expires_at, created_at = excluded.created_at
       WHERE c.created_at <= excluded.created_at`,
      [code.userSub, code.purpose, code.codeHash, code.expiresAt, code.createdAt],
    );
  }

  /**
   * Whether the user's code for `purpose` is live at `now` and has this digest, read without a
   * lock, as exactly one row of two booleans whether or not there is a code: a check for a name
   * nobody has receives and reads the same answer as a user's (ADR 0068). The digests are keyed
   * (CodeDigest), so comparing them in SQL tells a guesser nothing about the code.
   */
  async compare(
    userSub: string,
    purpose: CodePurpose,
    codeHash: string,
    now: Date,
  ): Promise<{ live: boolean; same: boolean }> {
    const [row] = await this.dataSource.query<{ live: boolean; same: boolean }[]>(
      `SELECT (c.user_sub IS NOT NULL AND c.expires_at >= $4::timestamptz) AS live,
              coalesce(c.code_hash = $3, false) AS same
         FROM (SELECT 1) AS one
         LEFT JOIN user_directory.verification_codes c ON c.user_sub = $1 AND c.purpose = $2`,
      [userSub, purpose, codeHash, now],
    );
    return row;
  }

  /** The user's code for `purpose`, expired or not; read without a lock. */
  async find(
    userSub: string,
    purpose: CodePurpose,
    tx: Transaction = this.dataSource.manager,
  ): Promise<VerificationCodeEntity | undefined> {
    return (await tx.findOne(VerificationCodeEntity, { where: { userSub, purpose } })) ?? undefined;
  }

  /**
   * Deletes the code if it is still the one with this digest and not expired at `now`: true for the
   * one transaction that took it, false for every other (a code changes state once).
   */
  async consume(
    userSub: string,
    purpose: CodePurpose,
    codeHash: string,
    now: Date,
    tx: Transaction,
  ): Promise<boolean> {
    const result = await tx
      .createQueryBuilder()
      .delete()
      .from(VerificationCodeEntity)
      .where('user_sub = :userSub AND purpose = :purpose AND code_hash = :codeHash AND expires_at >= :now', {
        userSub,
        purpose,
        codeHash,
        now,
      })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Forgets the user's code for `purpose`, if any. */
  async delete(userSub: string, purpose: CodePurpose, tx: Transaction): Promise<void> {
    await tx.delete(VerificationCodeEntity, { userSub, purpose });
  }
}
