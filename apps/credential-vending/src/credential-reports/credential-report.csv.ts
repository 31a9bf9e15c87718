/**
 * The credential report's CSV (IAM User Guide, "Getting credential reports"): these columns in
 * this order, one row for the account root (`<root_account>`) then one per IAM user. It carries
 * facts about credentials, never a credential: no secret, hash or seed is among its inputs.
 */
export const CREDENTIAL_REPORT_COLUMNS = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'password_last_changed',
  'password_next_rotation',
  'mfa_active',
  'access_key_1_active',
  'access_key_1_last_rotated',
  'access_key_1_last_used_date',
  'access_key_1_last_used_region',
  'access_key_1_last_used_service',
  'access_key_2_active',
  'access_key_2_last_rotated',
  'access_key_2_last_used_date',
  'access_key_2_last_used_region',
  'access_key_2_last_used_service',
  'cert_1_active',
  'cert_1_last_rotated',
  'cert_2_active',
  'cert_2_last_rotated',
] as const;

export interface ReportAccessKey {
  status: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  lastUsedRegion: string | null;
  lastUsedService: string | null;
}
export interface ReportCertificate {
  status: string;
  uploadedAt: Date;
}
export interface ReportUser {
  name: string;
  arn: string;
  createdAt: Date;
  /** When the login profile's password was last set; null without a login profile. */
  passwordChangedAt: Date | null;
  mfaActive: boolean;
  /** Oldest first: the first is `access_key_1`. */
  accessKeys: ReportAccessKey[];
  /** Oldest first: the first is `cert_1`. */
  certificates: ReportCertificate[];
}
/** What one report is computed from, read in one snapshot. */
export interface CredentialReportInput {
  accountId: string;
  rootCreatedAt: Date;
  /** The account password policy's MaxPasswordAge (days); null without a policy or an expiry. */
  maxPasswordAgeDays: number | null;
  users: ReportUser[];
}

const NA = 'N/A';
const DAY_MS = 24 * 60 * 60 * 1000;

/** ISO 8601 as the report writes it: whole seconds, `+00:00`. */
export function reportTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** RFC 4180: a field with a comma, quote or line break is quoted (IAM names may hold commas). */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function keyColumns(key: ReportAccessKey | undefined): string[] {
  if (!key) return ['false', NA, NA, NA, NA];
  return [
    String(key.status === 'Active'),
    reportTime(key.createdAt),
    key.lastUsedAt ? reportTime(key.lastUsedAt) : NA,
    key.lastUsedAt ? (key.lastUsedRegion ?? NA) : NA,
    key.lastUsedAt ? (key.lastUsedService ?? NA) : NA,
  ];
}

function certColumns(cert: ReportCertificate | undefined): string[] {
  return cert ? [String(cert.status === 'Active'), reportTime(cert.uploadedAt)] : ['false', NA];
}

function userRow(u: ReportUser, maxPasswordAgeDays: number | null): string[] {
  const changed = u.passwordChangedAt;
  return [
    u.name,
    u.arn,
    reportTime(u.createdAt),
    String(changed !== null),
    // idfed has no console sign-in: a password is never used, so there is no sign-in to report.
    changed ? 'no_information' : NA,
    changed ? reportTime(changed) : NA,
    changed && maxPasswordAgeDays
      ? reportTime(new Date(changed.getTime() + maxPasswordAgeDays * DAY_MS))
      : NA,
    String(u.mfaActive),
    ...keyColumns(u.accessKeys[0]),
    ...keyColumns(u.accessKeys[1]),
    ...certColumns(u.certificates[0]),
    ...certColumns(u.certificates[1]),
  ];
}

/**
 * The account root's row: no password (`not_supported` where AWS writes it for the root), no MFA,
 * one active access key (idfed's admin key, the root's; when it was set and last used is not
 * recorded), no signing certificate.
 */
function rootRow(input: CredentialReportInput): string[] {
  return [
    '<root_account>',
    `arn:aws:iam::${input.accountId}:root`,
    reportTime(input.rootCreatedAt),
    'not_supported',
    NA,
    'not_supported',
    'not_supported',
    'false',
    'true',
    NA,
    NA,
    NA,
    NA,
    'false',
    NA,
    NA,
    NA,
    NA,
    'false',
    NA,
    'false',
    NA,
  ];
}

/** The report's text: the header, the root's row, then the users' rows in the order given. */
export function credentialReportCsv(input: CredentialReportInput): string {
  const rows = [
    [...CREDENTIAL_REPORT_COLUMNS],
    rootRow(input),
    ...input.users.map((u) => userRow(u, input.maxPasswordAgeDays)),
  ];
  return rows.map((r) => r.map(field).join(',')).join('\n');
}
