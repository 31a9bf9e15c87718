import { TriggerCaller } from '../triggers/trigger-caller';
import { UserPoolTriggers } from '../triggers/user-pool-triggers';
import { OutboxService } from '@idfed/messaging';
import { aPool, aUser, inPlaceTransactions, meta, outcome, tx } from '../../test/support/users-doubles';
import { AttemptLimiter } from '../attempts/attempt-limiter';
import { ClientsService } from '../clients/clients.service';
import { UserEntity } from '../database/entities';
import { ConfirmSignUpUseCase } from './confirm-sign-up.use-case';
import { UserConfirmation } from './user-confirmation';
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';
import { CodeCheck, VerificationCodes } from './verification-codes';
import { BlockedAddresses } from '../risk/threat-protection';

describe('ConfirmSignUp', () => {
  const request = { ClientId: 'c1', Username: 'ann', ConfirmationCode: '123456' };

  function confirmSignUp(opts: {
    user?: UserEntity;
    held?: UserEntity;
    check?: CodeCheck;
    consumed?: boolean;
    hideExistence?: boolean;
  }) {
    const pool = aPool({ autoVerifiedAttributes: ['email'] });
    const users = {
      findByName: jest.fn().mockResolvedValue(opts.user),
      findBySub: jest.fn().mockResolvedValue(opts.held ?? opts.user),
    };
    const lookup = {
      requirePool: jest.fn().mockResolvedValue(pool),
      lockUser: jest.fn().mockResolvedValue(opts.held ?? opts.user),
    };
    const clients = {
      forAuth: jest.fn().mockResolvedValue({
        client: {
          id: 'c1',
          poolId: pool.id,
          config: { preventUserExistenceErrors: opts.hideExistence ? 'ENABLED' : 'LEGACY' },
        },
        pool,
      }),
    };
    const attempts = {
      begin: jest.fn().mockResolvedValue(undefined),
      succeeded: jest.fn().mockResolvedValue(undefined),
      unknownName: jest.fn().mockReturnValue({ poolId: pool.id, key: 'name:x' }),
    };
    const codes = {
      check: jest.fn().mockResolvedValue(opts.check ?? 'match'),
      consume: jest.fn().mockResolvedValue(opts.consumed ?? true),
    };
    const confirmation = { markConfirmed: jest.fn().mockResolvedValue(undefined) };
    const outbox = { nudge: jest.fn() };
    /** Threat protection's block list: the order of the request path's calls is recorded with it. */
    const order: string[] = [];
    const blocked = { refuseBlocked: jest.fn(async () => void order.push('refuseBlocked')) };
    users.findByName.mockImplementation(async () => {
      order.push('findByName');
      return opts.user;
    });
    const useCase = new ConfirmSignUpUseCase(
      inPlaceTransactions(),
      users as unknown as UsersRepository,
      lookup as unknown as UserLookup,
      clients as unknown as ClientsService,
      outbox as unknown as OutboxService,
      attempts as unknown as AttemptLimiter,
      codes as unknown as VerificationCodes,
      confirmation as unknown as UserConfirmation,
      new UserPoolTriggers(
        new TriggerCaller({
          accountId: '123456789012',
          endpoints: new Map(),
          timeoutMs: 5000,
          maxAnswerBytes: 1024,
        }),
      ),
      blocked as unknown as BlockedAddresses,
    );
    return { useCase, users, lookup, attempts, codes, confirmation, clients, blocked, order, pool };
  }

  it("checks the block list with the caller's address (or a propagating client's UserContextData) first", async () => {
    const d = confirmSignUp({ user: aUser({ status: 'UNCONFIRMED' }) });
    const withContext = { ...request, UserContextData: { IpAddress: '203.0.113.9' } };
    await d.useCase.execute(withContext, { ...meta, sourceIp: '198.51.100.4' });
    expect(d.blocked.refuseBlocked).toHaveBeenLastCalledWith(d.pool, 'c1', '198.51.100.4');
    expect(d.order).toEqual(['refuseBlocked', 'findByName']);
    const propagating = confirmSignUp({ user: aUser({ status: 'UNCONFIRMED' }) });
    const { client } = (await propagating.clients.forAuth()) as {
      client: { config: Record<string, unknown> };
    };
    client.config.enablePropagateAdditionalUserContextData = true;
    await propagating.useCase.execute(withContext, { ...meta, sourceIp: '198.51.100.4' });
    expect(propagating.blocked.refuseBlocked).toHaveBeenLastCalledWith(propagating.pool, 'c1', '203.0.113.9');
  });

  it('answers a blocked address before any lookup, counting or code check, leaving the user unconfirmed', async () => {
    for (const user of [aUser({ status: 'UNCONFIRMED' }), undefined]) {
      const d = confirmSignUp({ user, hideExistence: true });
      d.blocked.refuseBlocked.mockRejectedValueOnce(new Error('blocked'));
      await expect(d.useCase.execute(request, meta)).rejects.toThrow('blocked');
      expect(d.blocked.refuseBlocked).toHaveBeenCalledTimes(1);
      expect(d.users.findByName).not.toHaveBeenCalled();
      expect(d.attempts.begin).not.toHaveBeenCalled();
      expect(d.codes.check).not.toHaveBeenCalled();
      expect(d.confirmation.markConfirmed).not.toHaveBeenCalled();
    }
  });

  it('uses the code up on the held user and confirms them, the email it went to now verified', async () => {
    const user = aUser({ status: 'UNCONFIRMED' });
    const d = confirmSignUp({ user });
    await d.useCase.execute(request, meta);
    expect(d.codes.check).toHaveBeenCalledWith(user.sub, 'confirm-sign-up', '123456');
    expect(d.lookup.lockUser).toHaveBeenCalledWith(user.sub, tx);
    expect(d.codes.consume).toHaveBeenCalledWith(user.sub, 'confirm-sign-up', '123456', tx);
    expect(d.confirmation.markConfirmed).toHaveBeenCalledWith(
      user,
      { email: 'ann@example.com', email_verified: 'true' },
      'self',
      'req-1',
      tx,
      expect.objectContaining({ id: 'us-east-1_Spec1' }),
      false,
    );
    expect(d.attempts.succeeded).toHaveBeenCalled();
  });

  it('answers ExpiredCodeException when a concurrent request used the code up first', async () => {
    const d = confirmSignUp({ user: aUser({ status: 'UNCONFIRMED' }), consumed: false });
    expect(await outcome(d.useCase.execute(request, meta))).toBe('ExpiredCodeException');
    expect(d.confirmation.markConfirmed).not.toHaveBeenCalled();
    expect(d.attempts.succeeded).not.toHaveBeenCalled();
  });

  it('answers as after a concurrent confirmation that spent the code since the user was read', async () => {
    const user = aUser({ status: 'UNCONFIRMED' });
    const d = confirmSignUp({ user, held: aUser({ status: 'CONFIRMED' }), check: 'missing' });
    expect(await outcome(d.useCase.execute(request, meta))).toBe('NotAuthorizedException');
    expect(d.users.findBySub).toHaveBeenCalledWith(user.sub);
  });

  it('counts a wrong code and answers CodeMismatchException without touching the user', async () => {
    const d = confirmSignUp({ user: aUser({ status: 'UNCONFIRMED' }), check: 'mismatch' });
    expect(await outcome(d.useCase.execute(request, meta))).toBe('CodeMismatchException');
    expect(d.attempts.begin).toHaveBeenCalledWith('confirm-sign-up', expect.anything());
    expect(d.lookup.lockUser).not.toHaveBeenCalled();
  });

  it('answers an unknown name as a wrong code when the client hides user existence', async () => {
    const d = confirmSignUp({ user: undefined, check: 'missing', hideExistence: true });
    expect(await outcome(d.useCase.execute(request, meta))).toBe('CodeMismatchException');
    expect(d.codes.check).toHaveBeenCalledWith(undefined, 'confirm-sign-up', '123456');
    expect(d.attempts.unknownName).toHaveBeenCalled();
  });
});
