import { TriggerCaller } from '../triggers/trigger-caller';
import { AuthEventRecorder } from '../risk/auth-event-recorder';
import { UserPoolTriggers } from '../triggers/user-pool-triggers';
import { randomBytes } from 'node:crypto';
import { ServiceError } from '@idfed/messaging';
import { CognitoJsSrpClient } from '../../test/support/cognito-js-srp-client';
import { ClientConfig } from '../clients/client-config';
import { ClientForAuth } from '../clients/clients.service';
import { AppClientEntity, UserEntity, UserPoolEntity } from '../database/entities';
import { PoolConfig } from '../pools/pool-config';
import { PasswordCredentials } from '../users/password-credentials';
import { VerifierSeal } from '../users/secrets-at-rest';
import { UsersRepository } from '../users/users.repository';
import { AttemptLimiter } from '../attempts/attempt-limiter';
import { AuthSessionSeal } from './auth-session-seal';
import { PasswordHasher } from '@idfed/crypto';
import { secretHash } from './secret-hash';
import { SignInCompletion } from './sign-in-completion';
import { padHex, SRP_N, srpPoolName } from './srp/srp';
import { UserSrpAuth } from './user-srp-auth';
import { AuthFlows } from './flows/auth-flows';
import { PasswordVerifierChallenge } from './flows/password-verifier.challenge';
import { UserSrpAuthFlow } from './flows/user-srp-auth.flow';
import { CustomAuth } from './flows/custom-auth';

const POOL_ID = 'us-east-1_AbCdEf123';
const PASSWORD = 'Corr3ct-Horse!';

function errorOf(err: unknown): { name: string; message: string } {
  return (err as ServiceError).getError() as { name: string; message: string };
}

async function rejection(p: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await p;
  } catch (err) {
    return errorOf(err);
  }
  throw new Error('expected a rejection');
}

describe('USER_SRP_AUTH against amazon-cognito-identity-js', () => {
  let now = Date.now();
  const seal = new AuthSessionSeal(randomBytes(32), () => now);
  const signedIn = { ChallengeParameters: {}, AuthenticationResult: { AccessToken: 'tokens' } };
  const completion = { afterPasswordProof: jest.fn(async () => signedIn) };
  const pool = { id: POOL_ID, config: {} as PoolConfig } as UserPoolEntity;
  const users = new Map<string, UserEntity>();
  const usersRepository = {
    findByName: async (_poolId: string, _config: unknown, name: string) => users.get(name),
  } as unknown as UsersRepository;
  // Lockout has its own tests against PostgreSQL (attempt-limiter.int-spec); here every attempt is let through.
  const attempts = {
    begin: async () => undefined,
    succeeded: async () => undefined,
    unknownName: (poolId: string, _config: unknown, username: string) => ({
      poolId,
      key: `name:${username}`,
    }),
  };
  const credentials = new PasswordCredentials(new PasswordHasher(19456), new VerifierSeal(randomBytes(32)));
  const srp = new UserSrpAuth(
    usersRepository,
    seal,
    completion as unknown as SignInCompletion,
    attempts as unknown as AttemptLimiter,
    credentials,
    new UserPoolTriggers(
      new TriggerCaller({
        accountId: '123456789012',
        endpoints: new Map(),
        timeoutMs: 5000,
        maxAnswerBytes: 1024,
      }),
    ),
    { record: jest.fn() } as unknown as AuthEventRecorder,
  );
  // Both steps through the dispatcher, as the operations run them: it checks SECRET_HASH between
  // each step's reading of its parameters and its work.
  const flows = new AuthFlows(
    [new UserSrpAuthFlow(srp)],
    [new PasswordVerifierChallenge(srp, seal, {} as CustomAuth, usersRepository)],
  );
  const challengeOf = (auth: ClientForAuth, params: Record<string, string>) =>
    flows.start('InitiateAuth', 'USER_SRP_AUTH', auth, params);
  const answer = (auth: ClientForAuth, responses: Record<string, string>) =>
    flows.respond('PASSWORD_VERIFIER', auth, undefined, responses);

  function user(username: string, sub: string, password: string): UserEntity {
    return {
      sub,
      poolId: POOL_ID,
      username,
      ...credentials.srpOnly(POOL_ID, username, password),
    } as UserEntity;
  }

  function client(overrides: Partial<ClientConfig> = {}, secret?: string): ClientForAuth {
    const config = {
      explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      preventUserExistenceErrors: 'LEGACY',
      authSessionValidity: 3,
      ...overrides,
    } as ClientConfig;
    return {
      client: { id: 'client1', poolId: POOL_ID, config } as AppClientEntity,
      secret,
      pool,
    };
  }

  beforeAll(() => {
    users.set('alice', user('alice', '11111111-1111-4111-8111-111111111111', PASSWORD));
    users.set('bob', user('bob', '22222222-2222-4222-8222-222222222222', 'Other-passw0rd'));
    // An email-as-username user: signs in with the email, the SRP identity is the sub.
    const sub = '33333333-3333-4333-8333-333333333333';
    const carol = user(sub, sub, PASSWORD);
    users.set('carol@example.com', carol);
    users.set(sub, carol);
  });
  beforeEach(() => {
    now = Date.now();
    completion.afterPasswordProof.mockClear();
  });

  async function handshake(username: string, password: string, auth = client()) {
    const js = new CognitoJsSrpClient(srpPoolName(POOL_ID));
    const challenge = await challengeOf(auth, { USERNAME: username, SRP_A: await js.srpA() });
    const responses = await js.respond(challenge.ChallengeParameters, password);
    return { challenge, responses, js, auth };
  }

  it('signs in with the password the verifier was made from', async () => {
    const { challenge, responses, auth } = await handshake('alice', PASSWORD);
    expect(challenge.ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(challenge.ChallengeParameters).toMatchObject({ USERNAME: 'alice', USER_ID_FOR_SRP: 'alice' });
    expect(challenge.ChallengeParameters.SALT).toBe(users.get('alice')!.srpSalt);
    expect(await answer(auth, responses)).toBe(signedIn);
    expect(completion.afterPasswordProof).toHaveBeenCalledWith(
      auth,
      pool,
      users.get('alice'),
      undefined,
      undefined,
      undefined,
    );
  });

  it('uses the sub as USER_ID_FOR_SRP when the user signs in with an email', async () => {
    const { challenge, responses, auth } = await handshake('carol@example.com', PASSWORD);
    const sub = users.get('carol@example.com')!.sub;
    expect(challenge.ChallengeParameters.USER_ID_FOR_SRP).toBe(sub);
    expect(responses.USERNAME).toBe(sub);
    expect(await answer(auth, responses)).toBe(signedIn);
  });

  it('refuses a wrong password with Incorrect username or password.', async () => {
    const { responses, auth } = await handshake('alice', 'Wrong-passw0rd');
    expect(await rejection(answer(auth, responses))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    expect(completion.afterPasswordProof).not.toHaveBeenCalled();
  });

  it('refuses a forged signature, a forged or swapped secret block and another user', async () => {
    const { responses, auth } = await handshake('alice', PASSWORD);
    const flipped = Buffer.from(responses.PASSWORD_CLAIM_SIGNATURE, 'base64');
    flipped[0] ^= 1;
    for (const bad of [
      { ...responses, PASSWORD_CLAIM_SIGNATURE: flipped.toString('base64') },
      { ...responses, PASSWORD_CLAIM_SIGNATURE: 'AAAA' },
      { ...responses, PASSWORD_CLAIM_SECRET_BLOCK: randomBytes(300).toString('base64') },
      { ...responses, USERNAME: 'bob' },
    ]) {
      expect((await rejection(answer(auth, bad))).name).toBe('NotAuthorizedException');
    }
    // A block sealed for another app client does not open for this one.
    const other = client();
    other.client = { ...other.client, id: 'client2' };
    expect((await rejection(answer(other, responses))).name).toBe('NotAuthorizedException');
  });

  it('refuses an expired secret block', async () => {
    const { responses, auth } = await handshake('alice', PASSWORD);
    now += 3 * 60 * 1000 + 1;
    expect(await rejection(answer(auth, responses))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    });
  });

  it('refuses a timestamp not in the exact format (zero-padded day, wrong weekday)', async () => {
    const js = new CognitoJsSrpClient(srpPoolName(POOL_ID));
    const auth = client();
    const challenge = await challengeOf(auth, { USERNAME: 'alice', SRP_A: await js.srpA() });
    for (const ts of ['Mon Jan 03 09:00:00 UTC 2022', 'Tue Jan 3 09:00:00 UTC 2022']) {
      const responses = await js.respond(challenge.ChallengeParameters, PASSWORD, ts);
      expect((await rejection(answer(auth, responses))).name).toBe('NotAuthorizedException');
    }
    const good = await js.respond(challenge.ChallengeParameters, PASSWORD, 'Mon Jan 3 09:00:00 UTC 2022');
    expect(await answer(auth, good)).toBe(signedIn);
  });

  it('refuses SRP_A that is zero mod N, or not hex, and names missing parameters', async () => {
    for (const SRP_A of ['0', padHex(SRP_N), padHex(SRP_N * 2n), 'xyz']) {
      expect(await rejection(challengeOf(client(), { USERNAME: 'alice', SRP_A }))).toEqual({
        name: 'InvalidParameterException',
        message: 'Invalid SRP_A value.',
      });
    }
    expect((await rejection(challengeOf(client(), { USERNAME: 'alice' }))).message).toBe(
      'Missing required parameter SRP_A',
    );
    expect((await rejection(answer(client(), { USERNAME: 'alice' }))).message).toBe(
      'Missing required parameter PASSWORD_CLAIM_SECRET_BLOCK',
    );
  });

  it('asks an imported user (RESET_REQUIRED, no password) for the reset at the first step, whatever the client hides', async () => {
    const imported = {
      sub: '44444444-4444-4444-8444-444444444444',
      poolId: POOL_ID,
      username: 'imported',
      status: 'RESET_REQUIRED',
      enabled: true,
    } as UserEntity;
    users.set('imported', imported);
    for (const auth of [client(), client({ preventUserExistenceErrors: 'ENABLED' })]) {
      expect(await rejection(handshake('imported', PASSWORD, auth))).toEqual({
        name: 'PasswordResetRequiredException',
        message: 'Password reset required for the user',
      });
    }
    // Disabled: no reset hint, the decoy challenge as for any user without a verifier.
    users.set('imported', { ...imported, enabled: false });
    const { challenge } = await handshake('imported', PASSWORD);
    expect(challenge.ChallengeName).toBe('PASSWORD_VERIFIER');
    // An administrator's reset keeps the password: the proof goes on, the completion decides.
    users.set('imported', {
      ...user('imported', imported.sub, PASSWORD),
      status: 'RESET_REQUIRED',
      enabled: true,
    });
    const after = await handshake('imported', PASSWORD);
    expect(after.challenge.ChallengeName).toBe('PASSWORD_VERIFIER');
    users.delete('imported');
  });

  it('says UserNotFoundException for an unknown user on a LEGACY client', async () => {
    expect((await rejection(handshake('nobody', PASSWORD))).name).toBe('UserNotFoundException');
  });

  it('gives a decoy challenge for an unknown user when the client hides existence, stable salt included', async () => {
    const auth = client({ preventUserExistenceErrors: 'ENABLED' });
    const first = await handshake('nobody', PASSWORD, auth);
    const second = await handshake('nobody', PASSWORD, auth);
    expect(first.challenge.ChallengeParameters.SALT).toBe(second.challenge.ChallengeParameters.SALT);
    expect(first.challenge.ChallengeParameters.SALT).toMatch(/^[0-9a-f]+$/);
    expect(await rejection(answer(auth, first.responses))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('requires SECRET_HASH on both steps for a client with a secret', async () => {
    const auth = client({}, 'client-secret-value');
    const js = new CognitoJsSrpClient(srpPoolName(POOL_ID));
    const SRP_A = await js.srpA();
    expect((await rejection(challengeOf(auth, { USERNAME: 'alice', SRP_A }))).message).toMatch(
      /SECRET_HASH was not received/,
    );
    const hash = secretHash('client-secret-value', 'alice', 'client1');
    const challenge = await challengeOf(auth, { USERNAME: 'alice', SRP_A, SECRET_HASH: hash });
    const responses = await js.respond(challenge.ChallengeParameters, PASSWORD);
    expect((await rejection(answer(auth, responses))).name).toBe('NotAuthorizedException');
    expect(await answer(auth, { ...responses, SECRET_HASH: hash })).toBe(signedIn);
  });
});
