import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { AccountSettingsRepository } from '../src/account/account-settings.repository';
import { ATTEMPT_COUNTER_CLOCK, AttemptCounters } from '../src/account/attempt-counters.repository';
import { ChangePasswordHandler } from '../src/account/change-password.handler';
import { CreateLoginProfileHandler } from '../src/account/login-profile.handlers';
import { LoginProfilesRepository } from '../src/account/login-profiles.repository';
import { policyOfRequest } from '../src/account/password-policy';
import { IamArns } from '../src/common/arns';
import { newUserId } from '../src/common/ids';
import { DeleteUserHandler } from '../src/users/delete-user.handler';
import { StoredUser, UsersRepository } from '../src/users/users.repository';
import { ACCOUNT, createServiceDatabase, serviceModule, ServiceDatabase } from './support/service-database';

const arns = new IamArns(ACCOUNT);
const root = { requestId: 'r', caller: { kind: 'admin' as const, accessKeyId: 'AKIAADMINADMINADMIN0' } };

/**
 * ADR 0084 on a real PostgreSQL: the attempt counters' statements (lockout, its expiry, racing
 * guesses), the password policy and alias rows, the summary's counts, login profiles and DeleteUser.
 * Lockouts of ten minutes, as the e2e system's; the counters' clock is moved by hand.
 */
describe('IAM account settings and attempt counters on PostgreSQL', () => {
  let db: ServiceDatabase;
  let module: TestingModule;
  let now = new Date('2030-01-01T00:00:00Z');
  const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    db = await createServiceDatabase();
    module = await serviceModule(db.ds, [{ provide: ATTEMPT_COUNTER_CLOCK, useValue: () => now }]);
  });
  afterAll(async () => {
    await module?.close();
    await db?.drop();
  });

  async function newUser(): Promise<StoredUser> {
    const name = unique('user');
    const u: StoredUser = {
      userId: newUserId(),
      name,
      nameKey: name.toLowerCase(),
      path: '/',
      arn: arns.user('/', name),
      permissionsBoundary: null,
      tags: [],
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    await module.get(UsersRepository).insert(u);
    return u;
  }

  it('admits five failures, then locks the subject out until the lockout ends; a success forgets them', async () => {
    const counters = module.get(AttemptCounters);
    const subject = unique('serial');
    for (let i = 0; i < 5; i++) expect(await counters.begin('mfa-code', subject)).toBe(true);
    expect(await counters.begin('mfa-code', subject)).toBe(false);
    // Per subject and per flow.
    expect(await counters.begin('password', subject)).toBe(true);
    expect(await counters.begin('mfa-code', unique('serial'))).toBe(true);
    now = new Date(now.getTime() + 600_001);
    expect(await counters.begin('mfa-code', subject)).toBe(true);
    expect(await counters.begin('mfa-code', subject)).toBe(false);
    await counters.succeeded('mfa-code', subject);
    expect(await counters.begin('mfa-code', subject)).toBe(true);
  });

  it('takes back an attempt that was not a guess, with the lockout it set', async () => {
    const counters = module.get(AttemptCounters);
    const subject = unique('serial');
    for (let i = 0; i < 5; i++) expect(await counters.begin('mfa-code', subject)).toBe(true);
    await counters.notAGuess('mfa-code', subject);
    expect(await counters.begin('mfa-code', subject)).toBe(true);
    expect(await counters.begin('mfa-code', subject)).toBe(false);
  });

  it('admits five of twenty racing guesses (any replica: one statement each)', async () => {
    const counters = module.get(AttemptCounters);
    const subject = unique('serial');
    const admitted = await Promise.all(Array.from({ length: 20 }, () => counters.begin('mfa-code', subject)));
    expect(admitted.filter(Boolean)).toHaveLength(5);
  });

  it('keeps one password policy and one alias, and counts entities', async () => {
    const settings = module.get(AccountSettingsRepository);
    await settings.putPasswordPolicy(policyOfRequest({ MinimumPasswordLength: 9 }), new Date());
    await settings.putPasswordPolicy(policyOfRequest({ RequireSymbols: true }), new Date());
    expect(await settings.passwordPolicy()).toEqual(policyOfRequest({ RequireSymbols: true }));
    expect(await settings.deletePasswordPolicy()).toBe(true);
    expect(await settings.deletePasswordPolicy()).toBe(false);
    expect(await settings.passwordPolicy()).toBeUndefined();
    await settings.putAlias('first-alias', new Date());
    await settings.putAlias('second-alias', new Date());
    expect(await settings.alias()).toBe('second-alias');
    expect(await settings.deleteAlias('first-alias')).toBe(false);
    expect(await settings.deleteAlias('second-alias')).toBe(true);
    const before = await settings.counts();
    await newUser();
    expect((await settings.counts()).users).toBe(before.users + 1);
  });

  it('stores a login profile that keeps its user from deletion, and changes it by its password', async () => {
    const u = await newUser();
    await module.get(CreateLoginProfileHandler).execute({ UserName: u.name, Password: 'First-pass1!' }, root);
    await expect(module.get(DeleteUserHandler).execute({ UserName: u.name })).rejects.toMatchObject({
      errorName: 'DeleteConflict',
    });
    const self = {
      requestId: 'r',
      caller: { kind: 'admin' as const, accessKeyId: 'AKIAUSER', principalArn: u.arn, principalId: u.userId },
    };
    await module
      .get(ChangePasswordHandler)
      .execute({ OldPassword: 'First-pass1!', NewPassword: 'Second-pass2!' }, self);
    const profile = await module.get(LoginProfilesRepository).find(u.userId);
    expect(profile!.previousPasswordHashesEnc).toHaveLength(1);
    const raw = await db.ds.query<{ v: string }[]>(
      `SELECT encode(password_hash_enc, 'escape') AS v FROM credential_vending.login_profiles WHERE user_id = $1`,
      [u.userId],
    );
    expect(raw[0].v).not.toContain('Second-pass2!');
    expect(raw[0].v).not.toContain('$argon2');
  });
});
