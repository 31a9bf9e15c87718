import { Transaction } from '@idfed/persistence';
import { IamArns } from '../common/arns';
import { CREDENTIAL_REPORT_COLUMNS, credentialReportCsv, ReportUser } from './credential-report.csv';
import {
  CREDENTIAL_REPORT_LIFETIME_MS,
  GenerateCredentialReportHandler,
  GetCredentialReportHandler,
} from './credential-report.handlers';
import { CredentialReportsRepository, StoredCredentialReport } from './credential-reports.repository';

const ACCOUNT = '123456789012';
const T0 = Date.parse('2026-01-02T03:04:05.678Z');
const at = (ms: number): Date => new Date(T0 + ms);
const HOUR = 60 * 60 * 1000;

const bare: ReportUser = {
  name: 'bare',
  arn: `arn:aws:iam::${ACCOUNT}:user/bare`,
  createdAt: at(0),
  passwordChangedAt: null,
  mfaActive: false,
  accessKeys: [],
  certificates: [],
};
const full: ReportUser = {
  name: 'full,name',
  arn: `arn:aws:iam::${ACCOUNT}:user/team/full,name`,
  createdAt: at(1000),
  passwordChangedAt: at(2000),
  mfaActive: true,
  accessKeys: [
    {
      status: 'Active',
      createdAt: at(3000),
      lastUsedAt: at(4000),
      lastUsedRegion: 'eu-west-1',
      lastUsedService: 'sts',
    },
    {
      status: 'Inactive',
      createdAt: at(5000),
      lastUsedAt: null,
      lastUsedRegion: null,
      lastUsedService: null,
    },
  ],
  certificates: [{ status: 'Inactive', uploadedAt: at(6000) }],
};

function parse(csv: string): Record<string, string>[] {
  // The test's own reader: split on commas outside quotes, unquote.
  const split = (line: string) =>
    [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)]
      .filter((m) => m.index < line.length || m[1] !== '')
      .map((m) => (m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1]));
  const [header, ...rows] = csv.split('\n');
  const names = split(header);
  return rows.map((row) => Object.fromEntries(split(row).map((v, i) => [names[i], v])));
}

describe('credential report CSV', () => {
  const csv = credentialReportCsv({
    accountId: ACCOUNT,
    rootCreatedAt: at(-HOUR),
    maxPasswordAgeDays: 90,
    users: [bare, full],
  });
  const [root, bareRow, fullRow] = parse(csv);

  it("has AWS's columns in AWS's order, then the root's row and one row per user", () => {
    expect(csv.split('\n')[0]).toBe(CREDENTIAL_REPORT_COLUMNS.join(','));
    expect(CREDENTIAL_REPORT_COLUMNS).toHaveLength(22);
    expect(csv.split('\n')).toHaveLength(4);
    for (const row of [root, bareRow, fullRow]) expect(Object.keys(row)).toHaveLength(22);
  });

  it('writes the root as <root_account>, not_supported where it has no password', () => {
    expect(root).toMatchObject({
      user: '<root_account>',
      arn: `arn:aws:iam::${ACCOUNT}:root`,
      user_creation_time: '2026-01-02T02:04:05+00:00',
      password_enabled: 'not_supported',
      password_last_changed: 'not_supported',
      password_next_rotation: 'not_supported',
      mfa_active: 'false',
      access_key_1_active: 'true',
      access_key_2_active: 'false',
      cert_1_active: 'false',
    });
  });

  it('writes N/A for what a user lacks', () => {
    expect(bareRow).toEqual({
      user: 'bare',
      arn: bare.arn,
      user_creation_time: '2026-01-02T03:04:05+00:00',
      password_enabled: 'false',
      password_last_used: 'N/A',
      password_last_changed: 'N/A',
      password_next_rotation: 'N/A',
      mfa_active: 'false',
      access_key_1_active: 'false',
      access_key_1_last_rotated: 'N/A',
      access_key_1_last_used_date: 'N/A',
      access_key_1_last_used_region: 'N/A',
      access_key_1_last_used_service: 'N/A',
      access_key_2_active: 'false',
      access_key_2_last_rotated: 'N/A',
      access_key_2_last_used_date: 'N/A',
      access_key_2_last_used_region: 'N/A',
      access_key_2_last_used_service: 'N/A',
      cert_1_active: 'false',
      cert_1_last_rotated: 'N/A',
      cert_2_active: 'false',
      cert_2_last_rotated: 'N/A',
    });
  });

  it("writes a user's password, rotation, MFA, keys oldest first and certificates, quoting a comma", () => {
    expect(fullRow).toEqual({
      user: 'full,name',
      arn: full.arn,
      user_creation_time: '2026-01-02T03:04:06+00:00',
      password_enabled: 'true',
      password_last_used: 'no_information',
      password_last_changed: '2026-01-02T03:04:07+00:00',
      password_next_rotation: '2026-04-02T03:04:07+00:00',
      mfa_active: 'true',
      access_key_1_active: 'true',
      access_key_1_last_rotated: '2026-01-02T03:04:08+00:00',
      access_key_1_last_used_date: '2026-01-02T03:04:09+00:00',
      access_key_1_last_used_region: 'eu-west-1',
      access_key_1_last_used_service: 'sts',
      access_key_2_active: 'false',
      access_key_2_last_rotated: '2026-01-02T03:04:10+00:00',
      access_key_2_last_used_date: 'N/A',
      access_key_2_last_used_region: 'N/A',
      access_key_2_last_used_service: 'N/A',
      cert_1_active: 'false',
      cert_1_last_rotated: '2026-01-02T03:04:11+00:00',
      cert_2_active: 'false',
      cert_2_last_rotated: 'N/A',
    });
    expect(csv).toContain('"full,name"');
  });

  it('has no next rotation without a MaxPasswordAge', () => {
    const [, , row] = parse(
      credentialReportCsv({
        accountId: ACCOUNT,
        rootCreatedAt: at(0),
        maxPasswordAgeDays: null,
        users: [bare, full],
      }),
    );
    expect(row.password_next_rotation).toBe('N/A');
    expect(row.password_last_changed).toBe('2026-01-02T03:04:07+00:00');
  });
});

describe('GenerateCredentialReport and GetCredentialReport', () => {
  function setUp() {
    let stored: StoredCredentialReport | undefined;
    let users: ReportUser[] = [bare];
    let now = T0;
    const tx = { tx: true } as unknown as Transaction;
    const mocks = {
      locked: jest.fn((work: (t: Transaction) => Promise<unknown>) => work(tx)),
      latest: jest.fn((_tx?: Transaction) => Promise.resolve(stored)),
      store: jest.fn((_tx: Transaction, r: StoredCredentialReport) => {
        stored = r;
        return Promise.resolve();
      }),
      input: jest.fn((_tx: Transaction) =>
        Promise.resolve({ rootCreatedAt: at(0), maxPasswordAgeDays: null, users }),
      ),
    };
    const reports = mocks as unknown as CredentialReportsRepository;
    const clock = () => now;
    return {
      generate: new GenerateCredentialReportHandler(reports, new IamArns(ACCOUNT), clock),
      get: new GetCredentialReportHandler(reports, clock),
      reports: mocks,
      setUsers: (u: ReportUser[]) => (users = u),
      advance: (ms: number) => (now += ms),
    };
  }
  const decode = (content: string) => Buffer.from(content, 'base64').toString('utf8');

  it('answers ReportNotPresent before any generation', async () => {
    const { get } = setUp();
    await expect(get.execute()).rejects.toMatchObject({ errorName: 'ReportNotPresent' });
  });

  it('answers STARTED for a new report, then the report base64 with its generation time', async () => {
    const { generate, get } = setUp();
    await expect(generate.execute()).resolves.toEqual({
      State: 'STARTED',
      Description: 'No report exists. Starting a new report generation task',
    });
    const report = await get.execute();
    expect(report.ReportFormat).toBe('text/csv');
    expect(report.GeneratedTime).toBe('2026-01-02T03:04:05Z');
    expect(decode(report.Content).split('\n')).toHaveLength(3);
  });

  it('reuses a report younger than four hours (COMPLETE), then generates a new one', async () => {
    const { generate, get, setUsers, advance, reports } = setUp();
    await generate.execute();
    setUsers([bare, full]);
    advance(CREDENTIAL_REPORT_LIFETIME_MS - 1);
    await expect(generate.execute()).resolves.toEqual({ State: 'COMPLETE' });
    expect(decode((await get.execute()).Content).split('\n')).toHaveLength(3);
    expect(reports.store).toHaveBeenCalledTimes(1);
    advance(1);
    await expect(generate.execute()).resolves.toMatchObject({ State: 'STARTED' });
    expect(decode((await get.execute()).Content).split('\n')).toHaveLength(4);
  });

  it('answers ReportExpired for a report four hours old', async () => {
    const { generate, get, advance } = setUp();
    await generate.execute();
    advance(CREDENTIAL_REPORT_LIFETIME_MS);
    await expect(get.execute()).rejects.toMatchObject({ errorName: 'ReportExpired' });
  });

  it('reads, decides and stores under the report lock', async () => {
    const { generate, reports } = setUp();
    await generate.execute();
    expect(reports.locked).toHaveBeenCalledTimes(1);
    expect(reports.latest.mock.calls[0][0]).toEqual({ tx: true });
    expect(reports.input.mock.calls[0][0]).toEqual({ tx: true });
  });
});
