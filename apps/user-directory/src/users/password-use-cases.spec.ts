import { AuthEventRecorder } from '../risk/auth-event-recorder';
import { OutboxService } from '@idfed/messaging';
import { aPool, aUser, inPlaceTransactions, meta, outcome, tx } from '../../test/support/users-doubles';
import { AttemptLimiter } from '../attempts/attempt-limiter';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { CognitoErrors } from '../common/cognito-errors';
import { UserEntity } from '../database/entities';
import { AdminSetUserPasswordUseCase } from './admin-set-user-password.use-case';
import { ChangePasswordUseCase } from './change-password.use-case';
import { PasswordCredentials } from './password-credentials';
import { PasswordHistory } from './password-history';
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';

const stored = { passwordHash: null, srpSalt: 'bb', srpVerifierEnc: Buffer.from('new') };

/** PasswordHistory's double: refuses when `refuse` is set. */
function historyDouble(refuse = false) {
  return {
    refuseReuse: jest.fn(() =>
      refuse ? Promise.reject(CognitoErrors.passwordHistoryViolation()) : Promise.resolve(),
    ),
    remember: jest.fn().mockResolvedValue(undefined),
  };
}

describe('AdminSetUserPassword', () => {
  function setPassword(held: UserEntity, history = historyDouble()) {
    const pool = aPool();
    const lookup = {
      requirePool: jest.fn().mockResolvedValue(pool),
      requireUser: jest.fn().mockResolvedValue(held),
      lockUser: jest.fn().mockResolvedValue(held),
    };
    const users = { update: jest.fn().mockResolvedValue(undefined) };
    const credentials = { derive: jest.fn().mockResolvedValue(stored) };
    const outbox = { add: jest.fn().mockResolvedValue(undefined), nudge: jest.fn() };
    const useCase = new AdminSetUserPasswordUseCase(
      inPlaceTransactions(),
      lookup as unknown as UserLookup,
      users as unknown as UsersRepository,
      credentials as unknown as PasswordCredentials,
      outbox as unknown as OutboxService,
      history as unknown as PasswordHistory,
    );
    return { useCase, lookup, users, outbox, history };
  }
  const request = (Permanent?: boolean) => ({
    UserPoolId: 'us-east-1_Spec1',
    Username: 'ann',
    Password: 'N3w-Passw0rd!',
    ...(Permanent === undefined ? {} : { Permanent }),
  });

  it('stores a permanent password on the held user, confirming and announcing an unconfirmed one', async () => {
    const user = aUser({ status: 'UNCONFIRMED' });
    const d = setPassword(user);
    await d.useCase.execute(request(true), meta);
    expect(d.lookup.lockUser).toHaveBeenCalledWith(user.sub, tx);
    expect(d.users.update).toHaveBeenCalledWith(
      user.sub,
      { ...stored, status: 'CONFIRMED', passwordExpiresAt: null, updatedAt: expect.any(Date) },
      tx,
    );
    expect(d.outbox.add).toHaveBeenCalledWith(
      tx,
      expect.objectContaining({ payload: expect.objectContaining({ confirmedBy: 'admin' }) }),
    );
  });

  it('makes a temporary password expire and the user change it, announcing nothing', async () => {
    const user = aUser({ status: 'UNCONFIRMED' });
    const d = setPassword(user);
    await d.useCase.execute(request(), meta);
    expect(d.users.update).toHaveBeenCalledWith(
      user.sub,
      expect.objectContaining({ status: 'FORCE_CHANGE_PASSWORD', passwordExpiresAt: expect.any(Date) }),
      tx,
    );
    expect(d.outbox.add).not.toHaveBeenCalled();
  });

  it('checks a permanent password against the history and keeps the replaced one, in the write', async () => {
    const user = aUser();
    const d = setPassword(user);
    await d.useCase.execute(request(true), meta);
    expect(d.history.refuseReuse).toHaveBeenCalledWith(
      expect.objectContaining({ id: user.poolId }),
      user,
      'N3w-Passw0rd!',
    );
    expect(d.history.remember).toHaveBeenCalledWith(expect.objectContaining({ id: user.poolId }), user, tx);
  });

  it('refuses a permanent password in the history, storing nothing', async () => {
    const d = setPassword(aUser(), historyDouble(true));
    expect(await outcome(d.useCase.execute(request(true), meta))).toBe(
      'PasswordHistoryPolicyViolationException',
    );
    expect(d.users.update).not.toHaveBeenCalled();
    expect(d.history.remember).not.toHaveBeenCalled();
  });

  it('does not hold a temporary password to the history, but keeps the one it replaces', async () => {
    const d = setPassword(aUser(), historyDouble(true));
    await d.useCase.execute(request(false), meta);
    expect(d.history.refuseReuse).not.toHaveBeenCalled();
    expect(d.history.remember).toHaveBeenCalledTimes(1);
    expect(d.users.update).toHaveBeenCalledTimes(1);
  });

  it('refuses a password the policy refuses before deriving or storing anything', async () => {
    const d = setPassword(aUser());
    expect(await outcome(d.useCase.execute({ ...request(true), Password: 'short' }, meta))).toBe(
      'InvalidPasswordException',
    );
    expect(d.users.update).not.toHaveBeenCalled();
  });
});

describe('ChangePassword', () => {
  function changePassword(read: UserEntity, held: UserEntity[], history = historyDouble()) {
    const tokens = { userOf: jest.fn().mockResolvedValue(read) };
    const lookup = {
      requirePool: jest.fn().mockResolvedValue(aPool()),
      lockUser: jest.fn(),
    };
    for (const h of held) lookup.lockUser.mockResolvedValueOnce(h);
    const users = { update: jest.fn().mockResolvedValue(undefined) };
    const credentials = {
      derive: jest.fn().mockResolvedValue(stored),
      hasPassword: jest.fn().mockReturnValue(true),
      verify: jest.fn().mockResolvedValue(true),
      storedVersion: jest.fn((u: UserEntity) => u.srpVerifierEnc?.toString() ?? null),
    };
    const attempts = {
      check: jest.fn().mockResolvedValue('right'),
      noteReplaced: jest.fn().mockResolvedValue(undefined),
    };
    const events = { record: jest.fn() };
    const useCase = new ChangePasswordUseCase(
      inPlaceTransactions(),
      users as unknown as UsersRepository,
      lookup as unknown as UserLookup,
      tokens as unknown as AccessTokenVerifier,
      credentials as unknown as PasswordCredentials,
      attempts as unknown as AttemptLimiter,
      history as unknown as PasswordHistory,
      events as unknown as AuthEventRecorder,
    );
    return { useCase, users, lookup, credentials, attempts, history, events };
  }
  const request = {
    AccessToken: 'token',
    PreviousPassword: 'Old-Passw0rd!',
    ProposedPassword: 'N3w-Passw0rd!',
  };

  it('replaces the password it checked, on the held user, noting the one it replaced', async () => {
    const user = aUser({ srpVerifierEnc: Buffer.from('v1') });
    const d = changePassword(user, [user]);
    await d.useCase.execute(request);
    expect(d.attempts.noteReplaced).toHaveBeenCalledWith(tx, expect.anything(), user);
    expect(d.history.refuseReuse).toHaveBeenCalledWith(expect.anything(), user, request.ProposedPassword);
    expect(d.history.remember).toHaveBeenCalledWith(expect.anything(), user, tx);
    expect(d.users.update).toHaveBeenCalledWith(user.sub, { ...stored, updatedAt: expect.any(Date) }, tx);
  });

  it("records threat protection's PasswordChange event, Pass after the write and Fail for a wrong password", async () => {
    const user = aUser({ srpVerifierEnc: Buffer.from('v1') });
    const d = changePassword(user, [user]);
    const meta = {
      requestId: 'r',
      caller: { kind: 'anonymous' as const },
      sourceIp: '192.0.2.9',
      userAgent: 'ua',
    };
    await d.useCase.execute(request, meta);
    expect(d.events.record).toHaveBeenCalledTimes(1);
    expect(d.events.record).toHaveBeenCalledWith(
      expect.objectContaining({ id: user.poolId }),
      user,
      'PasswordChange',
      'Pass',
      [{ ChallengeName: 'Password', ChallengeResponse: 'Success' }],
      { sourceIp: '192.0.2.9', userAgent: 'ua' },
    );
    const wrong = changePassword(user, [user]);
    wrong.attempts.check.mockResolvedValueOnce('wrong');
    expect(await outcome(wrong.useCase.execute(request, meta))).toBe('NotAuthorizedException');
    expect(wrong.events.record).toHaveBeenCalledWith(
      expect.objectContaining({ id: user.poolId }),
      user,
      'PasswordChange',
      'Fail',
      [{ ChallengeName: 'Password', ChallengeResponse: 'Failure' }],
      { sourceIp: '192.0.2.9', userAgent: 'ua' },
    );
    // A refusal that is no wrong password (the history) records nothing.
    const reused = changePassword(user, [user], historyDouble(true));
    await outcome(reused.useCase.execute(request, meta));
    expect(reused.events.record).not.toHaveBeenCalled();
  });

  it('checks the previous password again, uncounted, when another change landed since it was read', async () => {
    const read = aUser({ srpVerifierEnc: Buffer.from('v1') });
    const changed = aUser({ srpVerifierEnc: Buffer.from('v2') });
    const d = changePassword(read, [changed, changed]);
    d.credentials.verify.mockResolvedValueOnce(false);
    expect(await outcome(d.useCase.execute(request))).toBe('NotAuthorizedException');
    expect(d.attempts.check).toHaveBeenCalledTimes(1);
    expect(d.credentials.verify).toHaveBeenCalledWith(changed.poolId, changed, request.PreviousPassword);
    expect(d.users.update).not.toHaveBeenCalled();
  });

  it('refuses a proposed password in the history after the previous one is checked, changing nothing', async () => {
    const user = aUser();
    const d = changePassword(user, [user], historyDouble(true));
    expect(await outcome(d.useCase.execute(request))).toBe('PasswordHistoryPolicyViolationException');
    expect(d.attempts.check).toHaveBeenCalledTimes(1);
    expect(d.credentials.derive).not.toHaveBeenCalled();
    expect(d.users.update).not.toHaveBeenCalled();
  });

  it('refuses a wrong previous password before looking at the history', async () => {
    const user = aUser();
    const d = changePassword(user, [user], historyDouble(true));
    d.attempts.check.mockResolvedValueOnce('wrong');
    expect(await outcome(d.useCase.execute(request))).toBe('NotAuthorizedException');
    expect(d.history.refuseReuse).not.toHaveBeenCalled();
  });

  it('refuses a user disabled since the token was issued, changing nothing', async () => {
    const user = aUser();
    const d = changePassword(user, [{ ...user, enabled: false }]);
    expect(await outcome(d.useCase.execute(request))).toBe('NotAuthorizedException');
    expect(d.users.update).not.toHaveBeenCalled();
  });
});
