import { AttemptLimiter } from '../../attempts/attempt-limiter';
import { AuthEventRecorder } from '../../risk/auth-event-recorder';
import { ClientForAuth } from '../../clients/clients.service';
import { AppClientEntity, UserEntity, UserPoolEntity } from '../../database/entities';
import { UserPoolTriggers } from '../../triggers/user-pool-triggers';
import { PasswordCredentials } from '../../users/password-credentials';
import { UserMigrations } from '../../users/user-migrations';
import { UsersRepository } from '../../users/users.repository';
import { SignInCompletion } from '../sign-in-completion';
import { AdminUserPasswordAuthFlow } from './admin-user-password-auth.flow';
import { PasswordSignIn } from './password-sign-in';
import { UserPasswordAuthFlow } from './user-password-auth.flow';

/**
 * InitiateAuth's and AdminInitiateAuth's ClientMetadata as Cognito hands it on: to
 * PreAuthentication and UserMigration as `request.validationData`, and to no other sign-in trigger
 * (PostAuthentication and PreTokenGeneration get RespondToAuthChallenge's only).
 */
describe('PasswordSignIn: InitiateAuth ClientMetadata as validationData', () => {
  const ann = {
    sub: 'sub-ann',
    poolId: 'us-east-1_P',
    username: 'ann',
    status: 'CONFIRMED',
    enabled: true,
    attributes: {},
  } as unknown as UserEntity;
  const pool = { id: 'us-east-1_P', config: {} } as UserPoolEntity;
  const auth = {
    client: { id: 'client1', config: { preventUserExistenceErrors: 'LEGACY' } } as AppClientEntity,
    pool,
  } as ClientForAuth;

  function setUp(found: UserEntity | undefined, migrating = false) {
    let stored = found;
    const users = {
      findForSignIn: jest.fn(async () => (stored ? { user: stored, poolConfig: {} } : undefined)),
    };
    const credentials = {
      burnTime: jest.fn(),
      hasPassword: () => true,
      verify: jest.fn(async () => true),
      needsUpgrade: () => false,
    };
    const completion = { afterPasswordProof: jest.fn(async () => ({ ChallengeParameters: {} })) };
    const attempts = {
      begin: jest.fn(async () => undefined),
      succeeded: jest.fn(async () => undefined),
      unknownName: () => ({ key: 'unknown' }),
    };
    const triggers = { preAuthentication: jest.fn(async () => undefined) };
    const migrations = {
      configured: () => migrating,
      migrate: jest.fn(async () => {
        stored = ann;
        return 'migrated' as const;
      }),
    };
    const signIn = new PasswordSignIn(
      users as unknown as UsersRepository,
      credentials as unknown as PasswordCredentials,
      completion as unknown as SignInCompletion,
      attempts as unknown as AttemptLimiter,
      triggers as unknown as UserPoolTriggers,
      migrations as unknown as UserMigrations,
      { record: jest.fn() } as unknown as AuthEventRecorder,
    );
    return { signIn, triggers, migrations, completion };
  }

  const metadata = { origin: 'mobile', locale: 'fr' };

  it.each([
    ['USER_PASSWORD_AUTH', (s: PasswordSignIn) => new UserPasswordAuthFlow(s)],
    ['ADMIN_USER_PASSWORD_AUTH', (s: PasswordSignIn) => new AdminUserPasswordAuthFlow(s)],
  ])('%s: PreAuthentication gets the ClientMetadata as validationData', async (_flow, flowOf) => {
    const t = setUp(ann);
    const flow = flowOf(t.signIn);
    const params = { USERNAME: 'ann', PASSWORD: 'pw' };
    const { found } = await flow.claim(auth, params);
    await flow.start(auth, params, found, metadata);
    expect(t.triggers.preAuthentication).toHaveBeenCalledWith(pool, 'client1', ann, 'ann', metadata);
  });

  it('sends an empty validationData (none given) as before', async () => {
    const t = setUp(ann);
    const flow = new UserPasswordAuthFlow(t.signIn);
    const params = { USERNAME: 'ann', PASSWORD: 'pw' };
    const { found } = await flow.claim(auth, params);
    await flow.start(auth, params, found);
    expect(t.triggers.preAuthentication).toHaveBeenCalledWith(pool, 'client1', ann, 'ann', undefined);
  });

  it('UserMigration gets it as validationData, never as clientMetadata', async () => {
    const t = setUp(undefined, true);
    await t.signIn.signIn(auth, { username: 'ann', password: 'legacy', validationData: metadata });
    expect(t.migrations.migrate).toHaveBeenCalledWith(
      pool,
      'UserMigration_Authentication',
      { clientId: 'client1', userName: 'ann', password: 'legacy', validationData: metadata },
      expect.any(String),
    );
    expect(t.triggers.preAuthentication).toHaveBeenCalledWith(pool, 'client1', ann, 'ann', metadata);
    // Nothing of it goes on to the completion (PostAuthentication, PreTokenGeneration).
    expect(JSON.stringify(t.completion.afterPasswordProof.mock.calls)).not.toContain('mobile');
  });
});
