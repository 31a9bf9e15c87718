import { randomBytes } from 'node:crypto';
import { CommandMeta } from '@idfed/contracts';
import { PasswordHasher } from '@idfed/crypto';
import { ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { IamArns } from '../common/arns';
import { UserLookup } from '../users/user.lookup';
import { StoredUser, UsersRepository } from '../users/users.repository';
import { AccountSettingsRepository } from './account-settings.repository';
import { AttemptCounters } from './attempt-counters.repository';
import { ChangePasswordHandler } from './change-password.handler';
import { LoginPasswords } from './login-passwords';
import { LoginProfilePasswords } from './login-profile-passwords';
import {
  CreateLoginProfileHandler,
  DeleteLoginProfileHandler,
  GetLoginProfileHandler,
  UpdateLoginProfileHandler,
} from './login-profile.handlers';
import { LoginProfilesRepository, StoredLoginProfile } from './login-profiles.repository';
import { policyOfRequest, StoredPasswordPolicy } from './password-policy';

const ACCOUNT = '123456789012';
const arns = new IamArns(ACCOUNT);
const tx = { unitOfWork: 'handle' } as unknown as Transaction;
const transactions = {
  run: jest.fn((work: (t: Transaction) => Promise<unknown>) => work(tx)),
} as unknown as Transactions;
// The smallest argon2id memory the configuration allows: the specs hash many passwords.
const passwords = new LoginPasswords(randomBytes(32), new PasswordHasher(1024));

const user = (name: string, id: string): StoredUser => ({
  userId: id,
  name,
  nameKey: name.toLowerCase(),
  path: '/',
  arn: arns.user('/', name),
  permissionsBoundary: null,
  tags: [],
  createdAt: new Date(0),
  updatedAt: new Date(0),
});
const alice = user('Alice', 'AIDAALICEALICEALICE1');
const bob = user('Bob', 'AIDABOBBOBBOBBOBBOB1');
const ROOT: CommandMeta = { requestId: 'r', caller: { kind: 'admin', accessKeyId: 'AKIAADMINADMINADMIN0' } };
const AS_ALICE: CommandMeta = {
  requestId: 'r',
  caller: { kind: 'admin', accessKeyId: 'AKIAALICE', principalArn: alice.arn, principalId: alice.userId },
};

function setUp(policy?: StoredPasswordPolicy) {
  const stored = new Map<string, StoredLoginProfile>();
  const calls: unknown[][] = [];
  const record =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      calls.push(args);
      return fn(...args);
    };
  const profiles = {
    find: jest.fn(record((id: string) => Promise.resolve(stored.get(id)))),
    exists: jest.fn(record((id: string) => Promise.resolve(stored.has(id)))),
    insert: jest.fn(
      record((p: StoredLoginProfile) => {
        if (stored.has(p.userId)) return Promise.resolve('exists');
        stored.set(p.userId, p);
        return Promise.resolve('created');
      }),
    ),
    update: jest.fn(
      record((p: StoredLoginProfile) => {
        stored.set(p.userId, p);
        return Promise.resolve();
      }),
    ),
    delete: jest.fn(record((id: string) => Promise.resolve(stored.delete(id)))),
  };
  const users = {
    findByName: jest.fn((name: string) =>
      Promise.resolve([alice, bob].find((u) => u.nameKey === name.toLowerCase())),
    ),
    findById: jest.fn((id: string) => Promise.resolve([alice, bob].find((u) => u.userId === id))),
  };
  const settings = {
    passwordPolicy: jest.fn().mockResolvedValue(policy),
    alias: jest.fn().mockResolvedValue(undefined),
  };
  let failures = 0;
  const attempts = {
    begin: jest.fn(() => Promise.resolve(++failures <= 5)),
    succeeded: jest.fn(() => {
      failures = 0;
      return Promise.resolve();
    }),
  };
  const lookup = new UserLookup(users as unknown as UsersRepository);
  const repo = profiles as unknown as LoginProfilesRepository;
  const shared = new LoginProfilePasswords(settings as unknown as AccountSettingsRepository, passwords, arns);
  return {
    stored,
    calls,
    attempts,
    create: new CreateLoginProfileHandler(transactions, lookup, repo, shared),
    get: new GetLoginProfileHandler(lookup, repo),
    update: new UpdateLoginProfileHandler(transactions, lookup, repo, shared),
    remove: new DeleteLoginProfileHandler(transactions, lookup, repo),
    change: new ChangePasswordHandler(
      transactions,
      lookup,
      repo,
      shared,
      attempts as unknown as AttemptCounters,
    ),
  };
}

async function errorOf(promise: Promise<unknown>): Promise<{ name?: string; message?: string }> {
  return promise.then(
    () => ({}),
    (err: ServiceError) => ({ name: err.errorName, message: err.message }),
  );
}

describe('login profiles (ADR 0084)', () => {
  it('stores a sealed hash only: the password reaches no repository call and no answer', async () => {
    const s = setUp();
    const password = `Pw-${randomBytes(8).toString('hex')}!`;
    const answer = await s.create.execute({ UserName: 'alice', Password: password }, ROOT);
    expect(answer.LoginProfile).toEqual({
      UserName: 'Alice',
      CreateDate: expect.any(String),
      PasswordResetRequired: false,
    });
    await s.update.execute({ UserName: 'Alice', Password: `${password}2`, PasswordResetRequired: true });
    const got = await s.get.execute({ UserName: 'Alice' }, ROOT);
    expect(got.LoginProfile.PasswordResetRequired).toBe(true);
    const seen = JSON.stringify([answer, got]) + s.calls.map((c) => JSON.stringify(c)).join();
    const bytes = [...s.stored.values()].map((p) => p.passwordHashEnc.toString('latin1')).join();
    for (const text of [seen, bytes]) {
      expect(text).not.toContain(password);
      expect(text).not.toContain('$argon2');
    }
    const stored = s.stored.get(alice.userId)!;
    expect(await passwords.matches(alice.userId, stored.passwordHashEnc, `${password}2`)).toBe(true);
    // Sealed to its user: copied onto another user's row, it does not open.
    await expect(passwords.matches(bob.userId, stored.passwordHashEnc, `${password}2`)).rejects.toThrow();
  });

  it('defaults UserName to the IAM user who signed; the root must name one', async () => {
    const s = setUp();
    await s.create.execute({ Password: 'Abcdefgh1!' }, AS_ALICE);
    expect(s.stored.has(alice.userId)).toBe(true);
    expect((await errorOf(s.get.execute({}, ROOT))).name).toBe('ValidationError');
    await s.remove.execute({}, AS_ALICE);
    expect(s.stored.has(alice.userId)).toBe(false);
    expect(await errorOf(s.remove.execute({}, AS_ALICE))).toEqual({
      name: 'NoSuchEntity',
      message: 'Login Profile for User Alice cannot be found.',
    });
  });

  it('refuses a second profile, a policy violation and a missing password, writing nothing', async () => {
    const s = setUp(policyOfRequest({ MinimumPasswordLength: 12, RequireSymbols: true }));
    expect(await errorOf(s.create.execute({ UserName: 'Alice', Password: 'Abcdefgh1234' }, ROOT))).toEqual({
      name: 'PasswordPolicyViolation',
      message: 'Password should have at least one symbol',
    });
    expect((await errorOf(s.create.execute({ UserName: 'Alice' }, ROOT))).name).toBe('ValidationError');
    expect(s.stored.size).toBe(0);
    await s.create.execute({ UserName: 'Alice', Password: 'Abcdefgh123!' }, ROOT);
    expect(await errorOf(s.create.execute({ UserName: 'Alice', Password: 'Abcdefgh123!' }, ROOT))).toEqual({
      name: 'EntityAlreadyExists',
      message: 'Login Profile for user Alice already exists.',
    });
  });

  it('keeps the sign-in session duration unless reset, never both at once', async () => {
    const s = setUp();
    await s.create.execute(
      { UserName: 'Alice', Password: 'Abcdefgh1!', MaxSigninSessionDuration: 7200 },
      ROOT,
    );
    await s.update.execute({ UserName: 'Alice', PasswordResetRequired: true });
    expect((await s.get.execute({ UserName: 'Alice' }, ROOT)).LoginProfile.MaxSigninSessionDuration).toBe(
      7200,
    );
    expect(
      (
        await errorOf(
          s.update.execute({
            UserName: 'Alice',
            MaxSigninSessionDuration: 3600,
            ResetMaxSigninSessionDuration: true,
          }),
        )
      ).name,
    ).toBe('InvalidInput');
    await s.update.execute({ UserName: 'Alice', ResetMaxSigninSessionDuration: true });
    expect((await s.get.execute({ UserName: 'Alice' }, ROOT)).LoginProfile).not.toHaveProperty(
      'MaxSigninSessionDuration',
    );
  });
});

describe('ChangePassword (ADR 0084)', () => {
  it("changes the signer's own password, clearing PasswordResetRequired", async () => {
    const s = setUp();
    await s.create.execute(
      { UserName: 'Alice', Password: 'Old-password1', PasswordResetRequired: true },
      ROOT,
    );
    await s.create.execute({ UserName: 'Bob', Password: 'Bobs-password1' }, ROOT);
    await s.change.execute({ OldPassword: 'Old-password1', NewPassword: 'New-password1' }, AS_ALICE);
    const mine = s.stored.get(alice.userId)!;
    expect(mine.passwordResetRequired).toBe(false);
    expect(await passwords.matches(alice.userId, mine.passwordHashEnc, 'New-password1')).toBe(true);
    // Bob's is untouched: ChangePassword acts on the signer only.
    expect(
      await passwords.matches(bob.userId, s.stored.get(bob.userId)!.passwordHashEnc, 'Bobs-password1'),
    ).toBe(true);
  });

  it('refuses the root, a wrong old password, and a new one against the policy or reused', async () => {
    const s = setUp(policyOfRequest({ MinimumPasswordLength: 8, PasswordReusePrevention: 1 }));
    await s.create.execute({ UserName: 'Alice', Password: 'Old-password1' }, ROOT);
    expect((await errorOf(s.change.execute({ OldPassword: 'a', NewPassword: 'b' }, ROOT))).name).toBe(
      'InvalidUserType',
    );
    expect(
      (
        await errorOf(
          s.change.execute({ OldPassword: 'Wrong-password1', NewPassword: 'New-password1' }, AS_ALICE),
        )
      ).name,
    ).toBe('InvalidUserType');
    expect(
      await errorOf(s.change.execute({ OldPassword: 'Old-password1', NewPassword: 'short' }, AS_ALICE)),
    ).toMatchObject({ name: 'PasswordPolicyViolation' });
    expect(
      await errorOf(
        s.change.execute({ OldPassword: 'Old-password1', NewPassword: 'Old-password1' }, AS_ALICE),
      ),
    ).toMatchObject({
      name: 'PasswordPolicyViolation',
      message: 'Password should not be one of the previous 1 passwords',
    });
    expect(
      await passwords.matches(alice.userId, s.stored.get(alice.userId)!.passwordHashEnc, 'Old-password1'),
    ).toBe(true);
  });

  it('counts wrong old passwords and refuses even the right one once locked out', async () => {
    const s = setUp();
    await s.create.execute({ UserName: 'Alice', Password: 'Old-password1' }, ROOT);
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await errorOf(
            s.change.execute({ OldPassword: `Wrong-${i}`, NewPassword: 'New-password1' }, AS_ALICE),
          )
        ).name,
      ).toBe('InvalidUserType');
    }
    expect(
      await errorOf(
        s.change.execute({ OldPassword: 'Old-password1', NewPassword: 'New-password1' }, AS_ALICE),
      ),
    ).toEqual({ name: 'LimitExceeded', message: 'Password attempts exceeded. Try again later.' });
    expect(s.attempts.begin).toHaveBeenCalledWith('password', alice.userId);
    expect(s.attempts.succeeded).not.toHaveBeenCalled();
  });
});
