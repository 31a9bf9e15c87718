import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * IAM account settings and console passwords (ADR 0084): the account's password policy and alias
 * (one row each at most), users' login profiles (the password an argon2id hash, sealed, and the
 * hashes it replaced for PasswordReusePrevention; a user with one cannot be deleted: no cascade), and the failed-attempt counters of guessable secrets
 * (a virtual MFA device's codes, a user's password given to ChangePassword).
 */
export class IamAccountSettingsAndLogins1764201601500 implements MigrationInterface {
  name = 'IamAccountSettingsAndLogins1764201601500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credential_vending.account_password_policy (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        min_length integer NOT NULL,
        symbols boolean NOT NULL,
        numbers boolean NOT NULL,
        uppercase boolean NOT NULL,
        lowercase boolean NOT NULL,
        users_may_change boolean NOT NULL,
        max_age_days integer,
        reuse_prevention integer,
        hard_expiry boolean,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE credential_vending.account_aliases (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        account_alias text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE credential_vending.login_profiles (
        user_id text PRIMARY KEY REFERENCES credential_vending.users (user_id),
        password_hash_enc bytea NOT NULL,
        previous_hashes_enc bytea[] NOT NULL DEFAULT '{}',
        password_reset_required boolean NOT NULL,
        max_signin_session_duration integer,
        created_at timestamptz NOT NULL,
        password_changed_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE credential_vending.attempt_counters (
        subject text NOT NULL,
        flow text NOT NULL,
        failures integer NOT NULL,
        locked_until timestamptz,
        last_failure_at timestamptz NOT NULL,
        PRIMARY KEY (subject, flow)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credential_vending.attempt_counters`);
    await q.query(`DROP TABLE credential_vending.login_profiles`);
    await q.query(`DROP TABLE credential_vending.account_aliases`);
    await q.query(`DROP TABLE credential_vending.account_password_policy`);
  }
}
