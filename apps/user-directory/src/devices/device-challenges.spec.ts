import { randomBytes } from 'node:crypto';
import { ServiceError } from '@idfed/messaging';
import { CognitoJsSrpClient } from '../../test/support/cognito-js-srp-client';
import { AttemptLimiter } from '../attempts/attempt-limiter';
import { AuthSessionSeal } from '../auth/auth-session-seal';
import { AuthFlows } from '../auth/flows/auth-flows';
import { SignInCompletion } from '../auth/sign-in-completion';
import { padHex, verifierFor } from '../auth/srp/srp';
import { ClientConfig } from '../clients/client-config';
import { ClientForAuth } from '../clients/clients.service';
import { AppClientEntity, UserEntity, UserPoolEntity } from '../database/entities';
import { MfaSessions } from '../mfa/mfa-sessions';
import { PoolConfig } from '../pools/pool-config';
import { UsersRepository } from '../users/users.repository';
import { DevicePasswordVerifierChallenge, DeviceSrpAuthChallenge } from './device-challenges';
import { DeviceTracking } from './device-tracking';
import { DeviceRow, DevicesRepository } from './devices.repository';

/**
 * DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER through the dispatcher, answered by
 * amazon-cognito-identity-js's own SRP arithmetic with the device group key and device key as its
 * identity: a right proof signs in (with or without the MFA that follows, per the pool), a wrong
 * one counts on the lockout, a block is answered once, and sessions stay with their user, client
 * and device.
 */
describe('device challenges', () => {
  const POOL_ID = 'us-east-1_Devices';
  const seal = new AuthSessionSeal(randomBytes(32));
  const alice = {
    sub: '11111111-1111-4111-8111-111111111111',
    poolId: POOL_ID,
    username: 'alice',
    enabled: true,
  };
  const bob = {
    sub: '22222222-2222-4222-8222-222222222222',
    poolId: POOL_ID,
    username: 'bob',
    enabled: true,
  };
  const users = new Map<string, UserEntity>([
    ['alice', alice as UserEntity],
    ['bob', bob as UserEntity],
  ]);
  const usersRepository = {
    findByName: jest.fn(async (_p: string, _c: unknown, name: string) => users.get(name)),
  };
  const stored = new Map<string, DeviceRow>();
  const devicesRepository = {
    find: jest.fn(async (poolId: string, sub: string, key: string) => {
      const d = stored.get(key);
      return d && d.poolId === poolId && d.userSub === sub ? d : undefined;
    }),
  };
  const tracking = new DeviceTracking(devicesRepository as unknown as DevicesRepository, seal);
  const used = new Set<string>();
  const sessions = {
    useOnce: jest.fn(async ({ id }: { id: string }) => {
      if (used.has(id))
        throw new ServiceError(
          'NotAuthorizedException',
          'Invalid session for the user, session can only be used once.',
        );
      used.add(id);
    }),
  };
  const attempts = { begin: jest.fn(async () => undefined), succeeded: jest.fn(async () => undefined) };
  const tokens = { AccessToken: 'tokens' };
  const mfaChallenge = { ChallengeName: 'SOFTWARE_TOKEN_MFA', ChallengeParameters: {} };
  const completion = {
    signedIn: jest.fn(async () => tokens),
    afterDevice: jest.fn(async () => mfaChallenge),
  };
  const flows = new AuthFlows(
    [],
    [
      new DeviceSrpAuthChallenge(seal, usersRepository as unknown as UsersRepository, tracking),
      new DevicePasswordVerifierChallenge(
        seal,
        usersRepository as unknown as UsersRepository,
        tracking,
        sessions as unknown as MfaSessions,
        attempts as unknown as AttemptLimiter,
        completion as unknown as SignInCompletion,
      ),
    ],
  );

  function auth(challengeRequiredOnNewDevice = true, clientId = 'client1'): ClientForAuth {
    const config = {
      deviceConfiguration: {
        ChallengeRequiredOnNewDevice: challengeRequiredOnNewDevice,
        DeviceOnlyRememberedOnUserPrompt: false,
      },
    } as PoolConfig;
    return {
      client: {
        id: clientId,
        poolId: POOL_ID,
        config: { authSessionValidity: 3 } as ClientConfig,
      } as AppClientEntity,
      pool: { id: POOL_ID, config } as UserPoolEntity,
    };
  }

  /** A confirmed device of `owner`, as ConfirmDevice stores what the library computed. */
  function device(owner: { sub: string }, remembered = true): { row: DeviceRow; password: string } {
    const { DeviceKey, DeviceGroupKey } = tracking.newDevice(POOL_ID);
    const password = randomBytes(40).toString('base64');
    const salt = padHex(BigInt(`0x${randomBytes(16).toString('hex')}`));
    const row: DeviceRow = {
      deviceKey: DeviceKey,
      poolId: POOL_ID,
      userSub: owner.sub,
      groupKey: DeviceGroupKey,
      salt,
      verifier: verifierFor(DeviceGroupKey, DeviceKey, password, salt),
      name: null,
      remembered,
      lastIp: null,
      createdAt: new Date(),
      lastModifiedAt: new Date(),
      lastAuthenticatedAt: null,
    };
    stored.set(DeviceKey, row);
    return { row, password };
  }

  /** DEVICE_SRP_AUTH answered; the verifier challenge and the client that will prove. */
  async function challenged(a: ClientForAuth, username: string, row: DeviceRow, owner = alice) {
    const session = tracking.sessionFor(a.client.id, 180, owner.sub, row.deviceKey);
    const js = new CognitoJsSrpClient(row.groupKey);
    const verifier = await flows.respond('DEVICE_SRP_AUTH', a, session, {
      USERNAME: username,
      DEVICE_KEY: row.deviceKey,
      SRP_A: await js.srpA(),
    });
    return { js, verifier };
  }

  async function proof(
    js: CognitoJsSrpClient,
    params: Record<string, string>,
    row: DeviceRow,
    password: string,
  ) {
    const p = await js.respond({ ...params, USER_ID_FOR_SRP: row.deviceKey }, password);
    return { ...p, USERNAME: 'alice', DEVICE_KEY: row.deviceKey };
  }

  async function errorOf(p: Promise<unknown>): Promise<{ name: string; message: string } | undefined> {
    try {
      await p;
    } catch (err) {
      return (err as ServiceError).getError() as { name: string; message: string };
    }
    return undefined;
  }

  beforeEach(() => jest.clearAllMocks());

  it('signs in on a right proof without MFA when ChallengeRequiredOnNewDevice is on', async () => {
    const { row, password } = device(alice);
    const a = auth();
    const { js, verifier } = await challenged(a, 'alice', row);
    expect(verifier.ChallengeName).toBe('DEVICE_PASSWORD_VERIFIER');
    expect(verifier.ChallengeParameters).toMatchObject({
      DEVICE_KEY: row.deviceKey,
      USERNAME: 'alice',
      SALT: row.salt,
    });
    const done = await flows.respond(
      'DEVICE_PASSWORD_VERIFIER',
      a,
      verifier.Session,
      await proof(js, verifier.ChallengeParameters, row, password),
    );
    expect(done).toEqual({ ChallengeParameters: {}, AuthenticationResult: tokens });
    expect(completion.signedIn).toHaveBeenCalledWith(
      a,
      alice,
      row.deviceKey,
      'TokenGeneration_AuthenticateDevice',
      undefined,
    );
    expect(attempts.begin).toHaveBeenCalledWith('mfa-code', { poolId: POOL_ID, key: `user:${alice.sub}` });
    expect(attempts.succeeded).toHaveBeenCalledTimes(1);
  });

  it('goes on to MFA after the proof when ChallengeRequiredOnNewDevice is off', async () => {
    const { row, password } = device(alice);
    const a = auth(false);
    const { js, verifier } = await challenged(a, 'alice', row);
    const next = await flows.respond(
      'DEVICE_PASSWORD_VERIFIER',
      a,
      verifier.Session,
      await proof(js, verifier.ChallengeParameters, row, password),
    );
    expect(next).toBe(mfaChallenge);
    expect(completion.afterDevice).toHaveBeenCalledWith(
      a,
      alice,
      undefined,
      row.deviceKey,
      'TokenGeneration_AuthenticateDevice',
      undefined,
    );
    expect(completion.signedIn).not.toHaveBeenCalled();
  });

  it('refuses a wrong proof, counted on the lockout, and a block answered twice', async () => {
    const { row, password } = device(alice);
    const a = auth();
    const { js, verifier } = await challenged(a, 'alice', row);
    const wrong = await proof(js, verifier.ChallengeParameters, row, 'not-the-device-password');
    expect(await errorOf(flows.respond('DEVICE_PASSWORD_VERIFIER', a, undefined, wrong))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    expect(attempts.begin).toHaveBeenCalledWith('mfa-code', { poolId: POOL_ID, key: `user:${alice.sub}` });
    expect(attempts.succeeded).not.toHaveBeenCalled();
    // The block of that wrong answer is spent, even with the right proof.
    const right = await proof(js, verifier.ChallengeParameters, row, password);
    expect((await errorOf(flows.respond('DEVICE_PASSWORD_VERIFIER', a, undefined, right)))?.message).toBe(
      'Invalid session for the user, session can only be used once.',
    );
    expect(completion.signedIn).not.toHaveBeenCalled();
  });

  it('keeps sessions and blocks with their user, app client and device', async () => {
    const { row, password } = device(alice);
    const other = device(alice);
    const a = auth();
    // DEVICE_SRP_AUTH's session of alice answered as bob, or for her other device, or by another client.
    const session = tracking.sessionFor('client1', 180, alice.sub, row.deviceKey);
    const srpA = await new CognitoJsSrpClient(row.groupKey).srpA();
    for (const [responses, client] of [
      [{ USERNAME: 'bob', DEVICE_KEY: row.deviceKey, SRP_A: srpA }, a],
      [{ USERNAME: 'alice', DEVICE_KEY: other.row.deviceKey, SRP_A: srpA }, a],
      [{ USERNAME: 'alice', DEVICE_KEY: row.deviceKey, SRP_A: srpA }, auth(true, 'client2')],
    ] as const) {
      expect((await errorOf(flows.respond('DEVICE_SRP_AUTH', client, session, { ...responses })))?.name).toBe(
        'NotAuthorizedException',
      );
    }
    const { js, verifier } = await challenged(a, 'alice', row);
    const right = await proof(js, verifier.ChallengeParameters, row, password);
    expect(
      (await errorOf(flows.respond('DEVICE_PASSWORD_VERIFIER', auth(true, 'client2'), undefined, right)))
        ?.name,
    ).toBe('NotAuthorizedException');
    expect(
      (await errorOf(flows.respond('DEVICE_PASSWORD_VERIFIER', a, undefined, { ...right, USERNAME: 'bob' })))
        ?.message,
    ).toBe('Invalid session for the user.');
    expect(sessions.useOnce).not.toHaveBeenCalled();
  });

  it('answers a device forgotten or no longer remembered since the challenge as not found', async () => {
    const { row } = device(alice);
    const a = auth();
    const session = tracking.sessionFor('client1', 180, alice.sub, row.deviceKey);
    stored.set(row.deviceKey, { ...row, remembered: false });
    const srpA = await new CognitoJsSrpClient(row.groupKey).srpA();
    expect(
      await errorOf(
        flows.respond('DEVICE_SRP_AUTH', a, session, {
          USERNAME: 'alice',
          DEVICE_KEY: row.deviceKey,
          SRP_A: srpA,
        }),
      ),
    ).toEqual({ name: 'ResourceNotFoundException', message: 'Device does not exist.' });
  });
});
