import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { CredentialReportInput, ReportUser } from './credential-report.csv';

export interface StoredCredentialReport {
  content: string;
  generatedAt: Date;
}

interface InputRow {
  root_created_at: Date;
  max_age_days: number | null;
  users: {
    name: string;
    arn: string;
    createdAt: string;
    passwordChangedAt: string | null;
    mfaActive: boolean;
    accessKeys: {
      status: string;
      createdAt: string;
      lastUsedAt: string | null;
      lastUsedRegion: string | null;
      lastUsedService: string | null;
    }[];
    certificates: { status: string; uploadedAt: string }[];
  }[];
}

const date = (iso: string): Date => new Date(iso);

/**
 * `credential_vending.credential_reports` (ADR 0093): the account's last credential report, one
 * row at most, and the one-statement read of what a report is computed from.
 */
@Injectable()
export class CredentialReportsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in a transaction holding the account's report lock, so racing generations on any
   * replica compute one report after another and the second finds the first's.
   */
  locked<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('credential_vending.credential_reports'))`);
      return work(tx);
    });
  }

  async latest(tx: Transaction = this.dataSource.manager): Promise<StoredCredentialReport | undefined> {
    const [r] = await tx.query<{ content: string; generated_at: Date }[]>(
      `SELECT content, generated_at FROM credential_vending.credential_reports`,
    );
    return r ? { content: r.content, generatedAt: r.generated_at } : undefined;
  }

  async store(tx: Transaction, report: StoredCredentialReport): Promise<void> {
    await tx.query(
      `INSERT INTO credential_vending.credential_reports (singleton, content, generated_at)
       VALUES (true, $1, $2)
       ON CONFLICT (singleton) DO UPDATE SET content = EXCLUDED.content, generated_at = EXCLUDED.generated_at`,
      [report.content, report.generatedAt],
    );
  }

  /**
   * Every IAM user with its login profile's last change, whether an MFA device is enabled for it,
   * its access keys and signing certificates (oldest first), the root's creation and the password
   * policy's MaxPasswordAge: one statement, so one snapshot. No secret column is read.
   */
  async input(tx: Transaction): Promise<Omit<CredentialReportInput, 'accountId'>> {
    const [r] = await tx.query<InputRow[]>(
      `SELECT (SELECT created_at FROM credential_vending.account_root) AS root_created_at,
              (SELECT max_age_days FROM credential_vending.account_password_policy) AS max_age_days,
              COALESCE((
                SELECT json_agg(json_build_object(
                         'name', u.name,
                         'arn', u.arn,
                         'createdAt', u.created_at,
                         'passwordChangedAt', lp.password_changed_at,
                         'mfaActive', EXISTS (SELECT 1 FROM credential_vending.mfa_devices m WHERE m.user_id = u.user_id),
                         'accessKeys', COALESCE((
                           SELECT json_agg(json_build_object(
                                    'status', k.status,
                                    'createdAt', k.created_at,
                                    'lastUsedAt', k.last_used_at,
                                    'lastUsedRegion', k.last_used_region,
                                    'lastUsedService', k.last_used_service)
                                  ORDER BY k.created_at, k.access_key_id)
                             FROM credential_vending.access_keys k WHERE k.user_id = u.user_id), '[]'::json),
                         'certificates', COALESCE((
                           SELECT json_agg(json_build_object('status', c.status, 'uploadedAt', c.uploaded_at)
                                  ORDER BY c.uploaded_at, c.certificate_id)
                             FROM credential_vending.signing_certificates c WHERE c.user_id = u.user_id), '[]'::json))
                       ORDER BY u.name_key)
                  FROM credential_vending.users u
                  LEFT JOIN credential_vending.login_profiles lp ON lp.user_id = u.user_id), '[]'::json) AS users`,
    );
    return {
      rootCreatedAt: r.root_created_at,
      maxPasswordAgeDays: r.max_age_days,
      users: r.users.map((u): ReportUser => ({
        name: u.name,
        arn: u.arn,
        createdAt: date(u.createdAt),
        passwordChangedAt: u.passwordChangedAt ? date(u.passwordChangedAt) : null,
        mfaActive: u.mfaActive,
        accessKeys: u.accessKeys.map((k) => ({
          status: k.status,
          createdAt: date(k.createdAt),
          lastUsedAt: k.lastUsedAt ? date(k.lastUsedAt) : null,
          lastUsedRegion: k.lastUsedRegion,
          lastUsedService: k.lastUsedService,
        })),
        certificates: u.certificates.map((c) => ({ status: c.status, uploadedAt: date(c.uploadedAt) })),
      })),
    };
  }
}
