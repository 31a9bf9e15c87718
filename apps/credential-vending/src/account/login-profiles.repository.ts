import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';

/** A user's login profile as stored: the password only as a sealed hash (LoginPasswords). */
export interface StoredLoginProfile {
  userId: string;
  passwordHashEnc: Buffer;
  /** The hashes of the passwords it replaced, newest first (PasswordReusePrevention). */
  previousPasswordHashesEnc: Buffer[];
  passwordResetRequired: boolean;
  maxSigninSessionDuration: number | null;
  createdAt: Date;
  passwordChangedAt: Date;
}

interface LoginProfileRow {
  user_id: string;
  password_hash_enc: Buffer;
  previous_hashes_enc: Buffer[];
  password_reset_required: boolean;
  max_signin_session_duration: number | null;
  created_at: Date;
  password_changed_at: Date;
}

const profileOf = (r: LoginProfileRow): StoredLoginProfile => ({
  userId: r.user_id,
  passwordHashEnc: r.password_hash_enc,
  previousPasswordHashesEnc: r.previous_hashes_enc ?? [],
  passwordResetRequired: r.password_reset_required,
  maxSigninSessionDuration: r.max_signin_session_duration,
  createdAt: r.created_at,
  passwordChangedAt: r.password_changed_at,
});

/** At most this many replaced hashes are kept: IAM's PasswordReusePrevention is 24 at most. */
export const KEPT_PREVIOUS_PASSWORDS = 23;

/** Every query of `credential_vending.login_profiles` (ADR 0084). */
@Injectable()
export class LoginProfilesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async find(
    userId: string,
    tx: Transaction = this.dataSource.manager,
    forUpdate = false,
  ): Promise<StoredLoginProfile | undefined> {
    const rows = await tx.query<LoginProfileRow[]>(
      `SELECT * FROM credential_vending.login_profiles WHERE user_id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [userId],
    );
    return rows[0] ? profileOf(rows[0]) : undefined;
  }

  async exists(userId: string, tx: Transaction): Promise<boolean> {
    const rows = await tx.query<unknown[]>(
      `SELECT 1 FROM credential_vending.login_profiles WHERE user_id = $1`,
      [userId],
    );
    return rows.length > 0;
  }

  /** Inserts unless the user has one already ('exists', nothing written). */
  async insert(p: StoredLoginProfile, tx: Transaction): Promise<'created' | 'exists'> {
    const rows = await tx.query<unknown[]>(
      `INSERT INTO credential_vending.login_profiles
         (user_id, password_hash_enc, password_reset_required, max_signin_session_duration, created_at, password_changed_at)
       VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (user_id) DO NOTHING RETURNING user_id`,
      [p.userId, p.passwordHashEnc, p.passwordResetRequired, p.maxSigninSessionDuration, p.createdAt],
    );
    return rows.length ? 'created' : 'exists';
  }

  /** Writes every mutable column of a profile read under its row lock. */
  async update(p: StoredLoginProfile, tx: Transaction): Promise<void> {
    await tx.query(
      `UPDATE credential_vending.login_profiles
          SET password_hash_enc = $2, previous_hashes_enc = $3, password_reset_required = $4,
              max_signin_session_duration = $5, password_changed_at = $6
        WHERE user_id = $1`,
      [
        p.userId,
        p.passwordHashEnc,
        p.previousPasswordHashesEnc.slice(0, KEPT_PREVIOUS_PASSWORDS),
        p.passwordResetRequired,
        p.maxSigninSessionDuration,
        p.passwordChangedAt,
      ],
    );
  }

  async delete(userId: string, tx: Transaction): Promise<boolean> {
    // An UPDATE or DELETE answers [rows, count] through TypeORM's PostgreSQL driver.
    const result: unknown = await tx.query(
      `DELETE FROM credential_vending.login_profiles WHERE user_id = $1`,
      [userId],
    );
    return Array.isArray(result) && typeof result[1] === 'number' && result[1] > 0;
  }
}
