import {
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  GenerateCredentialReportCommand,
  GetAccessKeyLastUsedCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  GetLoginProfileCommand,
  IAMClient,
  SetSecurityTokenServicePreferencesCommand,
  UpdateAccessKeyCommand,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { Client } from 'pg';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { eventually } from '../libs/testing/src/eventually';
import { e2eSystem } from './support/e2e-context';
import { iamUserWithKey } from './support/iam-principals';
import { ensureBoto3, runPython } from './support/python-clients';
import { databaseUrlOf } from './support/secret-scan';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';
const COLUMNS =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,' +
  'password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,' +
  'access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,' +
  'access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,' +
  'access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,' +
  'cert_2_active,cert_2_last_rotated';
type Creds = { accessKeyId: string; secretAccessKey: string };

/**
 * IAM GenerateCredentialReport and GetCredentialReport (ADR 0093) with @aws-sdk/client-iam, as
 * the IAM User Guide ("Getting credential reports") describes them: a CSV, base64 in `Content`,
 * with a `<root_account>` row and one row per IAM user; a report is reused for four hours. The
 * report is the account's one: the tests age it in the database (four hours are not waited for)
 * to have one generated with the users they made.
 */
describe('IAM credential reports', () => {
  const system = e2eSystem();
  const admin: Creds = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const clients: { destroy(): void }[] = [];
  const iamAs = (credentials: Creds) => {
    const c = new IAMClient({ region: REGION, endpoint: system.endpoint, credentials, maxAttempts: 1 });
    clients.push(c);
    return c;
  };
  const iam = iamAs(admin);
  const unique = () => randomBytes(4).toString('hex');
  let db: Client;

  beforeAll(async () => {
    db = new Client({ connectionString: databaseUrlOf(system) });
    await db.connect();
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await db.end();
  });

  /** Four hours pass for the stored report (the only thing the test moves in the database). */
  const ageReport = () =>
    db.query(
      `UPDATE credential_vending.credential_reports SET generated_at = generated_at - interval '4 hours'`,
    );

  function rowsOf(content: Uint8Array): { header: string; rows: Map<string, Record<string, string>> } {
    const [header, ...lines] = Buffer.from(content).toString('utf8').split('\n');
    const names = header.split(',');
    // The names used here hold no comma, so a plain split reads the rows.
    const rows = new Map(
      lines.map((line) => {
        const row = Object.fromEntries(line.split(',').map((v, i) => [names[i], v]));
        return [row.user, row];
      }),
    );
    return { header, rows };
  }

  /** A new report, generated after the one there is aged out. */
  async function freshReport() {
    await ageReport();
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe('STARTED');
    const report = await iam.send(new GetCredentialReportCommand({}));
    expect(report.ReportFormat).toBe('text/csv');
    return { ...rowsOf(report.Content!), generatedTime: report.GeneratedTime! };
  }

  it('answers ReportNotPresent before any generation, then STARTED, COMPLETE within four hours', async () => {
    await db.query(`DELETE FROM credential_vending.credential_reports`);
    await expectAwsError(iam.send(new GetCredentialReportCommand({})), 'CredentialReportNotPresentException');
    expect(await iam.send(new GenerateCredentialReportCommand({}))).toMatchObject({
      State: 'STARTED',
      Description: 'No report exists. Starting a new report generation task',
    });
    const first = await iam.send(new GetCredentialReportCommand({}));
    // A user made now is not in the report reused for four hours.
    const later = `late-${unique()}`;
    await iam.send(new CreateUserCommand({ UserName: later }));
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe('COMPLETE');
    const again = await iam.send(new GetCredentialReportCommand({}));
    expect(again.GeneratedTime).toEqual(first.GeneratedTime);
    expect(rowsOf(again.Content!).rows.has(later)).toBe(false);
    await ageReport();
    await expectAwsError(iam.send(new GetCredentialReportCommand({})), 'CredentialReportExpiredException');
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe('STARTED');
    expect(rowsOf((await iam.send(new GetCredentialReportCommand({}))).Content!).rows.has(later)).toBe(true);
  });

  it("writes AWS's header, the root's row and each user's password, MFA and keys", async () => {
    await iam.send(new UpdateAccountPasswordPolicyCommand({ MaxPasswordAge: 30 }));
    const bare = `bare-${unique()}`;
    await iam.send(new CreateUserCommand({ UserName: bare }));
    const full = await iamUserWithKey(iam, { prefix: 'full' });
    const password = `Pw-${randomBytes(9).toString('hex')}!A`;
    await iam.send(new CreateLoginProfileCommand({ UserName: full.UserName, Password: password }));
    const second = (await iam.send(new CreateAccessKeyCommand({ UserName: full.UserName }))).AccessKey!;
    await iam.send(
      new UpdateAccessKeyCommand({
        UserName: full.UserName,
        AccessKeyId: second.AccessKeyId!,
        Status: 'Inactive',
      }),
    );
    const { VirtualMFADevice } = await iam.send(
      new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: `rep-${unique()}` }),
    );
    const totp = new TOTP({
      secret: Secret.fromBase32(new TextDecoder().decode(VirtualMFADevice!.Base32StringSeed)),
    });
    const code = (steps: number) => totp.generate({ timestamp: Date.now() + steps * 30_000 });
    await iam.send(
      new EnableMFADeviceCommand({
        UserName: full.UserName,
        SerialNumber: VirtualMFADevice!.SerialNumber!,
        AuthenticationCode1: code(-1),
        AuthenticationCode2: code(0),
      }),
    );
    const sts = new STSClient({
      region: REGION,
      endpoint: system.endpoint,
      credentials: full.credentials,
      maxAttempts: 1,
    });
    clients.push(sts);
    await sts.send(new GetCallerIdentityCommand({}));
    const used = await eventually(async () => {
      const answer = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: full.accessKeyId }));
      expect(answer.AccessKeyLastUsed!.LastUsedDate).toBeInstanceOf(Date);
      return answer.AccessKeyLastUsed!;
    });
    const changed = (await iam.send(new GetLoginProfileCommand({ UserName: full.UserName }))).LoginProfile!
      .CreateDate!;

    const { header, rows } = await freshReport();
    expect(header).toBe(COLUMNS);
    const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, '+00:00');
    expect(rows.get('<root_account>')).toMatchObject({
      arn: `arn:aws:iam::${ACCOUNT}:root`,
      password_enabled: 'not_supported',
      access_key_1_active: 'true',
    });
    expect(rows.get(bare)).toMatchObject({
      arn: `arn:aws:iam::${ACCOUNT}:user/${bare}`,
      password_enabled: 'false',
      password_last_changed: 'N/A',
      mfa_active: 'false',
      access_key_1_active: 'false',
      access_key_1_last_rotated: 'N/A',
      access_key_2_active: 'false',
      cert_1_active: 'false',
    });
    const row = rows.get(full.UserName)!;
    expect(row).toMatchObject({
      arn: full.arn,
      password_enabled: 'true',
      password_last_used: 'no_information',
      password_last_changed: iso(changed),
      password_next_rotation: iso(new Date(changed.getTime() + 30 * 86_400_000)),
      mfa_active: 'true',
      access_key_1_active: 'true',
      access_key_1_last_used_date: iso(used.LastUsedDate!),
      access_key_1_last_used_region: used.Region,
      access_key_1_last_used_service: used.ServiceName,
      access_key_2_active: 'false',
      access_key_2_last_used_date: 'N/A',
    });
    expect(row.access_key_2_last_rotated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    // No secret of the user in the report.
    const text = [...rows.values()].map((r) => Object.values(r).join(',')).join('\n');
    for (const secret of [password, full.credentials.secretAccessKey, second.SecretAccessKey!]) {
      expect(text).not.toContain(secret);
    }
  });

  it('refuses a caller without the permission and one with a forged or no signature', async () => {
    const denied = await iamUserWithKey(iam, { prefix: 'rep-denied' });
    const client = iamAs(denied.credentials);
    await expectAwsError(client.send(new GenerateCredentialReportCommand({})), 'AccessDenied');
    await expectAwsError(client.send(new GetCredentialReportCommand({})), 'AccessDenied');
    const allowed = await iamUserWithKey(iam, {
      prefix: 'rep-allowed',
      statements: [
        {
          Effect: 'Allow',
          Action: ['iam:GenerateCredentialReport', 'iam:GetCredentialReport'],
          Resource: '*',
        },
      ],
    });
    const auditor = iamAs(allowed.credentials);
    await auditor.send(new GenerateCredentialReportCommand({}));
    expect((await auditor.send(new GetCredentialReportCommand({}))).ReportFormat).toBe('text/csv');

    const forged = iamAs({
      accessKeyId: allowed.accessKeyId,
      secretAccessKey: `${allowed.credentials.secretAccessKey}x`,
    });
    await expectAwsError(forged.send(new GetCredentialReportCommand({})), 'SignatureDoesNotMatch');
    const res = await fetch(`${system.endpoint}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ Action: 'GetCredentialReport', Version: '2010-05-08' }).toString(),
    });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('<Content>');
  });

  describe('SetSecurityTokenServicePreferences', () => {
    it("is answered by GetAccountSummary's GlobalEndpointTokenVersion; a bad version is refused", async () => {
      const version = async () =>
        (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap!.GlobalEndpointTokenVersion;
      try {
        await iam.send(
          new SetSecurityTokenServicePreferencesCommand({ GlobalEndpointTokenVersion: 'v2Token' }),
        );
        expect(await version()).toBe(2);
        await expectAwsError(
          iam.send(
            new SetSecurityTokenServicePreferencesCommand({
              GlobalEndpointTokenVersion: 'v3Token' as 'v1Token',
            }),
          ),
          'ValidationError',
        );
        expect(await version()).toBe(2);
        const denied = iamAs((await iamUserWithKey(iam, { prefix: 'sts-pref' })).credentials);
        await expectAwsError(
          denied.send(
            new SetSecurityTokenServicePreferencesCommand({ GlobalEndpointTokenVersion: 'v1Token' }),
          ),
          'AccessDenied',
        );
        expect(await version()).toBe(2);
        await iam.send(
          new SetSecurityTokenServicePreferencesCommand({ GlobalEndpointTokenVersion: 'v1Token' }),
        );
        expect(await version()).toBe(1);
      } finally {
        // The account's default again, for the specs that read the summary.
        await iam.send(
          new SetSecurityTokenServicePreferencesCommand({ GlobalEndpointTokenVersion: 'v1Token' }),
        );
      }
    });
  });

  describe('with boto3', () => {
    it('generates and reads the report as botocore does', () => {
      ensureBoto3();
      const run = runPython<{
        states: string[];
        format: string;
        header: string;
      }>('iam_credential_report_flow.py', {
        IDFED_ENDPOINT: system.endpoint,
        IDFED_ADMIN_ACCESS_KEY_ID: system.adminAccessKeyId,
        IDFED_ADMIN_SECRET_ACCESS_KEY: system.adminSecretAccessKey,
      });
      expect(['STARTED', 'COMPLETE']).toContain(run.states[0]);
      expect(run.states[1]).toBe('COMPLETE');
      expect(run.format).toBe('text/csv');
      expect(run.header).toBe(COLUMNS);
    });
  });
});
