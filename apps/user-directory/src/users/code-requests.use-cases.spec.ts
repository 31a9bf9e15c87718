import { ServiceError } from '@idfed/messaging';
import { AuthEventRecorder } from '../risk/auth-event-recorder';
import { BlockedAddresses } from '../risk/threat-protection';
import { TriggerCaller } from '../triggers/trigger-caller';
import { UserPoolTriggers } from '../triggers/user-pool-triggers';
import { aPool, aUser, inPlaceTransactions, outcome, tx } from '../../test/support/users-doubles';
import { AttemptLimiter } from '../attempts/attempt-limiter';
import { ClientsService } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { UserEntity } from '../database/entities';
import { BackgroundDelivery } from '../delivery/background-delivery';
import { PoolConfig } from '../pools/pool-config';
import { PasswordHistory } from './password-history';
import { ConfirmForgotPasswordUseCase } from './confirm-forgot-password.use-case';
import { UserMigrations } from './user-migrations';
import { ForgotPasswordUseCase } from './forgot-password.use-case';
import { PasswordCredentials } from './password-credentials';
import { ResendConfirmationCodeUseCase } from './resend-confirmation-code.use-case';
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';
import { CodeCheck, VerificationCodes } from './verification-codes';
import { ConfirmationLinks } from './confirmation-links';
import { UserMfaRepository } from '../mfa/user-mfa.repository';
import { UserPoolDomainsRepository } from '../domains/user-pool-domains.repository';

/** What the public code operations share: a client, its pool, the user (or none), the counters. */
function doubles(user: UserEntity | undefined, config: Partial<PoolConfig> = {}, hideExistence = false) {
  const pool = aPool(config);
  const users = {
    findByName: jest.fn().mockResolvedValue(user),
    update: jest.fn().mockResolvedValue(undefined),
  };
  const lookup = {
    requirePool: jest.fn().mockResolvedValue(pool),
    lockUser: jest.fn().mockResolvedValue(user),
  };
  const clients = {
    forAuth: jest.fn().mockResolvedValue({
      client: {
        id: 'c1',
        poolId: pool.id,
        config: { preventUserExistenceErrors: hideExistence ? 'ENABLED' : 'LEGACY' },
      },
      pool,
    }),
  };
  const attempts = {
    begin: jest.fn().mockResolvedValue(undefined),
    succeeded: jest.fn().mockResolvedValue(undefined),
    unknownName: jest.fn().mockReturnValue({ poolId: pool.id, key: 'name:x' }),
  };
  /** The code's draw and write, which run after the answer (ADR 0068): never called on the request path. */
  const issue = jest.fn().mockResolvedValue('123456');
  const codes = {
    issueLater: jest.fn().mockReturnValue(issue),
    check: jest.fn().mockResolvedValue('match'),
    consume: jest.fn().mockResolvedValue(true),
  };
  const delivery = { enqueueIssued: jest.fn() };
  const mfaRows = { recoveryMedia: jest.fn().mockResolvedValue({ sms: false, email: false }) };
  const events = { record: jest.fn() };
  /** Threat protection's block list: the order of the request path's calls is recorded with it. */
  const order: string[] = [];
  const blocked = { refuseBlocked: jest.fn(async () => void order.push('refuseBlocked')) };
  users.findByName.mockImplementation(async () => {
    order.push('findByName');
    return user;
  });
  const domains = { domainsOfPool: jest.fn().mockResolvedValue({ prefix: { domain: 'my-app' } }) };
  const links = new ConfirmationLinks(domains as unknown as UserPoolDomainsRepository, {
    publicUrl: 'http://localhost:8080',
    authDomainSuffix: 'auth.localhost',
  });
  const credentials = {
    derive: jest
      .fn()
      .mockResolvedValue({ passwordHash: null, srpSalt: 'bb', srpVerifierEnc: Buffer.from('v') }),
  };
  return {
    pool,
    users,
    lookup,
    attempts,
    codes,
    issue,
    delivery,
    domains,
    mfaRows,
    events,
    blocked,
    order,
    typed: {
      users: users as unknown as UsersRepository,
      lookup: lookup as unknown as UserLookup,
      clients: clients as unknown as ClientsService,
      attempts: attempts as unknown as AttemptLimiter,
      codes: codes as unknown as VerificationCodes,
      delivery: delivery as unknown as BackgroundDelivery,
      credentials: credentials as unknown as PasswordCredentials,
      links,
      mfaRows: mfaRows as unknown as UserMfaRepository,
      events: events as unknown as AuthEventRecorder,
      blocked: blocked as unknown as BlockedAddresses,
    },
  };
}

describe('ForgotPassword', () => {
  const useCase = (d: ReturnType<typeof doubles>) =>
    new ForgotPasswordUseCase(
      d.typed.users,
      d.typed.lookup,
      d.typed.clients,
      d.typed.delivery,
      d.typed.attempts,
      d.typed.codes,
      { configured: () => false } as unknown as UserMigrations,
      d.typed.mfaRows,
      d.typed.events,
      d.typed.blocked,
    );
  const request = { ClientId: 'c1', Username: 'ann' };

  it('counts the request, then stores and sends the reset code after the answer (ADR 0068)', async () => {
    const user = aUser({ attributes: { email: 'ann@example.com', email_verified: 'true' } });
    const d = doubles(user);
    const answer = await useCase(d).execute(request);
    expect(d.codes.issueLater).toHaveBeenCalledWith(user.sub, 'forgot-password');
    expect(d.attempts.begin).toHaveBeenCalledWith('code-delivery', {
      poolId: user.poolId,
      key: `user:${user.sub}`,
    });
    expect(d.delivery.enqueueIssued).toHaveBeenCalledWith('EMAIL', d.pool.id, d.issue, expect.any(Function));
    expect(d.issue).not.toHaveBeenCalled();
    // Threat protection's ForgotPassword event, for the real user only (written after the answer).
    expect(d.events.record).toHaveBeenCalledWith(d.pool, user, 'ForgotPassword', 'Pass', [], {
      sourceIp: undefined,
      userAgent: undefined,
    });
    const [, , , messageOf] = d.delivery.enqueueIssued.mock.calls[0] as [
      string,
      string,
      unknown,
      (code: string) => { to: string; text: string },
    ];
    const message = messageOf('246810');
    expect(message.to).toBe('ann@example.com');
    expect(message.text).toContain('246810');
    expect(answer.CodeDeliveryDetails).toEqual({
      Destination: 'a***@e***',
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    });
  });

  it("consults the block list with the caller's address before the name is looked up", async () => {
    for (const who of [
      aUser({ attributes: { email: 'ann@example.com', email_verified: 'true' } }),
      undefined,
    ]) {
      const d = doubles(who, {}, true);
      await useCase(d).request(request, { context: { sourceIp: '198.51.100.4' } });
      expect(d.blocked.refuseBlocked).toHaveBeenCalledWith(d.pool, 'c1', '198.51.100.4');
      expect(d.order).toEqual(['refuseBlocked', 'findByName']);
      d.blocked.refuseBlocked.mockRejectedValueOnce(new Error('blocked'));
      await expect(useCase(d).request(request, { context: { sourceIp: '198.51.100.4' } })).rejects.toThrow(
        'blocked',
      );
      // Refused: no second lookup, count or event.
      expect(d.users.findByName).toHaveBeenCalledTimes(1);
      expect(d.attempts.begin).toHaveBeenCalledTimes(1);
    }
  });

  it('sends no code to an address nobody verified', async () => {
    const d = doubles(aUser({ attributes: { email: 'ann@example.com' } }));
    expect(await outcome(useCase(d).execute(request))).toBe('InvalidParameterException');
    expect(d.codes.issueLater).not.toHaveBeenCalled();
  });

  it('refuses every name alike in an admin_only pool: NotAuthorizedException, before any lookup or code', async () => {
    const setting = { RecoveryMechanisms: [{ Name: 'admin_only' as const, Priority: 1 }] };
    for (const user of [
      aUser({ attributes: { email: 'ann@example.com', email_verified: 'true' } }),
      undefined,
    ]) {
      const d = doubles(user, { accountRecoverySetting: setting }, true);
      const err = await useCase(d)
        .execute(request)
        .then(
          () => undefined,
          (e: ServiceError) => e,
        );
      expect([err?.errorName, err?.message]).toEqual([
        'NotAuthorizedException',
        'Contact administrator to reset password.',
      ]);
      expect(d.users.findByName).not.toHaveBeenCalled();
      expect(d.attempts.begin).not.toHaveBeenCalled();
      expect(d.delivery.enqueueIssued).not.toHaveBeenCalled();
    }
  });

  it('sends the code by the first mechanism of the AccountRecoverySetting the user has verified', async () => {
    const attributes = {
      email: 'ann@example.com',
      email_verified: 'true',
      phone_number: '+15555550100',
      phone_number_verified: 'true',
    };
    const emailFirst = {
      RecoveryMechanisms: [
        { Name: 'verified_email' as const, Priority: 1 },
        { Name: 'verified_phone_number' as const, Priority: 2 },
      ],
    };
    const byEmail = await useCase(
      doubles(aUser({ attributes }), { accountRecoverySetting: emailFirst }),
    ).execute(request);
    expect(byEmail.CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
    // Without a setting: Cognito's legacy order, SMS before email.
    const legacy = await useCase(doubles(aUser({ attributes }))).execute(request);
    expect(legacy.CodeDeliveryDetails?.DeliveryMedium).toBe('SMS');
  });

  it('skips a medium the user has as MFA when the pool has a recovery setting, not without (ADR 0062)', async () => {
    const attributes = {
      email: 'ann@example.com',
      email_verified: 'true',
      phone_number: '+15555550100',
      phone_number_verified: 'true',
    };
    const phoneFirst = {
      RecoveryMechanisms: [
        { Name: 'verified_phone_number' as const, Priority: 1 },
        { Name: 'verified_email' as const, Priority: 2 },
      ],
    };
    const mfaRow = (sms: boolean, email: boolean) => ({ sms, email });
    const ask = async (
      config: Partial<PoolConfig>,
      row: object | undefined,
      attrs: Record<string, string> = attributes,
    ) => {
      const d = doubles(aUser({ attributes: attrs }), config);
      d.mfaRows.recoveryMedia.mockResolvedValue(row);
      const answer = await useCase(d)
        .execute(request)
        .then(
          (r) => r.CodeDeliveryDetails,
          (e: ServiceError) => e.errorName,
        );
      return { d, answer };
    };
    const withSetting = { accountRecoverySetting: phoneFirst };
    expect((await ask(withSetting, mfaRow(true, false))).answer).toMatchObject({ DeliveryMedium: 'EMAIL' });
    expect((await ask(withSetting, mfaRow(false, false))).answer).toMatchObject({ DeliveryMedium: 'SMS' });
    expect((await ask(withSetting, mfaRow(false, true))).answer).toMatchObject({ DeliveryMedium: 'SMS' });
    // Both media are MFA: nothing qualifies.
    expect((await ask(withSetting, mfaRow(true, true))).answer).toBe('InvalidParameterException');
    // SMS MFA and no verified email: the phone does not qualify either.
    const phoneOnly = { phone_number: '+15555550100', phone_number_verified: 'true' };
    expect((await ask(withSetting, mfaRow(true, false), phoneOnly)).answer).toBe('InvalidParameterException');
    // Without a setting, the legacy order takes the phone whatever the MFA, and no MFA row is read.
    const legacy = await ask({}, mfaRow(true, false));
    expect(legacy.answer).toMatchObject({ DeliveryMedium: 'SMS' });
    expect(legacy.d.mfaRows.recoveryMedia).not.toHaveBeenCalled();
  });

  it('reads an MFA row for an unknown name too in a pool with a recovery setting', async () => {
    const setting = { RecoveryMechanisms: [{ Name: 'verified_email' as const, Priority: 1 }] };
    const d = doubles(undefined, { accountRecoverySetting: setting }, true);
    await useCase(d).execute({ ClientId: 'c1', Username: 'nobody@example.com' });
    expect(d.mfaRows.recoveryMedia).toHaveBeenCalledTimes(1);
  });

  it('counts an unknown name and answers as for a user when the client hides user existence', async () => {
    const d = doubles(undefined, {}, true);
    const answer = await useCase(d).execute({ ClientId: 'c1', Username: 'nobody@example.com' });
    expect(d.attempts.begin).toHaveBeenCalledWith('code-delivery', { poolId: d.pool.id, key: 'name:x' });
    expect(d.codes.issueLater).not.toHaveBeenCalled();
    expect(d.delivery.enqueueIssued).not.toHaveBeenCalled();
    expect(d.events.record).not.toHaveBeenCalled();
    expect(answer.CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
  });

  it('makes the same calls on the request path for a user and an unknown name (ADR 0068)', async () => {
    const setting = { RecoveryMechanisms: [{ Name: 'verified_email' as const, Priority: 1 }] };
    const user = aUser({ attributes: { email: 'ann@example.com', email_verified: 'true' } });
    const requestPath = async (who: UserEntity | undefined) => {
      const d = doubles(who, { accountRecoverySetting: setting }, true);
      await useCase(d).execute({ ClientId: 'c1', Username: who ? who.username : 'nobody@example.com' });
      return {
        userLookups: d.users.findByName.mock.calls.length,
        mfaReads: d.mfaRows.recoveryMedia.mock.calls.length,
        // The statement that counts, with nothing beside it.
        counts: d.attempts.begin.mock.calls.map((args: unknown[]) => args.length),
        codeWrites: d.issue.mock.calls.length,
      };
    };
    const unknown = await requestPath(undefined);
    expect(unknown).toEqual({ userLookups: 1, mfaReads: 1, counts: [2], codeWrites: 0 });
    expect(await requestPath(user)).toEqual(unknown);
  });
});

describe('ResendConfirmationCode', () => {
  const useCase = (d: ReturnType<typeof doubles>) =>
    new ResendConfirmationCodeUseCase(
      d.typed.users,
      d.typed.lookup,
      d.typed.clients,
      d.typed.delivery,
      d.typed.attempts,
      d.typed.codes,
      d.typed.links,
      d.typed.blocked,
      d.typed.events,
    );

  it('counts the request, then replaces and sends the sign-up code after the answer (ADR 0068)', async () => {
    const user = aUser({ status: 'UNCONFIRMED' });
    const d = doubles(user, { autoVerifiedAttributes: ['email'] });
    await useCase(d).execute({ ClientId: 'c1', Username: 'ann' });
    expect(d.codes.issueLater).toHaveBeenCalledWith(user.sub, 'confirm-sign-up');
    expect(d.attempts.begin).toHaveBeenCalledWith('code-delivery', {
      poolId: user.poolId,
      key: `user:${user.sub}`,
    });
    expect(d.delivery.enqueueIssued).toHaveBeenCalledWith('EMAIL', d.pool.id, d.issue, expect.any(Function));
    expect(d.issue).not.toHaveBeenCalled();
  });

  it("records a user's ResendCode event with the caller's address, and none for an unknown name", async () => {
    const user = aUser({ status: 'UNCONFIRMED', attributes: { email: 'ann@example.com' } });
    const d = doubles(user, { autoVerifiedAttributes: ['email'] }, true);
    const meta = {
      requestId: 'r',
      caller: { kind: 'anonymous' as const },
      sourceIp: '192.0.2.7',
      userAgent: 'ua',
    };
    await useCase(d).execute({ ClientId: 'c1', Username: 'ann' }, meta);
    expect(d.events.record).toHaveBeenCalledWith(d.pool, user, 'ResendCode', 'Pass', [], {
      sourceIp: '192.0.2.7',
      userAgent: 'ua',
    });
    // The block list is consulted with the caller's address before the name is looked up.
    expect(d.blocked.refuseBlocked).toHaveBeenCalledWith(d.pool, 'c1', '192.0.2.7');
    expect(d.order).toEqual(['refuseBlocked', 'findByName']);
    const nobody = doubles(undefined, { autoVerifiedAttributes: ['email'] }, true);
    await useCase(nobody).execute({ ClientId: 'c1', Username: 'nobody' }, meta);
    expect(nobody.events.record).not.toHaveBeenCalled();
    expect(nobody.order).toEqual(['refuseBlocked', 'findByName']);
  });

  it('answers a blocked address before any lookup, the same for a user and an unknown name', async () => {
    for (const who of [aUser({ status: 'UNCONFIRMED' }), undefined]) {
      const d = doubles(who, { autoVerifiedAttributes: ['email'] }, true);
      d.blocked.refuseBlocked.mockRejectedValueOnce(new Error('blocked'));
      await expect(useCase(d).execute({ ClientId: 'c1', Username: 'ann' })).rejects.toThrow('blocked');
      expect(d.users.findByName).not.toHaveBeenCalled();
      expect(d.attempts.begin).not.toHaveBeenCalled();
      expect(d.events.record).not.toHaveBeenCalled();
    }
  });

  it('makes the same calls on the request path for an unconfirmed user and an unknown name', async () => {
    const requestPath = async (who: UserEntity | undefined) => {
      const d = doubles(who, { autoVerifiedAttributes: ['email'] }, true);
      await useCase(d).execute({ ClientId: 'c1', Username: who ? who.username : 'nobody' });
      return {
        userLookups: d.users.findByName.mock.calls.length,
        counts: d.attempts.begin.mock.calls.map((args: unknown[]) => args.length),
        codeWrites: d.issue.mock.calls.length,
      };
    };
    const unknown = await requestPath(undefined);
    expect(unknown).toEqual({ userLookups: 1, counts: [2], codeWrites: 0 });
    expect(
      await requestPath(aUser({ status: 'UNCONFIRMED', attributes: { email: 'ann@example.com' } })),
    ).toEqual(unknown);
  });

  it("sends a pool's confirmation link to its domain, reading the domain for unknown names too (ADR 0062)", async () => {
    const byLink = {
      autoVerifiedAttributes: ['email'] as PoolConfig['autoVerifiedAttributes'],
      verificationMessageTemplate: {
        DefaultEmailOption: 'CONFIRM_WITH_LINK' as const,
        EmailSubjectByLink: 'Welcome',
        EmailMessageByLink: 'Hello {username}, {##Click here##}.',
      },
    };
    const user = aUser({ status: 'UNCONFIRMED' });
    const d = doubles(user, byLink);
    await useCase(d).execute({ ClientId: 'c1', Username: 'ann' });
    const [, , , messageOf] = d.delivery.enqueueIssued.mock.calls[0] as [
      string,
      string,
      unknown,
      (code: string) => { subject: string; text: string },
    ];
    const message = messageOf('123456');
    expect(message.subject).toBe('Welcome');
    expect(message.text).toBe(
      `Hello ${user.username}, Click here <http://my-app.auth.localhost:8080/confirmUser?client_id=c1&user_name=${user.username}&confirmation_code=123456>.`,
    );
    const unknown = doubles(undefined, byLink, true);
    await useCase(unknown).execute({ ClientId: 'c1', Username: 'nobody' });
    expect(unknown.domains.domainsOfPool).toHaveBeenCalledTimes(1);
    expect(unknown.delivery.enqueueIssued).not.toHaveBeenCalled();
  });

  it('refuses a confirmed user without issuing a code', async () => {
    const d = doubles(aUser({ status: 'CONFIRMED' }), { autoVerifiedAttributes: ['email'] });
    expect(await outcome(useCase(d).execute({ ClientId: 'c1', Username: 'ann' }))).toBe(
      'InvalidParameterException',
    );
    expect(d.codes.issueLater).not.toHaveBeenCalled();
  });
});

describe('ConfirmForgotPassword', () => {
  const history = { refuseReuse: jest.fn(), remember: jest.fn() };
  beforeEach(() => {
    history.refuseReuse.mockReset().mockResolvedValue(undefined);
    history.remember.mockReset().mockResolvedValue(undefined);
  });
  const useCase = (d: ReturnType<typeof doubles>) =>
    new ConfirmForgotPasswordUseCase(
      inPlaceTransactions(),
      d.typed.users,
      d.typed.lookup,
      d.typed.clients,
      d.typed.credentials,
      d.typed.attempts,
      d.typed.codes,
      new UserPoolTriggers(
        new TriggerCaller({
          accountId: '123456789012',
          endpoints: new Map(),
          timeoutMs: 5000,
          maxAnswerBytes: 1024,
        }),
      ),
      history as unknown as PasswordHistory,
      d.typed.blocked,
    );
  const request = { ClientId: 'c1', Username: 'ann', ConfirmationCode: '123456', Password: 'N3w-Passw0rd!' };

  it("checks the block list with the caller's address before the name is looked at", async () => {
    const d = doubles(aUser());
    await useCase(d).execute(request, {
      requestId: 'r',
      caller: { kind: 'anonymous' as const },
      sourceIp: '198.51.100.4',
    });
    expect(d.blocked.refuseBlocked).toHaveBeenCalledWith(d.pool, 'c1', '198.51.100.4');
    expect(d.order).toEqual(['refuseBlocked', 'findByName']);
  });

  it('answers a blocked address before any lookup, counting, code check or write, for any name', async () => {
    for (const user of [aUser(), undefined]) {
      const d = doubles(user, {}, true);
      d.blocked.refuseBlocked.mockRejectedValueOnce(new Error('blocked'));
      await expect(useCase(d).execute(request)).rejects.toThrow('blocked');
      expect(d.blocked.refuseBlocked).toHaveBeenCalledTimes(1);
      expect(d.users.findByName).not.toHaveBeenCalled();
      expect(d.attempts.begin).not.toHaveBeenCalled();
      expect(d.codes.check).not.toHaveBeenCalled();
      expect(d.users.update).not.toHaveBeenCalled();
    }
  });

  it('reads UserContextData.IpAddress only for a client that propagates it', async () => {
    const d = doubles(aUser());
    const withContext = { ...request, UserContextData: { IpAddress: '203.0.113.9' } };
    await useCase(d).execute(withContext, {
      requestId: 'r',
      caller: { kind: 'anonymous' as const },
      sourceIp: '198.51.100.4',
    });
    expect(d.blocked.refuseBlocked).toHaveBeenLastCalledWith(d.pool, 'c1', '198.51.100.4');
    const propagating = doubles(aUser());
    const { client } = (await propagating.typed.clients.forAuth('c1')) as unknown as {
      client: { config: Record<string, unknown> };
    };
    client.config.enablePropagateAdditionalUserContextData = true;
    await useCase(propagating).execute(withContext, {
      requestId: 'r',
      caller: { kind: 'anonymous' as const },
      sourceIp: '198.51.100.4',
    });
    expect(propagating.blocked.refuseBlocked).toHaveBeenLastCalledWith(propagating.pool, 'c1', '203.0.113.9');
  });

  it('checks the history after the code and keeps the replaced password in the write', async () => {
    const user = aUser();
    const d = doubles(user);
    await useCase(d).execute(request);
    expect(history.refuseReuse).toHaveBeenCalledWith(d.pool, user, request.Password);
    expect(history.remember).toHaveBeenCalledWith(d.pool, user, tx);
  });

  it('refuses a password in the history, leaving the code unused and the right code no guess', async () => {
    const d = doubles(aUser());
    history.refuseReuse.mockRejectedValue(CognitoErrors.passwordHistoryViolation());
    expect(await outcome(useCase(d).execute(request))).toBe('PasswordHistoryPolicyViolationException');
    expect(d.codes.consume).not.toHaveBeenCalled();
    expect(d.users.update).not.toHaveBeenCalled();
    expect(d.attempts.succeeded).toHaveBeenCalledWith('forgot-password', expect.anything());
  });

  it('does not look at the history for a wrong code', async () => {
    const d = doubles(aUser());
    d.codes.check.mockResolvedValue('mismatch');
    expect(await outcome(useCase(d).execute(request))).toBe('CodeMismatchException');
    expect(history.refuseReuse).not.toHaveBeenCalled();
  });

  it('uses the code up on the held user and stores the new password, ending a forced change', async () => {
    const user = aUser({ status: 'FORCE_CHANGE_PASSWORD', passwordExpiresAt: new Date() });
    const d = doubles(user);
    await useCase(d).execute(request);
    expect(d.lookup.lockUser).toHaveBeenCalledWith(user.sub, tx);
    expect(d.codes.consume).toHaveBeenCalledWith(user.sub, 'forgot-password', '123456', tx);
    expect(d.users.update).toHaveBeenCalledWith(
      user.sub,
      expect.objectContaining({ status: 'CONFIRMED', passwordExpiresAt: null, srpSalt: 'bb' }),
      tx,
    );
    expect(d.attempts.succeeded).toHaveBeenCalled();
  });

  it.each<[CodeCheck, string]>([
    ['mismatch', 'CodeMismatchException'],
    ['missing', 'ExpiredCodeException'],
  ])('answers a %s code with %s, storing nothing', async (check, name) => {
    const d = doubles(aUser());
    d.codes.check.mockResolvedValue(check);
    expect(await outcome(useCase(d).execute(request))).toBe(name);
    expect(d.users.update).not.toHaveBeenCalled();
  });

  it('answers ExpiredCodeException when a concurrent request used the code first', async () => {
    const d = doubles(aUser());
    d.codes.consume.mockResolvedValue(false);
    expect(await outcome(useCase(d).execute(request))).toBe('ExpiredCodeException');
    expect(d.users.update).not.toHaveBeenCalled();
  });

  it('refuses a weak password before it counts a guess', async () => {
    const d = doubles(aUser());
    expect(await outcome(useCase(d).execute({ ...request, Password: 'weak' }))).toBe(
      'InvalidPasswordException',
    );
    expect(d.attempts.begin).not.toHaveBeenCalled();
  });
});
