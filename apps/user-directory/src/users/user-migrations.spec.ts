import { randomBytes } from 'node:crypto';
import { OutboxService, ServiceError } from '@idfed/messaging';
import { inPlaceTransactions, aPool, outcome, tx } from '../../test/support/users-doubles';
import { TriggerCaller, TriggerEvent } from '../triggers/trigger-caller';
import { UserMigrationTrigger } from '../triggers/user-migration.trigger';
import { PasswordHasher } from '../auth/password-hasher';
import { PasswordCredentials } from './password-credentials';
import { VerifierSeal } from './secrets-at-rest';
import { UserMigrations } from './user-migrations';
import { UsersRepository } from './users.repository';

const ARN = 'arn:aws:lambda:us-east-1:000000000000:function:migrate';

function setUp(answer: () => Promise<unknown>, inserted: 'created' | 'exists' = 'created') {
  const pool = aPool({ lambdaConfig: { UserMigration: ARN } });
  const events: TriggerEvent[] = [];
  const caller = {
    invoke: jest.fn(async (_t: string, _arn: string, event: TriggerEvent) => {
      events.push(event);
      return answer();
    }),
  } as unknown as TriggerCaller;
  const users = { insertClaiming: jest.fn(async () => inserted) };
  const outbox = { add: jest.fn(async () => undefined), nudge: jest.fn() };
  const transactions = inPlaceTransactions();
  const migrations = new UserMigrations(
    transactions,
    users as unknown as UsersRepository,
    new PasswordCredentials({} as PasswordHasher, new VerifierSeal(randomBytes(32))),
    outbox as unknown as OutboxService,
    new UserMigrationTrigger(caller),
  );
  return { pool, events, users, outbox, migrations };
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

  it('calls nothing for a pool without the trigger', async () => {
    const t = setUp(found);
    const plain = aPool();
    expect(t.migrations.configured(plain)).toBe(false);
    expect(t.migrations.configured(t.pool)).toBe(true);
  });
});
