import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { StoredPasswordPolicy } from './password-policy';

interface PolicyRow {
  min_length: number;
  symbols: boolean;
  numbers: boolean;
  uppercase: boolean;
  lowercase: boolean;
  users_may_change: boolean;
  max_age_days: number | null;
  reuse_prevention: number | null;
  hard_expiry: boolean | null;
}

/** Counts of the account's IAM entities, for GetAccountSummary. */
export interface EntityCounts {
  users: number;
  groups: number;
  roles: number;
  policies: number;
  policyAttachments: number;
  providers: number;
  mfaDevices: number;
  mfaDevicesInUse: number;
  serverCertificates: number;
  instanceProfiles: number;
}

function changed(result: unknown): boolean {
  // An UPDATE or DELETE answers [rows, count] through TypeORM's PostgreSQL driver.
  return Array.isArray(result) && typeof result[1] === 'number' && result[1] > 0;
}

/**
 * Every query of the account's own IAM settings (ADR 0084): `credential_vending.account_password_policy`
 * and `account_aliases` (one row each at most), and the counts GetAccountSummary answers.
 */
@Injectable()
export class AccountSettingsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async passwordPolicy(tx: Transaction = this.dataSource.manager): Promise<StoredPasswordPolicy | undefined> {
    const [r] = await tx.query<PolicyRow[]>(`SELECT * FROM credential_vending.account_password_policy`);
    return r
      ? {
          minimumPasswordLength: r.min_length,
          requireSymbols: r.symbols,
          requireNumbers: r.numbers,
          requireUppercaseCharacters: r.uppercase,
          requireLowercaseCharacters: r.lowercase,
          allowUsersToChangePassword: r.users_may_change,
          maxPasswordAge: r.max_age_days,
          passwordReusePrevention: r.reuse_prevention,
          hardExpiry: r.hard_expiry,
        }
      : undefined;
  }

  /** Replaces the policy whole (one statement, so concurrent updates leave one of them). */
  async putPasswordPolicy(p: StoredPasswordPolicy, now: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO credential_vending.account_password_policy
         (singleton, min_length, symbols, numbers, uppercase,
          lowercase, users_may_change, max_age_days,
          reuse_prevention, hard_expiry, updated_at)
       VALUES (true, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (singleton) DO UPDATE SET
         min_length = EXCLUDED.min_length,
         symbols = EXCLUDED.symbols,
         numbers = EXCLUDED.numbers,
         uppercase = EXCLUDED.uppercase,
         lowercase = EXCLUDED.lowercase,
         users_may_change = EXCLUDED.users_may_change,
         max_age_days = EXCLUDED.max_age_days,
         reuse_prevention = EXCLUDED.reuse_prevention,
         hard_expiry = EXCLUDED.hard_expiry,
         updated_at = EXCLUDED.updated_at`,
      [
        p.minimumPasswordLength,
        p.requireSymbols,
        p.requireNumbers,
        p.requireUppercaseCharacters,
        p.requireLowercaseCharacters,
        p.allowUsersToChangePassword,
        p.maxPasswordAge,
        p.passwordReusePrevention,
        p.hardExpiry,
        now,
      ],
    );
  }

  async deletePasswordPolicy(): Promise<boolean> {
    return changed(await this.dataSource.query(`DELETE FROM credential_vending.account_password_policy`));
  }

  async alias(): Promise<string | undefined> {
    const [r] = await this.dataSource.query<{ account_alias: string }[]>(
      `SELECT account_alias FROM credential_vending.account_aliases`,
    );
    return r?.account_alias;
  }

  /** Sets the account's alias, replacing the one it had (one alias an account). */
  async putAlias(alias: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO credential_vending.account_aliases (singleton, account_alias, created_at)
       VALUES (true, $1, $2)
       ON CONFLICT (singleton) DO UPDATE SET account_alias = EXCLUDED.account_alias, created_at = EXCLUDED.created_at`,
      [alias, now],
    );
  }

  async deleteAlias(alias: string): Promise<boolean> {
    return changed(
      await this.dataSource.query(`DELETE FROM credential_vending.account_aliases WHERE account_alias = $1`, [
        alias,
      ]),
    );
  }

  /** The counts GetAccountSummary answers, read in one statement (one snapshot). */
  async counts(): Promise<EntityCounts> {
    const [r] = await this.dataSource.query<Record<keyof EntityCounts, string>[]>(
      `SELECT (SELECT count(*) FROM credential_vending.users) AS users,
              (SELECT count(*) FROM credential_vending.groups) AS groups,
              (SELECT count(*) FROM credential_vending.roles) AS roles,
              (SELECT count(*) FROM credential_vending.managed_policies) AS policies,
              (SELECT count(*) FROM credential_vending.user_policy_attachments)
                + (SELECT count(*) FROM credential_vending.group_policy_attachments)
                + (SELECT count(*) FROM credential_vending.role_policy_attachments) AS "policyAttachments",
              (SELECT count(*) FROM credential_vending.oidc_providers)
                + (SELECT count(*) FROM credential_vending.saml_providers) AS providers,
              (SELECT count(*) FROM credential_vending.mfa_devices) AS "mfaDevices",
              (SELECT count(*) FROM credential_vending.mfa_devices WHERE user_id IS NOT NULL) AS "mfaDevicesInUse",
              (SELECT count(*) FROM credential_vending.server_certificates) AS "serverCertificates",
              (SELECT count(*) FROM credential_vending.instance_profiles) AS "instanceProfiles"`,
    );
    return {
      users: Number(r.users),
      groups: Number(r.groups),
      roles: Number(r.roles),
      policies: Number(r.policies),
      policyAttachments: Number(r.policyAttachments),
      providers: Number(r.providers),
      mfaDevices: Number(r.mfaDevices),
      mfaDevicesInUse: Number(r.mfaDevicesInUse),
      serverCertificates: Number(r.serverCertificates),
      instanceProfiles: Number(r.instanceProfiles),
    };
  }
}
