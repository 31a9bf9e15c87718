import { randomBytes } from 'node:crypto';
import { CommandMeta } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { SessionTokenCodec } from '@idfed/session-credentials';
import { totpCode, totpStep } from '@idfed/crypto';
import { IamArns } from '../common/arns';
import { MfaDevicesRepository, StoredMfaDevice } from '../mfa/mfa-devices.repository';
import { MfaSeeds } from '../mfa/mfa-seeds';
import { AttemptCounters } from '../account/attempt-counters.repository';
import { VirtualMfaDevices } from '../mfa/virtual-mfa-devices';
import { UserLookup } from '../users/user.lookup';
import { ManagedPolicyLookup } from '../policies/managed-policy.lookup';
import { StoredAccessKey, StoredUser, UsersRepository } from '../users/users.repository';
import { GetAccessKeyInfoUseCase } from './get-access-key-info.use-case';
import { GetFederationTokenUseCase } from './get-federation-token.use-case';
import { GetSessionTokenUseCase } from './get-session-token.use-case';
import { LongTermKeySessions } from './long-term-key-session';

const ACCOUNT = '123456789012';
const arns = new IamArns(ACCOUNT);
const codec = SessionTokenCodec.fromMasterKey(randomBytes(32));
const NOW = Date.parse('2030-01-01T00:00:00Z');
const ADMIN_KEY = 'AKIAADMINADMINADMIN0';
const USER_KEY = 'AKIAUSERUSERUSERUSER';

const alice: StoredUser = {
  userId: 'AIDAEXAMPLEEXAMPLE1',
  name: 'Alice',
  nameKey: 'alice',
  path: '/',
  arn: arns.user('/', 'Alice'),
  permissionsBoundary: null,
  tags: [],
  createdAt: new Date(0),
  updatedAt: new Date(0),
};
const key = (over: Partial<StoredAccessKey> = {}): StoredAccessKey => ({
  accessKeyId: USER_KEY,
  userId: alice.userId,
  secretEnc: Buffer.alloc(0),
  status: 'Active',
  createdAt: new Date(0),
  lastUsedAt: null,
  lastUsedService: null,
  lastUsedRegion: null,
  ...over,
});

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const meta = (caller: CommandMeta['caller']): CommandMeta => ({ requestId: 'r', caller });
const asUser = meta({ kind: 'admin', accessKeyId: USER_KEY, principalArn: alice.arn });
const asRoot = meta({ kind: 'admin', accessKeyId: ADMIN_KEY });

const seeds = new MfaSeeds(randomBytes(32));
const SEED = randomBytes(20);
const SERIAL = `arn:aws:iam::${ACCOUNT}:mfa/alice-phone`;
const device = (over: Partial<StoredMfaDevice> = {}): StoredMfaDevice => ({
  serialNumber: SERIAL,
  name: 'alice-phone',
  nameKey: 'alice-phone',
  path: '/',
  seedEnc: seeds.seal(SERIAL, SEED),
  userId: alice.userId,
  enabledAt: new Date(NOW - 60_000),
  lastStep: null,
  driftSteps: 0,
  tags: [],
  createdAt: new Date(0),
  ...over,
});

function setUp(found: StoredAccessKey | null = key(), mfaDevice: StoredMfaDevice | undefined = undefined) {
  const users = {
    findAccessKey: jest.fn().mockResolvedValue(found ?? undefined),
    findById: jest.fn().mockResolvedValue(alice),
  };
  const devices = {
    find: jest.fn().mockResolvedValue(mfaDevice),
    useStep: jest.fn().mockResolvedValue(true),
  };
  const mfa = new VirtualMfaDevices(
    devices as unknown as MfaDevicesRepository,
    seeds,
    {} as UserLookup,
    users as unknown as UsersRepository,
    {
      begin: jest.fn().mockResolvedValue(true),
      succeeded: jest.fn().mockResolvedValue(undefined),
      notAGuess: jest.fn().mockResolvedValue(undefined),
    } as unknown as AttemptCounters,
    () => NOW,
  );
  const documents = jest.fn().mockResolvedValue([]);
  const sessions = new LongTermKeySessions(arns, users as unknown as UsersRepository, codec, () => NOW);
  return {
    users,
    devices,
    documents,
    getSessionToken: new GetSessionTokenUseCase(sessions, mfa),
    getFederationToken: new GetFederationTokenUseCase(arns, sessions, {
      documents,
    } as unknown as ManagedPolicyLookup),
  };
}

async function failure(run: Promise<unknown>): Promise<{ name: string; message: string }> {
  const err = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ServiceError);
  return { name: (err as ServiceError).errorName, message: (err as ServiceError).message };
}

describe('GetSessionToken (ADR 0039)', () => {
  it("seals the user's session to its parent key, 12 hours by default", async () => {
    const { getSessionToken, users } = setUp();
    const { Credentials } = await getSessionToken.execute({}, asUser);
    expect(users.findAccessKey).toHaveBeenCalledWith(USER_KEY);
    expect(Credentials.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(Credentials.Expiration).toBe(iso(NOW + 43_200_000));
    const claims = codec.open(Credentials.SessionToken);
    expect(claims).toMatchObject({
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretAccessKey,
      roleArn: alice.arn,
      roleId: alice.userId,
      sessionName: 'Alice',
      longTermKey: { kind: 'session-token', parentAccessKeyId: USER_KEY },
    });
    const long = await getSessionToken.execute({ DurationSeconds: 129_600 }, asUser);
    expect(long.Credentials.Expiration).toBe(iso(NOW + 129_600_000));
  });

  it('caps the root at an hour, as AWS does (not an error)', async () => {
    const { getSessionToken } = setUp();
    const { Credentials } = await getSessionToken.execute({ DurationSeconds: 7200 }, asRoot);
    expect(Credentials.Expiration).toBe(iso(NOW + 3_600_000));
    expect(codec.open(Credentials.SessionToken)).toMatchObject({
      roleArn: arns.root(),
      roleId: ACCOUNT,
      longTermKey: { kind: 'session-token', parentAccessKeyId: ADMIN_KEY },
    });
    const short = await getSessionToken.execute({ DurationSeconds: 900 }, asRoot);
    expect(short.Credentials.Expiration).toBe(iso(NOW + 900_000));
  });

  it('refuses session credentials, an inactive or foreign key, and an MFA device the user does not have', async () => {
    const { getSessionToken } = setUp();
    const role = meta({ kind: 'temporary', accessKeyId: 'ASIAXXXXXXXXXXXXXXXX', principalArn: 'x' });
    expect(await failure(getSessionToken.execute({}, role))).toEqual({
      name: 'AccessDenied',
      message: 'Cannot call GetSessionToken with session credentials',
    });
    const userSession = meta({ kind: 'admin', accessKeyId: 'ASIAXXXXXXXXXXXXXXXX', principalArn: alice.arn });
    expect((await failure(getSessionToken.execute({}, userSession))).message).toBe(
      'Cannot call GetSessionToken with session credentials',
    );
    expect((await failure(setUp(key({ status: 'Inactive' })).getSessionToken.execute({}, asUser))).name).toBe(
      'AccessDenied',
    );
    expect((await failure(setUp(null).getSessionToken.execute({}, asUser))).name).toBe('AccessDenied');
    const other = meta({ kind: 'admin', accessKeyId: USER_KEY, principalArn: arns.user('/', 'Bob') });
    expect((await failure(getSessionToken.execute({}, other))).name).toBe('AccessDenied');
    expect((await failure(getSessionToken.execute({}, meta({ kind: 'anonymous' })))).name).toBe(
      'AccessDenied',
    );
    expect(
      await failure(
        getSessionToken.execute(
          { SerialNumber: 'arn:aws:iam::123456789012:mfa/a', TokenCode: '123456' },
          asUser,
        ),
      ),
    ).toMatchObject({
      name: 'AccessDenied',
      message: expect.stringMatching(/^MultiFactorAuthentication failed/),
    });
  });
});

describe('GetSessionToken with MFA (ADR 0072)', () => {
  const code = (steps = 0) => totpCode(SEED, totpStep(NOW) + steps);

  it("accepts a code of the user's device, uses its step up and seals when MFA was authenticated", async () => {
    const { getSessionToken, devices } = setUp(key(), device());
    const { Credentials } = await getSessionToken.execute(
      { SerialNumber: SERIAL, TokenCode: code() },
      asUser,
    );
    expect(devices.useStep).toHaveBeenCalledWith(SERIAL, alice.userId, totpStep(NOW));
    expect(codec.open(Credentials.SessionToken)).toMatchObject({
      mfaAuthenticatedAt: NOW,
      longTermKey: { kind: 'session-token', parentAccessKeyId: USER_KEY },
    });
    const without = await getSessionToken.execute({}, asUser);
    expect(codec.open(without.Credentials.SessionToken).mfaAuthenticatedAt).toBeUndefined();
  });

  it('checks the code at the drift ResyncMFADevice measured', async () => {
    const { getSessionToken, devices } = setUp(key(), device({ driftSteps: 6 }));
    await getSessionToken.execute({ SerialNumber: SERIAL, TokenCode: code(6) }, asUser);
    expect(devices.useStep).toHaveBeenCalledWith(SERIAL, alice.userId, totpStep(NOW) + 6);
    expect(
      await failure(getSessionToken.execute({ SerialNumber: SERIAL, TokenCode: code(0) }, asUser)),
    ).toEqual({
      name: 'AccessDenied',
      message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.',
    });
  });

  it('refuses a wrong code and a code whose step was used already, in AWS words', async () => {
    const { getSessionToken, devices } = setUp(key(), device());
    const wrong = String((Number(code()) + 1) % 1_000_000).padStart(6, '0');
    const invalid = {
      name: 'AccessDenied',
      message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.',
    };
    expect(
      await failure(getSessionToken.execute({ SerialNumber: SERIAL, TokenCode: wrong }, asUser)),
    ).toEqual(invalid);
    expect(devices.useStep).not.toHaveBeenCalled();
    devices.useStep.mockResolvedValue(false); // the repository found the step used
    expect(
      await failure(getSessionToken.execute({ SerialNumber: SERIAL, TokenCode: code() }, asUser)),
    ).toEqual(invalid);
  });

  it("refuses another user's device, an unassigned or unknown one, the root's, a missing code: the same answer", async () => {
    const unknown = {
      name: 'AccessDenied',
      message:
        'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.',
    };
    const request = { SerialNumber: SERIAL, TokenCode: code() };
    for (const d of [
      device({ userId: 'AIDABOBBOBBOBBOBBOB1' }),
      device({ userId: null, enabledAt: null }),
      undefined,
    ]) {
      const { getSessionToken, devices } = setUp(key(), d);
      expect(await failure(getSessionToken.execute(request, asUser))).toEqual(unknown);
      expect(devices.useStep).not.toHaveBeenCalled();
    }
    const { getSessionToken } = setUp(key(), device());
    expect(await failure(getSessionToken.execute(request, asRoot))).toEqual(unknown);
    expect(await failure(getSessionToken.execute({ SerialNumber: SERIAL }, asUser))).toEqual(unknown);
    expect(await failure(getSessionToken.execute({ TokenCode: code() }, asUser))).toEqual(unknown);
  });
});

describe('GetFederationToken (ADR 0039)', () => {
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'cognito-idp:ListUserPools', Resource: '*' }],
  });

  it('answers the federated user and seals the session policies with the parent key', async () => {
    const { getFederationToken } = setUp();
    const out = await getFederationToken.execute({ Name: 'carol', Policy: policy }, asUser);
    expect(out.FederatedUser).toEqual({
      FederatedUserId: `${ACCOUNT}:carol`,
      Arn: `arn:aws:sts::${ACCOUNT}:federated-user/carol`,
    });
    expect(out.PackedPolicySize).toBeGreaterThan(0);
    expect(out.Credentials.Expiration).toBe(iso(NOW + 43_200_000));
    expect(codec.open(out.Credentials.SessionToken)).toMatchObject({
      roleArn: alice.arn,
      sessionName: 'carol',
      sessionPolicies: [JSON.stringify(JSON.parse(policy))],
      longTermKey: { kind: 'federation', parentAccessKeyId: USER_KEY, federatedName: 'carol' },
    });
  });

  it('passes no policy through as none (the session then has no permissions) and caps the root at an hour', async () => {
    const { getFederationToken } = setUp();
    const out = await getFederationToken.execute({ Name: 'dave', DurationSeconds: 129_600 }, asRoot);
    expect(out.PackedPolicySize).toBeUndefined();
    expect(out.Credentials.Expiration).toBe(iso(NOW + 3_600_000));
    expect(codec.open(out.Credentials.SessionToken).sessionPolicies).toBeUndefined();
  });

  // AWS (GetFederationToken, Tags): "You can pass up to 50 session tags"; "Tag key-value pairs are
  // not case sensitive, but case is preserved"; the tags count against the packed policy size.
  it('seals session tags with the federated session and counts them in PackedPolicySize', async () => {
    const { getFederationToken } = setUp();
    const Tags = [
      { Key: 'Team', Value: 'blue' },
      { Key: 'cost-center', Value: '42' },
    ];
    const out = await getFederationToken.execute({ Name: 'carol', Policy: policy, Tags }, asUser);
    expect(codec.open(out.Credentials.SessionToken).sessionTags).toEqual(Tags);
    const untagged = await getFederationToken.execute({ Name: 'carol', Policy: policy }, asUser);
    expect(out.PackedPolicySize).toBeGreaterThan(untagged.PackedPolicySize!);
    // Tags alone (no session policy) are still packed and reported.
    const tagsOnly = await getFederationToken.execute({ Name: 'carol', Tags }, asUser);
    expect(tagsOnly.PackedPolicySize).toBeGreaterThan(0);
    expect(codec.open(tagsOnly.Credentials.SessionToken).sessionPolicies).toBeUndefined();
  });

  it('refuses duplicate keys in any case, a 51st tag and a malformed tag as STS does', async () => {
    const { getFederationToken } = setUp();
    expect(
      await failure(
        getFederationToken.execute(
          {
            Name: 'carol',
            Tags: [
              { Key: 'Team', Value: 'a' },
              { Key: 'team', Value: 'b' },
            ],
          },
          asUser,
        ),
      ),
    ).toEqual({
      name: 'InvalidParameterValue',
      message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
    });
    const many = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    expect((await failure(getFederationToken.execute({ Name: 'carol', Tags: many }, asUser))).name).toBe(
      'ValidationError',
    );
    expect(
      (await failure(getFederationToken.execute({ Name: 'carol', Tags: [{ Key: '', Value: 'v' }] }, asUser)))
        .name,
    ).toBe('ValidationError');
  });

  it('refuses session credentials and a malformed policy', async () => {
    const { getFederationToken } = setUp();
    const role = meta({ kind: 'temporary', accessKeyId: 'ASIAXXXXXXXXXXXXXXXX', principalArn: 'x' });
    expect(await failure(getFederationToken.execute({ Name: 'carol' }, role))).toEqual({
      name: 'AccessDenied',
      message: 'Cannot call GetFederationToken with session credentials',
    });
    expect(
      (await failure(getFederationToken.execute({ Name: 'carol', Policy: '{"nope"' }, asUser))).name,
    ).toBe('MalformedPolicyDocument');
  });
});

describe('GetAccessKeyInfo (ADR 0039)', () => {
  it('answers the account for any key id, whether or not it exists', async () => {
    const useCase = new GetAccessKeyInfoUseCase(arns);
    for (const id of [USER_KEY, 'ASIAXXXXXXXXXXXXXXXX', 'AKIANOSUCHKEYNOSUCHK']) {
      expect(await useCase.execute({ AccessKeyId: id })).toEqual({ Account: ACCOUNT });
    }
  });
});
