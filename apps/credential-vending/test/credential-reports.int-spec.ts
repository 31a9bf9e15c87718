import { randomBytes, randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { IamArns } from '../src/common/arns';
import { CLOCK } from '../src/common/clock';
import { newUserId } from '../src/common/ids';
import {
  GenerateCredentialReportHandler,
  GetCredentialReportHandler,
} from '../src/credential-reports/credential-report.handlers';
import { StoredUser, UsersRepository } from '../src/users/users.repository';
import { ACCOUNT, createServiceDatabase, serviceModule, ServiceDatabase } from './support/service-database';

const arns = new IamArns(ACCOUNT);

/**
 * ADR 0093 on a real PostgreSQL: the one-statement read a report is made from (a user's keys
 * oldest first, its login profile and MFA device, the policy's MaxPasswordAge), racing
 * generations making one report, and the four-hour lifetime with a moved clock.
 */
describe('IAM credential reports on PostgreSQL', () => {
  let db: ServiceDatabase;
  let module: TestingModule;
  let now = Date.parse('2030-01-01T00:00:00Z');

  beforeAll(async () => {
    db = await createServiceDatabase();
    module = await serviceModule(db.ds, [{ provide: CLOCK, useValue: () => now }]);
  });
  afterAll(async () => {
    await module?.close();
    await db?.drop();
  });

  async function newUser(): Promise<StoredUser> {
    const name = `user-${randomUUID().slice(0, 8)}`;
    const u: StoredUser = {
      userId: newUserId(),
      name,
      nameKey: name.toLowerCase(),
      path: '/',
      arn: arns.user('/', name),
      permissionsBoundary: null,
      tags: [],
      createdAt: new Date('2029-12-01T00:00:00Z'),
      updatedAt: new Date('2029-12-01T00:00:00Z'),
    };
    await module.get(UsersRepository).insert(u);
    return u;
  }

  const report = async () => {
    const answer = await module.get(GetCredentialReportHandler).execute();
    const [header, ...lines] = Buffer.from(answer.Content, 'base64').toString('utf8').split('\n');
    const names = header.split(',');
    return new Map(
      lines.map((l) => {
        const row = Object.fromEntries(l.split(',').map((v, i) => [names[i], v]));
        return [row.user, row];
      }),
    );
  };

  it('makes one report of racing generations, reused for four hours, then replaced', async () => {
    const generate = module.get(GenerateCredentialReportHandler);
    const states = await Promise.all(Array.from({ length: 8 }, () => generate.execute()));
    expect(states.filter((s) => s.State === 'STARTED')).toHaveLength(1);
    expect(states.filter((s) => s.State === 'COMPLETE')).toHaveLength(7);
    const [{ count }] = await db.ds.query<{ count: string }[]>(
      `SELECT count(*) FROM credential_vending.credential_reports`,
    );
    expect(Number(count)).toBe(1);
    const late = await newUser();
    now += 4 * 60 * 60 * 1000 - 1;
    expect((await generate.execute()).State).toBe('COMPLETE');
    expect((await report()).has(late.name)).toBe(false);
    now += 1;
    await expect(module.get(GetCredentialReportHandler).execute()).rejects.toMatchObject({
      errorName: 'ReportExpired',
    });
    expect((await generate.execute()).State).toBe('STARTED');
    expect((await report()).has(late.name)).toBe(true);
  });

  it("reads a user's login profile, MFA device and keys oldest first, and no secret", async () => {
    const u = await newUser();
    const secret = randomBytes(32);
    const key = (id: string, createdAt: string, status: 'Active' | 'Inactive', used: boolean) =>
      db.ds.query(
        `INSERT INTO credential_vending.access_keys
           (access_key_id, user_id, secret_enc, status, created_at, last_used_at, last_used_service, last_used_region)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          id,
          u.userId,
          secret,
          status,
          createdAt,
          used ? '2029-12-20T10:00:00Z' : null,
          used ? 'iam' : null,
          used ? 'eu-west-1' : null,
        ],
      );
    // The newer key inserted first: the report orders by creation, not by insertion.
    await key(
      `AKIA${randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase()}`,
      '2029-12-10T00:00:00Z',
      'Inactive',
      false,
    );
    await key(
      `AKIA${randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase()}`,
      '2029-12-05T00:00:00Z',
      'Active',
      true,
    );
    await db.ds.query(
      `INSERT INTO credential_vending.login_profiles
         (user_id, password_hash_enc, password_reset_required, created_at, password_changed_at)
       VALUES ($1, $2, false, $3, $3)`,
      [u.userId, secret, '2029-12-15T12:00:00Z'],
    );
    await db.ds.query(
      `INSERT INTO credential_vending.mfa_devices (serial_number, name, name_key, path, seed_enc, user_id, enabled_at)
       VALUES ($1, $2, $2, '/', $3, $4, now())`,
      [`arn:aws:iam::${ACCOUNT}:mfa/${u.name}`, u.name, secret, u.userId],
    );
    await db.ds.query(
      `INSERT INTO credential_vending.account_password_policy
         (singleton, min_length, symbols, numbers, uppercase, lowercase, users_may_change, max_age_days, updated_at)
       VALUES (true, 8, false, false, false, false, false, 10, now())
       ON CONFLICT (singleton) DO UPDATE SET max_age_days = 10`,
    );
    now += 5 * 60 * 60 * 1000;
    expect((await module.get(GenerateCredentialReportHandler).execute()).State).toBe('STARTED');
    const row = (await report()).get(u.name)!;
    expect(row).toMatchObject({
      user_creation_time: '2029-12-01T00:00:00+00:00',
      password_enabled: 'true',
      password_last_changed: '2029-12-15T12:00:00+00:00',
      password_next_rotation: '2029-12-25T12:00:00+00:00',
      mfa_active: 'true',
      access_key_1_active: 'true',
      access_key_1_last_rotated: '2029-12-05T00:00:00+00:00',
      access_key_1_last_used_date: '2029-12-20T10:00:00+00:00',
      access_key_1_last_used_region: 'eu-west-1',
      access_key_1_last_used_service: 'iam',
      access_key_2_active: 'false',
      access_key_2_last_rotated: '2029-12-10T00:00:00+00:00',
      access_key_2_last_used_date: 'N/A',
    });
    const [stored] = await db.ds.query<{ content: string }[]>(
      `SELECT content FROM credential_vending.credential_reports`,
    );
    expect(stored.content).not.toContain(secret.toString('hex'));
    expect(stored.content).not.toContain(secret.toString('base64'));
  });
});
