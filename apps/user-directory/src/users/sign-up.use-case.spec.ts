import { UserPoolTriggers } from '../triggers/user-pool-triggers';
import { AuthEventRecorder } from '../risk/auth-event-recorder';
import { BlockedAddresses } from '../risk/threat-protection';
import { OutboxService, ServiceError } from '@idfed/messaging';
import { aPool, inPlaceTransactions, meta, outcome, tx } from '../../test/support/users-doubles';
import { ClientsService } from '../clients/clients.service';
import { PasswordCredentials } from './password-credentials';
import { SignUpUseCase } from './sign-up.use-case';
import { ConfirmationLinks } from './confirmation-links';
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';
import { VerificationCodes } from './verification-codes';

describe('SignUp', () => {
  function signUp(
    pool = aPool({ autoVerifiedAttributes: ['email'] }),
    inserted: 'created' | 'exists' | 'alias-exists' = 'created',
    answer?: { autoConfirmUser: boolean; autoVerifyEmail: boolean; autoVerifyPhone: boolean },
  ) {
    const users = { insertClaiming: jest.fn().mockResolvedValue(inserted) };
    const lookup = { requirePool: jest.fn().mockResolvedValue(pool) };
    const clients = {
      forAuth: jest.fn().mockResolvedValue({ client: { id: 'c1', poolId: pool.id, config: {} }, pool }),
    };
    const credentials = {
      derive: jest
        .fn()
        .mockResolvedValue({ passwordHash: null, srpSalt: 'aa', srpVerifierEnc: Buffer.from('v') }),
    };
    const sender = { send: jest.fn().mockResolvedValue(undefined) };
    const outbox = { add: jest.fn().mockResolvedValue(undefined), nudge: jest.fn() };
    const codes = { issue: jest.fn().mockResolvedValue('123456') };
    const triggers = {
      preSignUp: jest
        .fn()
        .mockResolvedValue(
          answer ?? { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
        ),
    };
    const blocked = { refuseBlocked: jest.fn(async () => undefined) };
    const useCase = new SignUpUseCase(
      inPlaceTransactions(),
      users as unknown as UsersRepository,
      lookup as unknown as UserLookup,
      clients as unknown as ClientsService,
      credentials as unknown as PasswordCredentials,
      sender,
      outbox as unknown as OutboxService,
      codes as unknown as VerificationCodes,
      triggers as unknown as UserPoolTriggers,
      { forPool: jest.fn().mockResolvedValue(undefined) } as unknown as ConfirmationLinks,
      { record: jest.fn() } as unknown as AuthEventRecorder,
      blocked as unknown as BlockedAddresses,
    );
    return { useCase, users, lookup, sender, outbox, codes, triggers, blocked };
  }
  const request = (Username = 'ann', email = 'ann@example.com') => ({
    ClientId: 'c1',
    Username,
    Password: 'Passw0rd!',
    UserAttributes: [{ Name: 'email', Value: email }],
  });

  it('answers AliasExistsException when another user holds an alias the new user would have (ADR 0044)', async () => {
    const pool = aPool({ aliasAttributes: ['preferred_username'] });
    const { useCase, outbox, sender } = signUp(pool, 'alias-exists');
    expect(await outcome(useCase.execute(request(), meta))).toBe('AliasExistsException');
    expect(outbox.add).not.toHaveBeenCalled();
    expect(sender.send).not.toHaveBeenCalled();
  });

  it('creates the user, its event and its code in one unit of work, and sends the code before it commits', async () => {
    const { useCase, users, outbox, codes, sender } = signUp();
    const answer = await useCase.execute(request(), meta);
    const user = users.insertClaiming.mock.calls[0][0] as {
      sub: string;
      status: string;
      usernameKey: string;
    };
    expect(users.insertClaiming).toHaveBeenCalledWith(expect.anything(), tx);
    expect(user).toMatchObject({ status: 'UNCONFIRMED', usernameKey: 'ann', passwordExpiresAt: null });
    expect(outbox.add).toHaveBeenCalledWith(
      tx,
      expect.objectContaining({
        key: user.sub,
        correlationId: 'req-1',
        payload: expect.objectContaining({ status: 'UNCONFIRMED' }),
      }),
    );
    expect(codes.issue).toHaveBeenCalledWith(user.sub, 'confirm-sign-up', tx);
    expect(sender.send).toHaveBeenCalledTimes(1);
    expect(answer).toMatchObject({
      UserConfirmed: false,
      UserSub: user.sub,
      CodeDeliveryDetails: { DeliveryMedium: 'EMAIL' },
    });
    expect(outbox.nudge).toHaveBeenCalled();
  });

  it('answers UsernameExistsException when the username is taken, and goes no further', async () => {
    const { useCase, outbox, codes, sender } = signUp(undefined, 'exists');
    expect(await outcome(useCase.execute(request(), meta))).toBe('UsernameExistsException');
    expect(outbox.add).not.toHaveBeenCalled();
    expect(codes.issue).not.toHaveBeenCalled();
    expect(sender.send).not.toHaveBeenCalled();
  });

  it('reports a taken email in an email-as-username pool as Cognito does: a taken username, naming the email', async () => {
    const { useCase, users } = signUp(aPool({ usernameAttributes: ['email'] }), 'exists');
    await expect(useCase.execute(request('ann@example.com'), meta)).rejects.toMatchObject({
      errorName: 'UsernameExistsException',
      message: 'An account with the given email already exists.',
    });
    expect(users.insertClaiming.mock.calls[0][0]).toMatchObject({ aliasKey: 'ann@example.com' });
  });

  it('refuses a blocked address (threat protection) before the name is looked at, creating nothing', async () => {
    const { useCase, users, blocked } = signUp();
    blocked.refuseBlocked.mockRejectedValueOnce(new Error('blocked'));
    await expect(useCase.execute(request(), { ...meta, sourceIp: '192.0.2.1' })).rejects.toThrow('blocked');
    expect(blocked.refuseBlocked).toHaveBeenCalledWith(expect.anything(), 'c1', '192.0.2.1');
    expect(users.insertClaiming).not.toHaveBeenCalled();
  });

  it('refuses a pool that only administrators may add users to, before touching the users', async () => {
    const { useCase, users } = signUp(aPool({ allowAdminCreateUserOnly: true }));
    expect(await outcome(useCase.execute(request(), meta))).toBe('NotAuthorizedException');
    expect(users.insertClaiming).not.toHaveBeenCalled();
  });

  describe('with a PreSignUp trigger (ADR 0030)', () => {
    it('hands the trigger the attributes, validation data and client metadata, before anything is stored', async () => {
      const { useCase, triggers, users } = signUp();
      await useCase.execute(
        {
          ...request(),
          ValidationData: [{ Name: 'invite', Value: 'abc' }],
          ClientMetadata: { source: 'web' },
        },
        meta,
      );
      expect(triggers.preSignUp).toHaveBeenCalledWith(
        expect.objectContaining({ id: expect.any(String) }),
        'PreSignUp_SignUp',
        'c1',
        'ann',
        { email: 'ann@example.com' },
        { invite: 'abc' },
        { source: 'web' },
      );
      expect(triggers.preSignUp.mock.invocationCallOrder[0]).toBeLessThan(
        users.insertClaiming.mock.invocationCallOrder[0],
      );
    });

    it('sends validationData null when the request has none, as Cognito does', async () => {
      const { useCase, triggers } = signUp();
      await useCase.execute(request(), meta);
      expect(triggers.preSignUp.mock.calls[0][5]).toBeNull();
    });

    it('auto-confirms and auto-verifies: a CONFIRMED user, no code sent, UserConfirmed true', async () => {
      const { useCase, users, codes, sender, outbox } = signUp(undefined, 'created', {
        autoConfirmUser: true,
        autoVerifyEmail: true,
        autoVerifyPhone: true,
      });
      const answer = await useCase.execute(request(), meta);
      const user = users.insertClaiming.mock.calls[0][0] as {
        status: string;
        attributes: Record<string, string>;
      };
      expect(user.status).toBe('CONFIRMED');
      // No phone number: nothing to verify there.
      expect(user.attributes).toEqual({ email: 'ann@example.com', email_verified: 'true' });
      expect(codes.issue).not.toHaveBeenCalled();
      expect(sender.send).not.toHaveBeenCalled();
      expect(outbox.add).toHaveBeenCalledWith(
        tx,
        expect.objectContaining({ payload: expect.objectContaining({ status: 'CONFIRMED' }) }),
      );
      expect(answer).toEqual({ UserConfirmed: true, UserSub: expect.any(String) });
    });

    it('verifies the email without confirming the user when only autoVerifyEmail is set', async () => {
      const { useCase, users, codes } = signUp(undefined, 'created', {
        autoConfirmUser: false,
        autoVerifyEmail: true,
        autoVerifyPhone: false,
      });
      const answer = await useCase.execute(request(), meta);
      expect(users.insertClaiming.mock.calls[0][0]).toMatchObject({
        status: 'UNCONFIRMED',
        attributes: { email_verified: 'true' },
      });
      expect(codes.issue).toHaveBeenCalled();
      expect(answer.UserConfirmed).toBe(false);
    });

    it('stores nothing and sends nothing when the trigger refuses', async () => {
      const { useCase, triggers, users, codes, sender, outbox } = signUp();
      triggers.preSignUp.mockRejectedValue(
        new ServiceError('UserLambdaValidationException', 'PreSignUp failed with error no.'),
      );
      expect(await outcome(useCase.execute(request(), meta))).toBe('UserLambdaValidationException');
      expect(users.insertClaiming).not.toHaveBeenCalled();
      expect(codes.issue).not.toHaveBeenCalled();
      expect(sender.send).not.toHaveBeenCalled();
      expect(outbox.add).not.toHaveBeenCalled();
    });
  });
});
