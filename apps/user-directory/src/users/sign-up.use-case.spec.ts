import { OutboxService } from '@idfed/messaging';
import { aPool, inPlaceTransactions, meta, outcome, tx } from '../../test/support/users-doubles';
import { ClientsService } from '../clients/clients.service';
import { PasswordCredentials } from './password-credentials';
import { SignUpUseCase } from './sign-up.use-case';
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';
import { VerificationCodes } from './verification-codes';

describe('SignUp', () => {
  function signUp(
    pool = aPool({ autoVerifiedAttributes: ['email'] }),
    inserted: 'created' | 'exists' = 'created',
  ) {
    const users = { insert: jest.fn().mockResolvedValue(inserted) };
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
    const useCase = new SignUpUseCase(
      inPlaceTransactions(),
      users as unknown as UsersRepository,
      lookup as unknown as UserLookup,
      clients as unknown as ClientsService,
      credentials as unknown as PasswordCredentials,
      sender,
      outbox as unknown as OutboxService,
      codes as unknown as VerificationCodes,
    );
    return { useCase, users, lookup, sender, outbox, codes };
  }
  const request = (Username = 'ann', email = 'ann@example.com') => ({
    ClientId: 'c1',
    Username,
    Password: 'Passw0rd!',
    UserAttributes: [{ Name: 'email', Value: email }],
  });

  it('creates the user, its event and its code in one unit of work, and sends the code before it commits', async () => {
    const { useCase, users, outbox, codes, sender } = signUp();
    const answer = await useCase.execute(request(), meta);
    const user = users.insert.mock.calls[0][0] as { sub: string; status: string; usernameKey: string };
    expect(users.insert).toHaveBeenCalledWith(expect.anything(), tx);
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
    expect(users.insert.mock.calls[0][0]).toMatchObject({ aliasKey: 'ann@example.com' });
  });

  it('refuses a pool that only administrators may add users to, before touching the users', async () => {
    const { useCase, users } = signUp(aPool({ allowAdminCreateUserOnly: true }));
    expect(await outcome(useCase.execute(request(), meta))).toBe('NotAuthorizedException');
    expect(users.insert).not.toHaveBeenCalled();
  });
});
