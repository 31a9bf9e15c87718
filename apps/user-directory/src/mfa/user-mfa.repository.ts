import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { MfaFactor, UserMfaEntity } from '../database/entities';

// A pending secret becomes the user's software token only if it is still the one the code was
// checked against, and only with a time step later than any accepted before: of two concurrent
// verifications of one code, the second finds the step taken (or the pending secret gone) and
// changes nothing. Wrapped in a SELECT so the driver returns the rows, not a row count.
const ACTIVATE_PENDING = `
  WITH activated AS (
    UPDATE user_directory.user_mfa
       SET totp_secret_enc = totp_pending_enc,
           totp_pending_enc = NULL,
           totp_last_step = $3,
           totp_device_name = $4,
           totp_enabled = totp_enabled OR $5,
           preferred = CASE WHEN $5 THEN 'SOFTWARE_TOKEN_MFA' ELSE preferred END,
           updated_at = $6
     WHERE user_sub = $1 AND totp_pending_enc = $2
       AND (totp_last_step IS NULL OR totp_last_step < $3)
    RETURNING user_sub)
  SELECT user_sub FROM activated`;

// A sign-in's code: its step must be later than the last accepted one (RFC 6238 5.2: a code is
// not accepted twice), and the secret it was checked against must still be the user's.
const USE_STEP = `
  WITH used AS (
    UPDATE user_directory.user_mfa
       SET totp_last_step = $3
     WHERE user_sub = $1 AND totp_secret_enc = $2
       AND (totp_last_step IS NULL OR totp_last_step < $3)
    RETURNING user_sub)
  SELECT user_sub FROM used`;

const STORE_PENDING = `
  INSERT INTO user_directory.user_mfa (user_sub, totp_pending_enc, updated_at)
  VALUES ($1, $2, $3)
  ON CONFLICT (user_sub) DO UPDATE SET totp_pending_enc = EXCLUDED.totp_pending_enc, updated_at = EXCLUDED.updated_at`;

const SAVE_PREFERENCE = `
  INSERT INTO user_directory.user_mfa (user_sub, totp_enabled, sms_enabled, email_enabled, preferred, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (user_sub) DO UPDATE SET
    totp_enabled = EXCLUDED.totp_enabled, sms_enabled = EXCLUDED.sms_enabled,
    email_enabled = EXCLUDED.email_enabled, preferred = EXCLUDED.preferred, updated_at = EXCLUDED.updated_at`;

const DELETE_SOFTWARE_TOKEN = `
  UPDATE user_directory.user_mfa
     SET totp_secret_enc = NULL, totp_pending_enc = NULL, totp_enabled = false, totp_device_name = NULL,
         totp_last_step = NULL,
         preferred = CASE WHEN preferred = 'SOFTWARE_TOKEN_MFA' THEN NULL ELSE preferred END,
         updated_at = $2
   WHERE user_sub = $1`;

/** What SetUserMFAPreference changes on the row. */
export interface MfaPreferenceChanges {
  totpEnabled: boolean;
  smsEnabled: boolean;
  emailEnabled: boolean;
  preferred: MfaFactor | null;
}

/**
 * Every query of a user's MFA state (`user_directory.user_mfa`): the software token's sealed
 * secrets, whether it is enabled and preferred, and the last time step accepted, which the
 * statements here advance atomically so that a code is accepted at most once.
 */
@Injectable()
export class UserMfaRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async find(
    userSub: string,
    tx: Transaction = this.dataSource.manager,
    forUpdate = false,
  ): Promise<UserMfaEntity | undefined> {
    const row = await tx.findOne(UserMfaEntity, {
      where: { userSub },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return row ?? undefined;
  }

  /**
   * Whether the user has SMS and email MFA on, for ForgotPassword's recovery channel (ADR 0062):
   * exactly one row whether or not the user has an MFA row (both false then), so that a name
   * nobody has, read under a random sub, receives and reads what a user's read does (ADR 0068).
   */
  async recoveryMedia(userSub: string): Promise<{ sms: boolean; email: boolean }> {
    const [row] = await this.dataSource.query<{ sms: boolean; email: boolean }[]>(
      `SELECT coalesce(m.sms_enabled, false) AS sms, coalesce(m.email_enabled, false) AS email
         FROM (SELECT 1) AS one
         LEFT JOIN user_directory.user_mfa m ON m.user_sub = $1`,
      [userSub],
    );
    return { sms: row.sms, email: row.email };
  }

  /** A new secret handed out by AssociateSoftwareToken; the one verified before stays until it is replaced. */
  async storePending(userSub: string, pendingEnc: Buffer, now: Date): Promise<void> {
    await this.dataSource.query(STORE_PENDING, [userSub, pendingEnc, now]);
  }

  /**
   * Makes the pending secret the user's software token, with `step` as its first accepted code;
   * `enable` turns it on and makes it preferred (the MFA_SETUP of a pool that requires MFA).
   * 'stale' when the pending secret changed meanwhile or the step was accepted already.
   */
  async activatePending(
    userSub: string,
    pendingEnc: Buffer,
    step: number,
    deviceName: string | null,
    enable: boolean,
    now: Date,
  ): Promise<'activated' | 'stale'> {
    const rows: unknown[] = await this.dataSource.query(ACTIVATE_PENDING, [
      userSub,
      pendingEnc,
      step,
      deviceName,
      enable,
      now,
    ]);
    return rows.length === 1 ? 'activated' : 'stale';
  }

  /** Accepts a sign-in code's step: false when that step (or a later one) was accepted already. */
  async useStep(userSub: string, secretEnc: Buffer, step: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(USE_STEP, [userSub, secretEnc, step]);
    return rows.length === 1;
  }

  /** The factors on and the preferred one; creates the row of a user who had none (SMS, email). */
  async savePreference(
    userSub: string,
    changes: MfaPreferenceChanges,
    now: Date,
    tx: Transaction,
  ): Promise<void> {
    await tx.query(SAVE_PREFERENCE, [
      userSub,
      changes.totpEnabled,
      changes.smsEnabled,
      changes.emailEnabled,
      changes.preferred,
      now,
    ]);
  }

  /**
   * Forgets the user's software token, verified and pending (AdminDeleteSoftwareToken); its
   * preference goes with it, and its last accepted step: the next secret is a new random one, whose
   * codes no step of the old one's says anything about.
   */
  async deleteSoftwareToken(userSub: string, now: Date, tx: Transaction): Promise<void> {
    await tx.query(DELETE_SOFTWARE_TOKEN, [userSub, now]);
  }
}
