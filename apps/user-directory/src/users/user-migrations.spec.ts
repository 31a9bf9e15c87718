import { randomBytes } from 'node:crypto';
import { OutboxService, ServiceError } from '@idfed/messaging';
import { inPlaceTransactions, aPool, outcome, tx } from '../../test/support/users-doubles';
import { TriggerCaller, TriggerEvent } from '../triggers/trigger-caller';
import { UserMigrationTrigger } from '../triggers/user-migration.trigger';
import { PasswordHasher } from '@idfed/crypto';
import { PasswordCredentials } from './password-credentials';
import { VerifierSeal } from './secrets-at-rest';
import { UserMigrations } from './user-migrations';
import { UsersRepository } from './users.repository';
import { BackgroundDelivery } from '../delivery/background-delivery';
import { UserMfaRepository } from '../mfa/user-mfa.repository';
import { PoolConfig } from '../pools/pool-config';

const ARN = 'arn:aws:lambda:us-east-1:000000000000:function:migrate';

function setUp(
  answer: () => Promise<unknown>,
  inserted: 'created' | 'exists' = 'created',
  config: Partial<PoolConfig> = {},
) {
  const pool = aPool({ lambdaConfig: { UserMigration: ARN }, ...config });
  const events: TriggerEvent[] = [];
  const caller = {
    invoke: jest.fn(async (_t: string, _arn: string, event: TriggerEvent) => {
      events.push(event);
      return answer();
    }),
  } as unknown as TriggerCaller;
  const users = {
    insertClaiming: jest.fn(async () => inserted),
    releaseAlias: jest.fn(async () => undefined),
  };
  const mfa = { savePreference: jest.fn(async () => undefined) };
  const delivery = { enqueue: jest.fn() };
  const outbox = { add: jest.fn(async () => undefined), nudge: jest.fn() };
  const transactions = inPlaceTransactions();
  const migrations = new UserMigrations(
    transactions,
    users as unknown as UsersRepository,
    new PasswordCredentials({} as PasswordHasher, new VerifierSeal(randomBytes(32))),
    outbox as unknown as OutboxService,
    new UserMigrationTrigger(caller),
    mfa as unknown as UserMfaRepository,
    delivery as unknown as BackgroundDelivery,
  );
  return { pool, events, users, outbox, mfa, delivery, migrations };
}

const signIn = { clientId: 'app', userName: 'olga', password: 'Legacy-Passw0rd!' };
const found = async () => ({
  userAttributes: { email: 'olga@legacy.example', email_verified: 'true' },
  finalUserStatus: 'CONFIRMED',
  messageAction: 'SUPPRESS',
});

/** UserMigration (ADR 0037): Cognito's event, the answer checked, one transaction or nothing. */
describe('UserMigrations', () => {
  it("sends Cognito's event, and stores the user with the password, status and attributes given", async () => {
    const t = setUp(found);
    expect(await t.migrations.migrate(t.pool, 'UserMigration_Authentication', signIn, 'corr')).toBe(
      'migrated',
    );
    expect(t.events[0]).toEqual({
      version: '1',
      triggerSource: 'UserMigration_Authentication',
      region: 'us-east-1',
      userPoolId: t.pool.id,
      userName: 'olga',
      callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'app' },
      request: { password: 'Legacy-Passw0rd!', validationData: {} },
      response: {
        userAttributes: null,
        finalUserStatus: null,
        messageAction: null,
        desiredDeliveryMediums: null,
        forceAliasCreation: null,
        enableSMSMFA: null,
      },
    });
    const [[user, handle]] = t.users.insertClaiming.mock.calls as unknown as [
      [Record<string, unknown>, unknown],
    ];
    expect(handle).toBe(tx);
    expect(user).toMatchObject({
      username: 'olga',
      status: 'CONFIRMED',
      passwordHash: null,
      srpSalt: expect.any(String),
      attributes: { email: 'olga@legacy.example', email_verified: 'true' },
    });
    expect(t.outbox.add).toHaveBeenCalledWith(tx, {
      topic: 'user-directory.user.signed-up.v1',
      key: user.sub,
      payload: expect.objectContaining({ status: 'CONFIRMED', migrated: true, username: 'olga' }),
      correlationId: 'corr',
    });
  });

  it('sends no password at ForgotPassword, passes ClientMetadata, and leaves the user to set one', async () => {
    const t = setUp(async () => ({ userAttributes: { email: 'olga@legacy.example' } }));
    await t.migrations.migrate(
      t.pool,
      'UserMigration_ForgotPassword',
      { clientId: 'app', userName: 'olga', clientMetadata: { app: 'x' } },
      'corr',
    );
    expect(t.events[0].request).toEqual({ validationData: {}, clientMetadata: { app: 'x' } });
    expect(t.users.insertClaiming.mock.calls[0]).toEqual([
      expect.objectContaining({ status: 'RESET_REQUIRED', srpSalt: null, srpVerifierEnc: null }),
      tx,
    ]);
  });

  it('stores nothing when the function refuses the name or the password', async () => {
    const t = setUp(async () => {
      throw new ServiceError(
        'UserLambdaValidationException',
        'UserMigration failed with error Bad password.',
      );
    });
    expect(await t.migrations.migrate(t.pool, 'UserMigration_Authentication', signIn, 'c')).toBe('refused');
    expect(t.users.insertClaiming).not.toHaveBeenCalled();
  });

  it.each([
    ['no userAttributes', {}],
    ['attributes that are not strings', { userAttributes: { email: 42 } }],
    ['an attribute the pool does not have', { userAttributes: { favourite_colour: 'green' } }],
    ['an unknown finalUserStatus', { userAttributes: {}, finalUserStatus: 'FORCE_CHANGE_PASSWORD' }],
    ['an unknown messageAction', { userAttributes: {}, messageAction: 'SHOUT' }],
    ['a delivery medium that is none', { userAttributes: {}, desiredDeliveryMediums: ['PIGEON'] }],
    ['a forceAliasCreation that is no boolean', { userAttributes: {}, forceAliasCreation: 'yes' }],
  ])('refuses an answer with %s as unrecognizable, storing nothing', async (_what, response) => {
    const t = setUp(async () => response);
    expect(await outcome(t.migrations.migrate(t.pool, 'UserMigration_Authentication', signIn, 'c'))).toBe(
      'InvalidLambdaResponseException',
    );
    expect(t.users.insertClaiming).not.toHaveBeenCalled();
  });

  it('passes a failed call on (ADR 0030) and stores nothing', async () => {
    const t = setUp(async () => {
      throw new ServiceError(
        'UnexpectedLambdaException',
        'UserMigration invocation failed due to error ServiceException.',
      );
    });
    expect(await outcome(t.migrations.migrate(t.pool, 'UserMigration_Authentication', signIn, 'c'))).toBe(
      'UnexpectedLambdaException',
    );
    expect(t.users.insertClaiming).not.toHaveBeenCalled();
  });

  it('rolls back and emits nothing when a concurrent migration stored the name first', async () => {
    const t = setUp(found, 'exists');
    expect(await t.migrations.migrate(t.pool, 'UserMigration_Authentication', signIn, 'c')).toBe('migrated');
    expect(t.outbox.add).not.toHaveBeenCalled();
    expect(t.outbox.nudge).not.toHaveBeenCalled();
  });

  it('leaves no user when the event cannot be stored (the transaction fails whole)', async () => {
    const t = setUp(found);
    t.outbox.add.mockRejectedValueOnce(new Error('database gone'));
    await expect(t.migrations.migrate(t.pool, 'UserMigration_Authentication', signIn, 'c')).rejects.toThrow(
      'database gone',
    );
    expect(t.outbox.nudge).not.toHaveBeenCalled();
  });

  describe("the answer's other members (ADR 0063)", () => {
    const answering = (extra: Record<string, unknown>) => async () => ({
      userAttributes: { email: 'olga@legacy.example', email_verified: 'true' },
      ...extra,
    });

    it('sends the welcome message by the mediums named once the user is stored, none for SUPPRESS', async () => {
      const t = setUp(answering({ desiredDeliveryMediums: ['EMAIL'] }));
      await t.migrations.migrate(t.pool, 'UserMigration_Authentication', signIn, 'c');
      expect(t.delivery.enqueue).toHaveBeenCalledTimes(1);
      const [[message]] = t.delivery.enqueue.mock.calls as unknown as [[Record<string, unknown>]];
      expect(message).toMatchObject({
        medium: 'EMAIL',
        to: 'olga@legacy.example',
        userPoolId: t.pool.id,
        username: 'olga',
      });
      expect(message.text).toContain('Welcome, olga.');
      expect(message.text).not.toContain(signIn.password);
      // Enqueued after the commit: after the outbox write.
      expect(t.delivery.enqueue.mock.invocationCallOrder[0]).toBeGreaterThan(
        t.outbox.add.mock.invocationCallOrder[0],
      );
      const quiet = setUp(answering({ messageAction: 'SUPPRESS', desiredDeliveryMediums: ['EMAIL'] }));
      await quiet.migrations.migrate(quiet.pool, 'UserMigration_Authentication', signIn, 'c');
      expect(quiet.delivery.enqueue).not.toHaveBeenCalled();
    });

    it("sends by SMS when no medium is named (Cognito's default): none to a user without a phone", async () => {
      const none = setUp(answering({ messageAction: 'RESEND' }));
      await none.migrations.migrate(none.pool, 'UserMigration_Authentication', signIn, 'c');
      expect(none.delivery.enqueue).not.toHaveBeenCalled();
      const phone = setUp(async () => ({ userAttributes: { phone_number: '+15555550123' } }));
      await phone.migrations.migrate(phone.pool, 'UserMigration_Authentication', signIn, 'c');
      expect(phone.delivery.enqueue).toHaveBeenCalledWith(
        expect.objectContaining({ medium: 'SMS', to: '+15555550123' }),
      );
    });

    it('sends nothing when a concurrent migration stored the user first', async () => {
      const t = setUp(answering({}), 'exists');
      await t.migrations.migrate(t.pool, 'UserMigration_Authentication', signIn, 'c');
      expect(t.delivery.enqueue).not.toHaveBeenCalled();
    });

    it('turns SMS MFA on, preferred, in the transaction that stores the user', async () => {
      const t = setUp(async () => ({
        userAttributes: { phone_number: '+15555550123', phone_number_verified: 'true' },
        enableSMSMFA: true,
        messageAction: 'SUPPRESS',
      }));
      await t.migrations.migrate(t.pool, 'UserMigration_Authentication', signIn, 'c');
      const [[user]] = t.users.insertClaiming.mock.calls as unknown as [[{ sub: string }]];
      expect(t.mfa.savePreference).toHaveBeenCalledWith(
        user.sub,
        { totpEnabled: false, smsEnabled: true, emailEnabled: false, preferred: 'SMS_MFA' },
        expect.any(Date),
        tx,
      );
      const off = setUp(answering({ enableSMSMFA: false }));
      await off.migrations.migrate(off.pool, 'UserMigration_Authentication', signIn, 'c');
      expect(off.mfa.savePreference).not.toHaveBeenCalled();
    });

    it('moves a verified alias from another user with forceAliasCreation, only then', async () => {
      const forced = setUp(answering({ forceAliasCreation: true }), 'created', {
        aliasAttributes: ['email'],
      });
      await forced.migrations.migrate(forced.pool, 'UserMigration_Authentication', signIn, 'c');
      const [[user]] = forced.users.insertClaiming.mock.calls as unknown as [[{ sub: string }]];
      expect(forced.users.releaseAlias).toHaveBeenCalledWith(
        forced.pool.id,
        user.sub,
        'email',
        'olga@legacy.example',
        tx,
      );
      expect(forced.users.releaseAlias.mock.invocationCallOrder[0]).toBeLessThan(
        forced.users.insertClaiming.mock.invocationCallOrder[0],
      );
      const kept = setUp(answering({}), 'created', { aliasAttributes: ['email'] });
      await kept.migrations.migrate(kept.pool, 'UserMigration_Authentication', signIn, 'c');
      expect(kept.users.releaseAlias).not.toHaveBeenCalled();
    });

    it.each([
      ['a medium for an address the user lacks', { desiredDeliveryMediums: ['SMS'] }],
      ['enableSMSMFA without a phone number', { enableSMSMFA: true }],
      ['an enableSMSMFA that is no boolean', { enableSMSMFA: 'yes' }],
    ])('refuses %s as unrecognizable: nothing stored, nothing sent', async (_what, extra) => {
      const t = setUp(answering(extra));
      expect(await outcome(t.migrations.migrate(t.pool, 'UserMigration_Authentication', signIn, 'c'))).toBe(
        'InvalidLambdaResponseException',
      );
      expect(t.users.insertClaiming).not.toHaveBeenCalled();
      expect(t.mfa.savePreference).not.toHaveBeenCalled();
      expect(t.delivery.enqueue).not.toHaveBeenCalled();
    });
  });

  it('calls nothing for a pool without the trigger', async () => {
    const t = setUp(found);
    const plain = aPool();
    expect(t.migrations.configured(plain)).toBe(false);
    expect(t.migrations.configured(t.pool)).toBe(true);
  });
});
