import { TriggerCaller } from '../triggers/trigger-caller';
import { UserPoolTriggers } from '../triggers/user-pool-triggers';
import { UserMfaRepository } from '../mfa/user-mfa.repository';
import { OutboxService } from '@idfed/messaging';
import { aPool, aUser, inPlaceTransactions, meta, outcome, tx } from '../../test/support/users-doubles';
import { CognitoErrors } from '../common/cognito-errors';
import { UserEntity } from '../database/entities';
import { AdminConfirmSignUpUseCase } from './admin-confirm-sign-up.use-case';
import { AdminDeleteUserUseCase } from './admin-delete-user.use-case';
import { AdminEnableUserUseCase } from './admin-enable-user.use-case';
import { AdminGetUserUseCase } from './admin-get-user.use-case';
import { UserConfirmation } from './user-confirmation';
import { UserDeletion } from './user-deletion';
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';
import { VerificationCodes } from './verification-codes';

const request = { UserPoolId: 'us-east-1_Spec1', Username: 'ann' };

/** The Admin* use cases that change a user's state: each in one unit of work, on the row it holds. */
function doubles(user: UserEntity | undefined) {
  const pool = aPool();
  const lookup = {
    requireAdminUser: jest.fn(() =>
      user ? Promise.resolve({ pool, user }) : Promise.reject(CognitoErrors.userNotFound()),
    ),
  };
  const users = { update: jest.fn().mockResolvedValue(undefined) };
  const outbox = { add: jest.fn().mockResolvedValue(undefined), nudge: jest.fn() };
  const codes = { discard: jest.fn().mockResolvedValue(undefined) };
  const confirmation = { markConfirmed: jest.fn().mockResolvedValue(undefined) };
  const deletion = { delete: jest.fn().mockResolvedValue(undefined) };
  return {
    lookup,
    users,
    outbox,
    codes,
    confirmation,
    deletion,
    typed: {
      transactions: inPlaceTransactions(),
      lookup: lookup as unknown as UserLookup,
      users: users as unknown as UsersRepository,
      outbox: outbox as unknown as OutboxService,
      codes: codes as unknown as VerificationCodes,
      confirmation: confirmation as unknown as UserConfirmation,
      deletion: deletion as unknown as UserDeletion,
    },
  };
}

describe('AdminConfirmSignUp', () => {
  const useCase = (d: ReturnType<typeof doubles>) =>
    new AdminConfirmSignUpUseCase(
      d.typed.transactions,
      d.typed.lookup,
      d.typed.codes,
      d.typed.confirmation,
      d.typed.outbox,
      new UserPoolTriggers(
        new TriggerCaller({
          accountId: '123456789012',
          endpoints: new Map(),
          timeoutMs: 5000,
          maxAnswerBytes: 1024,
        }),
      ),
    );

  it('confirms an unconfirmed user it holds, dropping the sign-up code, in one unit of work', async () => {
    const user = aUser({ status: 'UNCONFIRMED' });
    const d = doubles(user);
    await useCase(d).execute(request, meta);
    expect(d.lookup.requireAdminUser).toHaveBeenCalledWith(request, tx);
    expect(d.codes.discard).toHaveBeenCalledWith(user.sub, 'confirm-sign-up', tx);
    expect(d.confirmation.markConfirmed).toHaveBeenCalledWith(user, user.attributes, 'admin', 'req-1', tx);
    expect(d.outbox.nudge).toHaveBeenCalled();
  });

  it('refuses a user past confirmation and changes nothing', async () => {
    const d = doubles(aUser({ status: 'CONFIRMED' }));
    expect(await outcome(useCase(d).execute(request, meta))).toBe('NotAuthorizedException');
    expect(d.codes.discard).not.toHaveBeenCalled();
    expect(d.confirmation.markConfirmed).not.toHaveBeenCalled();
  });

  it('answers UserNotFoundException for a name the pool does not have', async () => {
    expect(await outcome(useCase(doubles(undefined)).execute(request, meta))).toBe('UserNotFoundException');
  });
});

describe('AdminEnableUser', () => {
  const useCase = (d: ReturnType<typeof doubles>) =>
    new AdminEnableUserUseCase(d.typed.transactions, d.typed.lookup, d.typed.users, d.typed.outbox);

  it('enables a disabled user and announces it in the same unit of work', async () => {
    const user = aUser({ enabled: false });
    const d = doubles(user);
    await useCase(d).execute(request, meta);
    expect(d.users.update).toHaveBeenCalledWith(user.sub, { enabled: true, updatedAt: expect.any(Date) }, tx);
    expect(d.outbox.add).toHaveBeenCalledWith(
      tx,
      expect.objectContaining({ key: user.sub, correlationId: 'req-1' }),
    );
  });

  it('does nothing, and announces nothing, for a user already enabled', async () => {
    const d = doubles(aUser({ enabled: true }));
    await useCase(d).execute(request, meta);
    expect(d.users.update).not.toHaveBeenCalled();
    expect(d.outbox.add).not.toHaveBeenCalled();
  });
});

describe('AdminDeleteUser', () => {
  it('deletes the user it holds, with its event, in one unit of work', async () => {
    const user = aUser();
    const d = doubles(user);
    await new AdminDeleteUserUseCase(
      d.typed.transactions,
      d.typed.lookup,
      d.typed.deletion,
      d.typed.outbox,
    ).execute(request, meta);
    expect(d.lookup.requireAdminUser).toHaveBeenCalledWith(request, tx);
    expect(d.deletion.delete).toHaveBeenCalledWith(user, 'req-1', tx);
  });
});

describe('AdminGetUser', () => {
  it("answers the software token as the user's MFA setting once it is on", async () => {
    const user = aUser();
    const d = doubles(user);
    const row = { totpEnabled: true, totpSecretEnc: Buffer.from('sealed'), preferred: 'SOFTWARE_TOKEN_MFA' };
    const mfa = { find: jest.fn(async () => row) } as unknown as UserMfaRepository;
    const answer = await new AdminGetUserUseCase(d.typed.lookup, mfa).execute(request);
    expect(answer).toMatchObject({
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    });
    expect(answer).not.toHaveProperty('MFAOptions');
  });

  it('reads the user without holding its row, and answers its state', async () => {
    const user = aUser({ status: 'FORCE_CHANGE_PASSWORD', enabled: false });
    const d = doubles(user);
    const mfa = { find: jest.fn(async () => undefined) };
    const answer = await new AdminGetUserUseCase(d.typed.lookup, mfa as unknown as UserMfaRepository).execute(
      request,
    );
    expect(d.lookup.requireAdminUser).toHaveBeenCalledWith(request, undefined, false);
    expect(answer).toMatchObject({ Username: 'ann', Enabled: false, UserStatus: 'FORCE_CHANGE_PASSWORD' });
    // No MFA set up: Cognito leaves the MFA members out.
    expect(answer).not.toHaveProperty('UserMFASettingList');
    expect(answer).not.toHaveProperty('PreferredMfaSetting');
    expect(mfa.find).toHaveBeenCalledWith(user.sub);
    expect(answer.UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'sub', Value: user.sub },
        { Name: 'email', Value: 'ann@example.com' },
      ]),
    );
  });
});
