import { LambdaConfigType, SchemaAttributeType } from '@idfed/contracts';
import { OutboxService, ServiceError } from '@idfed/messaging';
import { aPool, aUser, inPlaceTransactions, meta, outcome } from '../../test/support/users-doubles';
import { ClientsService } from '../clients/clients.service';
import { UserEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { IdentityProvidersRepository } from '../providers/identity-providers.repository';
import { TriggerCaller, TriggerErrors, TriggerEvent } from '../triggers/trigger-caller';
import { UserPoolTriggers } from '../triggers/user-pool-triggers';
import { UsersRepository } from '../users/users.repository';
import { FederatedIdentitiesRepository } from './federated-identities.repository';
import { FederatedUsers } from './federated-users';
import { FederationTriggers, readAttributesToMap } from './federation-triggers';
import { SignInFederatedUserUseCase } from './sign-in-federated-user.use-case';

const fn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
const ALL_TRIGGERS: LambdaConfigType = {
  PreSignUp: fn('gate'),
  PostConfirmation: fn('gate'),
  InboundFederation: { LambdaVersion: 'V1_0', LambdaArn: fn('inbound') },
};

type Answer = (event: TriggerEvent) => unknown;

describe('SignInFederatedUser with triggers', () => {
  function signIn(
    opts: {
      lambdaConfig?: LambdaConfigType;
      answers?: Record<string, Answer>;
      existing?: UserEntity;
      linkedTo?: UserEntity;
      writeAttributes?: string[];
      /** Changes to the schema entry of `name`. */
      nameSchema?: Partial<SchemaAttributeType>;
    } = {},
  ) {
    const pool = aPool({ lambdaConfig: opts.lambdaConfig ?? ALL_TRIGGERS });
    if (opts.nameSchema)
      pool.config.schema = pool.config.schema.map((a) =>
        a.Name === 'name' ? { ...a, ...opts.nameSchema } : a,
      );
    const calls: TriggerEvent[] = [];
    const caller = {
      invoke: jest.fn((_trigger: string, _arn: string, event: TriggerEvent) => {
        calls.push(event);
        const answer = opts.answers?.[event.triggerSource];
        return Promise.resolve(answer ? answer(event) : {});
      }),
    } as unknown as TriggerCaller;
    const pools = { require: jest.fn().mockResolvedValue(pool) };
    const providers = {
      find: jest.fn().mockResolvedValue({
        provider: {
          poolId: pool.id,
          name: 'Google',
          type: 'Google',
          attributeMapping: { email: 'email', name: 'name' },
        },
      }),
    };
    const inserted: UserEntity[] = [];
    const users = {
      findByName: jest.fn().mockResolvedValue(opts.existing),
      findBySub: jest.fn().mockResolvedValue(opts.linkedTo),
      insert: jest.fn((u: UserEntity) => {
        inserted.push(u);
        return Promise.resolve('inserted');
      }),
    };
    const links = {
      resolve: jest.fn().mockResolvedValue(opts.linkedTo?.sub),
      find: jest.fn().mockResolvedValue(undefined),
      insert: jest.fn().mockResolvedValue(undefined),
    };
    const written: Record<string, string>[] = [];
    const federated = {
      refreshIdentities: jest.fn((user: UserEntity, _tx: unknown, extra: Record<string, string>) => {
        written.push(extra);
        return Promise.resolve({ ...user.attributes, ...extra });
      }),
    };
    const outbox = { add: jest.fn().mockResolvedValue(undefined), nudge: jest.fn() };
    const clients = {
      forAuth: jest.fn().mockResolvedValue({
        client: { id: 'app1', poolId: pool.id, config: { writeAttributes: opts.writeAttributes } },
        pool,
      }),
    };
    const useCase = new SignInFederatedUserUseCase(
      inPlaceTransactions(),
      pools as unknown as PoolsService,
      providers as unknown as IdentityProvidersRepository,
      users as unknown as UsersRepository,
      links as unknown as FederatedIdentitiesRepository,
      federated as unknown as FederatedUsers,
      outbox as unknown as OutboxService,
      new FederationTriggers(caller),
      new UserPoolTriggers(caller),
      clients as unknown as ClientsService,
    );
    const run = (
      claims: Record<string, unknown> = { sub: '42', email: 'ann@example.com', name: 'Ann' },
      tokens?: { tokenResponse?: Record<string, string>; idToken?: Record<string, string> },
    ) =>
      useCase.execute(
        { UserPoolId: pool.id, ProviderName: 'Google', Claims: claims, ClientId: 'app1' },
        meta,
        tokens,
      );
    return { run, calls, inserted, written, outbox, links };
  }

  it('asks InboundFederation, then PreSignUp_ExternalProvider, then tells PostConfirmation, for a new user', async () => {
    const d = signIn();
    const answer = await d.run();
    expect(answer.Created).toBe(true);
    expect(d.calls.map((c) => c.triggerSource)).toEqual([
      'InboundFederation_ExternalProvider',
      'PreSignUp_ExternalProvider',
      'PostConfirmation_ConfirmSignUp',
    ]);
    const [inbound, preSignUp, confirmed] = d.calls;
    expect(inbound).toMatchObject({
      version: '1',
      userName: 'Google_42',
      callerContext: { clientId: 'app1' },
      request: {
        providerName: 'Google',
        providerType: 'Google',
        attributes: { userInfo: { sub: '42', email: 'ann@example.com', name: 'Ann' } },
      },
      response: { userAttributesToMap: {} },
    });
    expect(preSignUp).toMatchObject({
      userName: 'Google_42',
      request: { userAttributes: { email: 'ann@example.com', name: 'Ann' }, validationData: null },
    });
    expect(confirmed.request).toMatchObject({
      userAttributes: expect.objectContaining({
        email: 'ann@example.com',
        'cognito:user_status': 'EXTERNAL_PROVIDER',
      }),
    });
  });

  it('shows InboundFederation the token response and the ID token’s claims (Cognito’s event shape)', async () => {
    const d = signIn();
    const tokenResponse = { access_token: 'at', id_token: 'h.p.s', token_type: 'Bearer', expires_in: '3600' };
    const idToken = { sub: '42', iss: 'https://accounts.google.com', email: 'ann@example.com' };
    await d.run(undefined, { tokenResponse, idToken });
    expect(d.calls[0].request).toEqual({
      providerName: 'Google',
      providerType: 'Google',
      attributes: {
        tokenResponse,
        idToken,
        userInfo: { sub: '42', email: 'ann@example.com', name: 'Ann' },
      },
    });
    // Nothing of them reaches the other triggers or the stored attributes.
    expect(JSON.stringify(d.calls.slice(1))).not.toContain('h.p.s');
    expect(JSON.stringify(d.written)).not.toContain('h.p.s');
  });

  it('acts on PreSignUp_ExternalProvider’s autoVerifyEmail / autoVerifyPhone for the new user', async () => {
    const d = signIn({
      answers: {
        PreSignUp_ExternalProvider: () => ({ autoVerifyEmail: true, autoVerifyPhone: true }),
      },
    });
    await d.run();
    // No phone mapped: nothing to verify there.
    expect(d.written).toEqual([{ email: 'ann@example.com', name: 'Ann', email_verified: 'true' }]);
    const none = signIn({ answers: { PreSignUp_ExternalProvider: () => ({ autoVerifyEmail: false }) } });
    await none.run();
    expect(none.written).toEqual([{ email: 'ann@example.com', name: 'Ann' }]);
    const bad = signIn({ answers: { PreSignUp_ExternalProvider: () => ({ autoVerifyEmail: 'yes' }) } });
    expect(await outcome(bad.run())).toBe('InvalidLambdaResponseException');
    expect(bad.inserted).toEqual([]);
  });

  it('never verifies a user it finds (linked or returning): PreSignUp is not asked for one', async () => {
    const native = aUser({ username: 'ann', status: 'CONFIRMED', attributes: { email: 'ann@example.com' } });
    const d = signIn({
      linkedTo: native,
      answers: { PreSignUp_ExternalProvider: () => ({ autoVerifyEmail: true }) },
    });
    expect((await d.run()).Created).toBe(false);
    expect(d.written).toEqual([{ email: 'ann@example.com', name: 'Ann' }]);
    expect(d.calls.map((c) => c.triggerSource)).toEqual(['InboundFederation_ExternalProvider']);
  });

  it('refuses a mapped value the schema does not allow, in Cognito’s words, making nothing', async () => {
    const long = { sub: '42', email: 'ann@example.com', name: 'N'.repeat(2049) };
    const d = signIn();
    await expect(d.run(long)).rejects.toMatchObject({
      errorName: 'InvalidParameterException',
      message:
        'Attributes did not conform to the schema: name: String must be no longer than 2048 characters',
    });
    expect(d.inserted).toEqual([]);
    expect(d.calls.map((c) => c.triggerSource)).not.toContain('PreSignUp_ExternalProvider');
    // A returning user: the update's words; nothing written either.
    const user = aUser({ username: 'Google_42', status: 'EXTERNAL_PROVIDER' });
    const back = signIn({ linkedTo: user, nameSchema: { StringAttributeConstraints: { MaxLength: '2' } } });
    await expect(back.run()).rejects.toMatchObject({
      errorName: 'InvalidParameterException',
      message: 'Invalid user attributes: name: String must be no longer than 2 characters',
    });
    expect(back.written).toEqual([]);
  });

  it('writes an immutable mapped attribute when the user is made, never at a later sign-in', async () => {
    const made = signIn({ nameSchema: { Mutable: false } });
    await made.run();
    expect(made.written).toEqual([{ email: 'ann@example.com', name: 'Ann' }]);
    const user = aUser({ username: 'Google_42', status: 'EXTERNAL_PROVIDER', attributes: { name: 'Ann' } });
    const back = signIn({ linkedTo: user, nameSchema: { Mutable: false } });
    await back.run({ sub: '42', email: 'ann@example.com', name: 'Renamed' });
    expect(back.written).toEqual([{ email: 'ann@example.com' }]);
  });

  it('maps what InboundFederation answers: the whole new set, what it leaves out dropped', async () => {
    const d = signIn({
      answers: {
        InboundFederation_ExternalProvider: () => ({ userAttributesToMap: { email: 'ANN@corp.example' } }),
      },
    });
    await d.run();
    expect(d.written).toEqual([{ email: 'ANN@corp.example' }]);
    expect(d.calls[1].request).toMatchObject({ userAttributes: { email: 'ANN@corp.example' } });
  });

  it('keeps the provider attributes when InboundFederation answers an empty set', async () => {
    const d = signIn({
      answers: { InboundFederation_ExternalProvider: () => ({ userAttributesToMap: {} }) },
    });
    await d.run();
    expect(d.written).toEqual([{ email: 'ann@example.com', name: 'Ann' }]);
  });

  it('cannot make the sign-in another user: the link is resolved from the provider, not the answer', async () => {
    const d = signIn({
      answers: {
        InboundFederation_ExternalProvider: () => ({
          userAttributesToMap: { sub: 'victim', email: 'victim@x' },
        }),
      },
    });
    const answer = await d.run();
    expect(answer.Username).toBe('Google_42');
    expect(d.links.resolve).toHaveBeenCalledWith(
      expect.any(String),
      'Google',
      [
        { name: 'Cognito_Subject', value: '42' },
        { name: 'email', value: 'ann@example.com' },
        { name: 'name', value: 'Ann' },
      ],
      expect.anything(),
    );
  });

  it('a refusing PreSignUp creates nothing and calls nothing after it', async () => {
    const d = signIn({
      answers: {
        PreSignUp_ExternalProvider: () => {
          throw TriggerErrors.refused('PreSignUp', 'No strangers');
        },
      },
    });
    await expect(d.run()).rejects.toMatchObject({
      errorName: 'UserLambdaValidationException',
      message: 'PreSignUp failed with error No strangers.',
    });
    expect(d.inserted).toEqual([]);
    expect(d.outbox.add).not.toHaveBeenCalled();
    expect(d.calls.map((c) => c.triggerSource)).not.toContain('PostConfirmation_ConfirmSignUp');
  });

  it('a refusing InboundFederation stops the sign-in before anything', async () => {
    const d = signIn({
      answers: {
        InboundFederation_ExternalProvider: () => {
          throw TriggerErrors.refused('InboundFederation', 'Blocked domain');
        },
      },
    });
    expect(await outcome(d.run())).toBe('UserLambdaValidationException');
    expect(d.inserted).toEqual([]);
    expect(d.calls).toHaveLength(1);
  });

  it('a returning user: InboundFederation only, neither PreSignUp nor PostConfirmation', async () => {
    const user = aUser({ username: 'Google_42', status: 'EXTERNAL_PROVIDER' });
    const d = signIn({ linkedTo: user });
    const answer = await d.run();
    expect(answer.Created).toBe(false);
    expect(d.calls.map((c) => c.triggerSource)).toEqual(['InboundFederation_ExternalProvider']);
  });

  it('refuses a mapped attribute the app client may not write, before anything is made', async () => {
    const d = signIn({ writeAttributes: ['email'] });
    await expect(d.run()).rejects.toMatchObject({
      errorName: 'NotAuthorizedException',
      message: 'A client attempted to write unauthorized attribute',
    });
    expect(d.inserted).toEqual([]);
    expect(d.calls.map((c) => c.triggerSource)).toEqual(['InboundFederation_ExternalProvider']);
    const allowed = signIn({ writeAttributes: ['email', 'name'] });
    expect((await allowed.run()).Created).toBe(true);
  });

  it('a pool without triggers calls none', async () => {
    const d = signIn({ lambdaConfig: {} });
    await d.run();
    expect(d.calls).toEqual([]);
  });

  it('an answer of the wrong shape is InvalidLambdaResponseException, nothing created', async () => {
    const d = signIn({
      answers: { InboundFederation_ExternalProvider: () => ({ userAttributesToMap: { email: 42 } }) },
    });
    const err = await d.run().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect((err as ServiceError).errorName).toBe('InvalidLambdaResponseException');
    expect(d.inserted).toEqual([]);
  });
});

describe('readAttributesToMap', () => {
  it('reads absent, null and empty as "keep", strings as the new set, anything else as invalid', () => {
    expect(readAttributesToMap(undefined)).toBeUndefined();
    expect(readAttributesToMap(null)).toBeUndefined();
    expect(readAttributesToMap({})).toBeUndefined();
    expect(readAttributesToMap({ email: 'a@b' })).toEqual({ email: 'a@b' });
    for (const bad of ['x', [], { a: 1 }, { a: null }, { '': 'x' }]) {
      expect(() => readAttributesToMap(bad)).toThrow('Unrecognizable lambda output');
    }
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`a${i}`, 'v']));
    expect(() => readAttributesToMap(many)).toThrow('Unrecognizable lambda output');
  });
});
