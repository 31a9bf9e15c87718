import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { ALONGSIDE_FIRST_PARAM, AlongsideStatement } from '../attempts/attempt-limiter';
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
   * `replace` as a statement to run beside AttemptLimiter's count (its `counted` row gates it), so
   * that counting a request and storing its code is one statement.
   */
  replaceAlongside(code: VerificationCodeEntity): AlongsideStatement {
    const p = ALONGSIDE_FIRST_PARAM;
    return {
      sql: `INSERT INTO user_directory.verification_codes (user_sub, purpose, code_hash, expires_at, created_at)
            SELECT $${p}::uuid, $${p + 1}, $${p + 2}, $${p + 3}::timestamptz, $${p + 4}::timestamptz FROM counted
            ON CONFLICT (user_sub, purpose) DO UPDATE SET
              code_hash = excluded.code_hash, expires_at = excluded.expires_at, created_at = excluded.created_at`,
      params: [code.userSub, code.purpose, code.codeHash, code.expiresAt, code.createdAt],
    };
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
