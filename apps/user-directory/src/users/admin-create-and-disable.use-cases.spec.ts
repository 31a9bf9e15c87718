import { OutboxService } from '@idfed/messaging';
import { aPool, aUser, inPlaceTransactions, meta, outcome, tx } from '../../test/support/users-doubles';
import { Sessions } from '../auth/sessions';
import { UserEntity } from '../database/entities';
import { MessageSender } from '../delivery/message-sender';
import { PoolConfig } from '../pools/pool-config';
import { AdminCreateUserUseCase } from './admin-create-user.use-case';
import { AdminDisableUserUseCase } from './admin-disable-user.use-case';
import { PasswordCredentials } from './password-credentials';
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';
import { UserPoolTriggers } from '../triggers/user-pool-triggers';

const ended = new Date('2030-01-01T00:00:00Z');

function doubles(
  user?: UserEntity,
  config: Partial<PoolConfig> = {},
  inserted: 'created' | 'exists' | 'alias-exists' = 'created',
) {
  const pool = aPool(config);
  const lookup = {
    requirePool: jest.fn().mockResolvedValue(pool),
    requireUser: jest.fn().mockResolvedValue(user),
    lockUser: jest.fn().mockResolvedValue(user),
    requireAdminUser: jest.fn().mockResolvedValue({ pool, user }),
  };
  const users = {
    insertClaiming: jest.fn().mockResolvedValue(inserted),
    update: jest.fn().mockResolvedValue(undefined),
    releaseAlias: jest.fn().mockResolvedValue(undefined),
  };
  const credentials = {
    derive: jest
      .fn()
      .mockResolvedValue({ passwordHash: null, srpSalt: 'bb', srpVerifierEnc: Buffer.from('v') }),
  };
  const sender = { send: jest.fn().mockResolvedValue(undefined) };
  const outbox = { add: jest.fn().mockResolvedValue(undefined), nudge: jest.fn() };
  const sessions = { endAll: jest.fn().mockResolvedValue(ended) };
  const triggers = {
    preSignUp: jest
      .fn()
      .mockResolvedValue({ autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false }),
  };
  return {
    triggers,
    pool,
    sessions,
    lookup,
    users,
    sender,
    outbox,
    typed: {
      lookup: lookup as unknown as UserLookup,
      users: users as unknown as UsersRepository,
      credentials: credentials as unknown as PasswordCredentials,
      sender: sender as unknown as MessageSender,
      outbox: outbox as unknown as OutboxService,
      sessions: sessions as unknown as Sessions,
      triggers: triggers as unknown as UserPoolTriggers,
    },
  };
}

describe('AdminCreateUser', () => {
  const useCase = (d: ReturnType<typeof doubles>) =>
    new AdminCreateUserUseCase(
      inPlaceTransactions(),
      d.typed.lookup,
      d.typed.users,
      d.typed.credentials,
      d.typed.sender,
      d.typed.outbox,
      d.typed.triggers,
    );
  const request = {
    UserPoolId: 'us-east-1_Spec1',
    Username: 'ann',
    TemporaryPassword: 'Temp-Passw0rd!',
    UserAttributes: [{ Name: 'email', Value: 'ann@example.com' }],
    DesiredDeliveryMediums: ['EMAIL' as const],
  };

  it('creates a user who must change the temporary password, announced and invited in one unit of work', async () => {
    const d = doubles();
    const answer = await useCase(d).execute(request, meta);
    expect(d.users.insertClaiming).toHaveBeenCalledWith(
      expect.objectContaining({ status: 'FORCE_CHANGE_PASSWORD', passwordExpiresAt: expect.any(Date) }),
      tx,
    );
    expect(d.outbox.add).toHaveBeenCalledWith(tx, expect.objectContaining({ correlationId: 'req-1' }));
    expect(d.sender.send).toHaveBeenCalledTimes(1);
    expect(answer.User).toMatchObject({ Username: 'ann', UserStatus: 'FORCE_CHANGE_PASSWORD' });
  });

  it('calls PreSignUp as Cognito does for AdminCreateUser: no client, ValidationData and ClientMetadata', async () => {
    const d = doubles();
    await useCase(d).execute(
      {
        ...request,
        ValidationData: [{ Name: 'invite', Value: 'let-me-in' }],
        ClientMetadata: { origin: 'console' },
      },
      meta,
    );
    expect(d.triggers.preSignUp).toHaveBeenCalledWith(
      expect.objectContaining({ id: expect.any(String) }),
      'PreSignUp_AdminCreateUser',
      'CLIENT_ID_NOT_APPLICABLE',
      'ann',
      { email: 'ann@example.com' },
      { invite: 'let-me-in' },
      { origin: 'console' },
    );
    expect(d.triggers.preSignUp.mock.invocationCallOrder[0]).toBeLessThan(
      d.users.insertClaiming.mock.invocationCallOrder[0],
    );
  });

  it('stores and sends nothing when PreSignUp refuses; applies its auto-verify answers, not its auto-confirm', async () => {
    const refused = doubles();
    refused.triggers.preSignUp.mockRejectedValue(new Error('PreSignUp failed with error Nope.'));
    await expect(useCase(refused).execute(request, meta)).rejects.toThrow('Nope');
    expect(refused.users.insertClaiming).not.toHaveBeenCalled();
    expect(refused.sender.send).not.toHaveBeenCalled();
    const eager = doubles();
    eager.triggers.preSignUp.mockResolvedValue({
      autoConfirmUser: true,
      autoVerifyEmail: true,
      autoVerifyPhone: true,
    });
    await useCase(eager).execute(request, meta);
    // The email is marked verified; there is no phone number to mark, so none is added.
    expect(eager.users.insertClaiming).toHaveBeenCalledWith(
      expect.objectContaining({
        status: 'FORCE_CHANGE_PASSWORD',
        attributes: { email: 'ann@example.com', email_verified: 'true' },
      }),
      tx,
    );
    // The invitation's CustomMessage / sender sees the user as stored.
    const phone = doubles();
    phone.triggers.preSignUp.mockResolvedValue({
      autoConfirmUser: false,
      autoVerifyEmail: false,
      autoVerifyPhone: true,
    });
    await useCase(phone).execute(
      {
        ...request,
        UserAttributes: [...request.UserAttributes, { Name: 'phone_number', Value: '+15555550100' }],
      },
      meta,
    );
    expect(phone.users.insertClaiming).toHaveBeenCalledWith(
      expect.objectContaining({
        attributes: {
          email: 'ann@example.com',
          phone_number: '+15555550100',
          phone_number_verified: 'true',
        },
      }),
      tx,
    );
  });

  it('does not call PreSignUp for a RESEND', async () => {
    const d = doubles(aUser({ status: 'FORCE_CHANGE_PASSWORD' }));
    await useCase(d).execute({ ...request, MessageAction: 'RESEND' }, meta);
    expect(d.triggers.preSignUp).not.toHaveBeenCalled();
  });

  // Cognito keeps a verified flag as given in any letter case (amplify-js#8205: GetUser answered `True`).
  it('stores email_verified=True as given, in the one inserted row', async () => {
    const d = doubles();
    const attrs = [...request.UserAttributes, { Name: 'email_verified', Value: 'True' }];
    const answer = await useCase(d).execute({ ...request, UserAttributes: attrs }, meta);
    expect(d.users.insertClaiming).toHaveBeenCalledWith(
      expect.objectContaining({ attributes: { email: 'ann@example.com', email_verified: 'True' } }),
      tx,
    );
    expect(answer.User?.Attributes).toContainEqual({ Name: 'email_verified', Value: 'True' });
  });

  describe('invitations as AWS sends them (issue 13)', () => {
    const bare = { UserPoolId: 'us-east-1_Spec1', Username: 'ann', TemporaryPassword: 'Temp-Passw0rd!' };

    // Observed on AWS (issue 13): no email and no phone, no MessageAction: created, nobody invited.
    it.each([
      ['neither email nor phone', []],
      ['only an email (the default medium is SMS)', [{ Name: 'email', Value: 'ann@example.com' }]],
    ])('creates a user with %s in FORCE_CHANGE_PASSWORD, sending nothing', async (_what, attrs) => {
      const d = doubles();
      const answer = await useCase(d).execute({ ...bare, UserAttributes: attrs }, meta);
      expect(d.users.insertClaiming).toHaveBeenCalledWith(
        expect.objectContaining({ status: 'FORCE_CHANGE_PASSWORD' }),
        tx,
      );
      expect(d.outbox.add).toHaveBeenCalledTimes(1);
      expect(d.sender.send).not.toHaveBeenCalled();
      expect(answer.User).toMatchObject({ Username: 'ann', UserStatus: 'FORCE_CHANGE_PASSWORD' });
    });

    it('invites a user with a phone by the SMS default', async () => {
      const d = doubles();
      await useCase(d).execute(
        { ...bare, UserAttributes: [{ Name: 'phone_number', Value: '+15555550100' }] },
        meta,
      );
      expect(d.sender.send).toHaveBeenCalledWith(
        expect.objectContaining({ medium: 'SMS', to: '+15555550100' }),
      );
    });

    // AWS: InvalidParameterException "No email provided but desired delivery medium was Email" for
    // ['EMAIL','SMS'] and a user with a phone only (rahulpsd18/cognito-backup-restore#25).
    it('refuses an explicitly desired medium the user has no address for, creating and sending nothing', async () => {
      const d = doubles();
      const call = useCase(d).execute(
        {
          ...bare,
          UserAttributes: [{ Name: 'phone_number', Value: '+15555550100' }],
          DesiredDeliveryMediums: ['EMAIL', 'SMS'],
        },
        meta,
      );
      await expect(call).rejects.toMatchObject({
        errorName: 'InvalidParameterException',
        message: 'No email provided but desired delivery medium was Email',
      });
      expect(d.users.insertClaiming).not.toHaveBeenCalled();
      expect(d.sender.send).not.toHaveBeenCalled();
    });

    it('resends to a user with no address without sending anything', async () => {
      const user = aUser({ status: 'FORCE_CHANGE_PASSWORD', attributes: {} });
      const d = doubles(user);
      await useCase(d).execute({ ...bare, MessageAction: 'RESEND' }, meta);
      expect(d.users.update).toHaveBeenCalledWith(user.sub, expect.anything(), tx);
      expect(d.sender.send).not.toHaveBeenCalled();
    });
  });

  it('answers UsernameExistsException for a taken name, inviting nobody', async () => {
    const d = doubles(undefined, {}, 'exists');
    expect(await outcome(useCase(d).execute(request, meta))).toBe('UsernameExistsException');
    expect(d.outbox.add).not.toHaveBeenCalled();
    expect(d.sender.send).not.toHaveBeenCalled();
  });

  describe('sign-in aliases (ADR 0044)', () => {
    const aliasPool = { aliasAttributes: ['email', 'phone_number', 'preferred_username'] };
    const verified = {
      ...request,
      MessageAction: 'SUPPRESS' as const,
      UserAttributes: [
        { Name: 'email', Value: 'Ann@Example.com' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'phone_number', Value: '+15550100' },
      ],
    };

    it('answers AliasExistsException when another user holds the alias, taking nothing from them', async () => {
      const d = doubles(undefined, aliasPool, 'alias-exists');
      expect(await outcome(useCase(d).execute(verified, meta))).toBe('AliasExistsException');
      expect(d.users.releaseAlias).not.toHaveBeenCalled();
      expect(d.outbox.add).not.toHaveBeenCalled();
    });

    it('with ForceAliasCreation takes the verified email (not the unverified phone) before the insert', async () => {
      const d = doubles(undefined, aliasPool);
      await useCase(d).execute({ ...verified, ForceAliasCreation: true }, meta);
      const user = d.users.insertClaiming.mock.calls[0][0] as { sub: string };
      expect(d.users.releaseAlias.mock.calls).toEqual([
        [d.pool.id, user.sub, 'email', 'Ann@Example.com', tx],
      ]);
      expect(d.users.releaseAlias.mock.invocationCallOrder[0]).toBeLessThan(
        d.users.insertClaiming.mock.invocationCallOrder[0],
      );
    });

    it('refuses a username in the form of an alias attribute', async () => {
      const d = doubles(undefined, aliasPool);
      const refused = useCase(d).execute({ ...verified, Username: 'eve@example.com' }, meta);
      await expect(refused).rejects.toMatchObject({
        errorName: 'InvalidParameterException',
        message: 'Username cannot be of email format, since user pool is configured for email alias.',
      });
      expect(d.users.insertClaiming).not.toHaveBeenCalled();
    });
  });

  it('resends to a user still in FORCE_CHANGE_PASSWORD, on the held row', async () => {
    const user = aUser({ status: 'FORCE_CHANGE_PASSWORD' });
    const d = doubles(user);
    await useCase(d).execute({ ...request, MessageAction: 'RESEND' }, meta);
    expect(d.lookup.lockUser).toHaveBeenCalledWith(user.sub, tx);
    expect(d.users.update).toHaveBeenCalledWith(user.sub, expect.objectContaining({ srpSalt: 'bb' }), tx);
    expect(d.users.insertClaiming).not.toHaveBeenCalled();
  });

  it('refuses a resend to a user who has chosen a password', async () => {
    const d = doubles(aUser({ status: 'CONFIRMED' }));
    expect(await outcome(useCase(d).execute({ ...request, MessageAction: 'RESEND' }, meta))).toBe(
      'UnsupportedUserStateException',
    );
    expect(d.users.update).not.toHaveBeenCalled();
  });
});

describe('AdminDisableUser', () => {
  const useCase = (d: ReturnType<typeof doubles>) =>
    new AdminDisableUserUseCase(
      inPlaceTransactions(),
      d.typed.lookup,
      d.typed.users,
      d.typed.outbox,
      d.typed.sessions,
    );
  const request = { UserPoolId: 'us-east-1_Spec1', Username: 'ann' };

  it('ends the sessions and disables the held user in one unit of work, announced once', async () => {
    const user = aUser();
    const d = doubles(user);
    await useCase(d).execute(request, meta);
    expect(d.lookup.requireAdminUser).toHaveBeenCalledWith(request, tx);
    expect(d.sessions.endAll).toHaveBeenCalledWith(tx, user, 'req-1');
    expect(d.users.update).toHaveBeenCalledWith(user.sub, { enabled: false, updatedAt: ended }, tx);
    expect(d.outbox.add).toHaveBeenCalledWith(
      tx,
      expect.objectContaining({
        payload: expect.objectContaining({ tokensValidAfter: ended.toISOString() }),
      }),
    );
  });

  it('does nothing for a user already disabled', async () => {
    const d = doubles(aUser({ enabled: false }));
    await useCase(d).execute(request, meta);
    expect(d.sessions.endAll).not.toHaveBeenCalled();
    expect(d.users.update).not.toHaveBeenCalled();
  });
});
