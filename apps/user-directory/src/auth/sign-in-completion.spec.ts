import { TriggerCaller } from '../triggers/trigger-caller';
import { UserPoolTriggers } from '../triggers/user-pool-triggers';
import { randomBytes } from 'node:crypto';
import { ServiceError } from '@idfed/messaging';
import { ClientConfig } from '../clients/client-config';
import { ClientForAuth } from '../clients/clients.service';
import { AppClientEntity, RefreshTokenEntity, UserEntity, UserPoolEntity } from '../database/entities';
import { poolConfigFromRequest } from '../pools/pool-config';
import { DeviceTracking } from '../devices/device-tracking';
import { DeviceRow, DevicesRepository } from '../devices/devices.repository';
import { MfaSignIn } from '../mfa/mfa-sign-in';
import { TokenIssuer } from '../tokens/token-issuer';
import { AuthSessionSeal } from './auth-session-seal';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { SignInCompletion } from './sign-in-completion';

describe('SignInCompletion', () => {
  const inserted: RefreshTokenEntity[] = [];
  const groups = [{ name: 'admins', roleArn: 'arn:aws:iam::123456789012:role/a', precedence: 1 }];
  const refreshTokens = {
    insertReadingGroups: jest.fn(async (row: RefreshTokenEntity) => {
      inserted.push(row);
      return groups;
    }),
  };
  const issue = jest.fn(async () => ({ idToken: 'id', accessToken: 'access', expiresIn: 3600 }));
  const issuer = {
    newSessionIds: () => ({ originJti: 'o-jti', eventId: 'e-id' }),
    issue,
  } as unknown as TokenIssuer;
  const seal = new AuthSessionSeal(randomBytes(32));
  const challengeFor = jest.fn(async (): Promise<unknown> => undefined);
  const mfa = { challengeFor } as unknown as MfaSignIn;
  const stored = new Map<string, DeviceRow>();
  const devicesRepo = {
    find: jest.fn(async (poolId: string, sub: string, key: string) => {
      const d = stored.get(key);
      return d && d.poolId === poolId && d.userSub === sub ? d : undefined;
    }),
    authenticated: jest.fn(async () => undefined),
  };
  const tracking = new DeviceTracking(devicesRepo as unknown as DevicesRepository, seal);
  const triggers = new UserPoolTriggers(
    new TriggerCaller({
      accountId: '123456789012',
      endpoints: new Map(),
      timeoutMs: 5000,
      maxAnswerBytes: 1024,
    }),
  );
  const sessions = { makeRoomForNewSession: jest.fn(async () => undefined) };
  const completion = new SignInCompletion(
    issuer,
    seal,
    refreshTokens as unknown as RefreshTokensRepository,
    mfa,
    tracking,
    triggers,
    sessions,
  );
  const pool = {
    id: 'us-east-1_X',
    config: poolConfigFromRequest({ PoolName: 'p', Schema: [{ Name: 'name', Required: true }] }, 'arn'),
  } as UserPoolEntity;
  const config = {
    authSessionValidity: 3,
    accessTokenValidity: 1,
    idTokenValidity: 1,
    refreshTokenValidity: 30,
    units: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' },
  } as ClientConfig;
  const auth: ClientForAuth = {
    client: { id: 'client1', config } as AppClientEntity,
    pool: { id: 'us-east-1_X', config: {} } as UserPoolEntity,
  };
  const user = (over: Partial<UserEntity> = {}) =>
    ({
      sub: 'sub-1',
      poolId: 'us-east-1_X',
      username: 'alice',
      enabled: true,
      status: 'CONFIRMED',
      attributes: { email: 'a@example.com' },
      passwordExpiresAt: null,
      ...over,
    }) as UserEntity;

  async function errorName(p: Promise<unknown>): Promise<string> {
    try {
      await p;
    } catch (err) {
      return ((err as ServiceError).getError() as { name: string }).name;
    }
    return 'none';
  }

  it('issues tokens and stores the refresh token of a new session', async () => {
    const result = await completion.afterPasswordProof(auth, pool, user());
    expect(result.AuthenticationResult).toMatchObject({
      AccessToken: 'access',
      IdToken: 'id',
      ExpiresIn: 3600,
      TokenType: 'Bearer',
    });
    expect(result.AuthenticationResult?.RefreshToken).toMatch(/^[\w-]{80,}$/);
    expect(inserted[0]).toMatchObject({ userSub: 'sub-1', clientId: 'client1', originJti: 'o-jti' });
    expect(inserted[0].tokenHash).toBeInstanceOf(Buffer);
    // The first tokens carry the groups read with the stored refresh token.
    expect(issue).toHaveBeenCalledWith(
      'us-east-1_X',
      expect.objectContaining({ sub: 'sub-1', groups }),
      expect.objectContaining({ clientId: 'client1', originJti: 'o-jti' }),
      // No PreTokenGeneration trigger in the pool: nothing to change.
      undefined,
    );
  });

  it("makes room among the user's token sessions before storing the new one (ADR 0080)", async () => {
    sessions.makeRoomForNewSession.mockClear();
    refreshTokens.insertReadingGroups.mockClear();
    await completion.afterPasswordProof(auth, pool, user());
    expect(sessions.makeRoomForNewSession).toHaveBeenCalledWith(
      'us-east-1_X',
      expect.objectContaining({ sub: 'sub-1' }),
      'o-jti',
      undefined,
    );
    expect(sessions.makeRoomForNewSession.mock.invocationCallOrder[0]).toBeLessThan(
      refreshTokens.insertReadingGroups.mock.invocationCallOrder[0],
    );
  });

  it("names PreTokenGeneration's triggerSource by the step that issues the tokens", async () => {
    const spy = jest.spyOn(triggers, 'preTokenGeneration');
    try {
      await completion.afterPasswordProof(auth, pool, user());
      await completion.afterFirstFactor(
        auth,
        user(),
        pool,
        undefined,
        'TokenGeneration_NewPasswordChallenge',
      );
      await completion.afterDevice(auth, user(), pool, undefined, 'TokenGeneration_AuthenticateDevice');
      await completion.signedIn(auth, user(), undefined, 'TokenGeneration_AuthenticateDevice');
      expect(spy.mock.calls.map((c) => c[1])).toEqual([
        'TokenGeneration_Authentication',
        'TokenGeneration_NewPasswordChallenge',
        'TokenGeneration_AuthenticateDevice',
        'TokenGeneration_AuthenticateDevice',
      ]);
      // An MFA challenge next: no tokens yet, so no PreTokenGeneration.
      challengeFor.mockResolvedValueOnce({ ChallengeName: 'SMS_MFA', ChallengeParameters: {} });
      const next = await completion.afterFirstFactor(
        auth,
        user(),
        pool,
        undefined,
        'TokenGeneration_NewPasswordChallenge',
      );
      expect(next.ChallengeName).toBe('SMS_MFA');
      expect(spy).toHaveBeenCalledTimes(4);
    } finally {
      spy.mockRestore();
    }
  });

  it("hands RespondToAuthChallenge's ClientMetadata to PostAuthentication and PreTokenGeneration", async () => {
    // The real event builder over a recording caller: the events as the functions would get them.
    const calls: { trigger: string; event: { triggerSource: string; request: Record<string, unknown> } }[] =
      [];
    const caller = {
      invoke: jest.fn(async (trigger: string, _arn: string, event: never) => {
        calls.push({ trigger, event });
        return {};
      }),
    } as unknown as TriggerCaller;
    const withTriggers = new SignInCompletion(
      issuer,
      seal,
      refreshTokens as unknown as RefreshTokensRepository,
      mfa,
      tracking,
      new UserPoolTriggers(caller),
      sessions,
    );
    const fn = 'arn:aws:lambda:us-east-1:123456789012:function:';
    const triggered: ClientForAuth = {
      ...auth,
      pool: {
        id: 'us-east-1_X',
        config: { lambdaConfig: { PostAuthentication: `${fn}post`, PreTokenGeneration: `${fn}pre` } },
      } as UserPoolEntity,
    };
    const metadata = { app: 'web', step: 'mfa' };
    await withTriggers.signedIn(triggered, user(), undefined, undefined, metadata);
    await withTriggers.afterPasswordProof(triggered, pool, user(), undefined, undefined, metadata);
    await withTriggers.afterFirstFactor(
      triggered,
      user(),
      pool,
      undefined,
      'TokenGeneration_NewPasswordChallenge',
      metadata,
    );
    await withTriggers.afterDevice(
      triggered,
      user(),
      pool,
      undefined,
      'TokenGeneration_AuthenticateDevice',
      metadata,
    );
    expect(calls.map((c) => c.trigger)).toEqual(
      Array(4).fill(['PostAuthentication', 'PreTokenGeneration']).flat(),
    );
    for (const call of calls) expect(call.event.request.clientMetadata).toEqual(metadata);
    // Without ClientMetadata (InitiateAuth's goes to PreAuthentication only) the member is absent.
    calls.length = 0;
    await withTriggers.afterPasswordProof(triggered, pool, user());
    expect(calls).toHaveLength(2);
    for (const call of calls) expect(call.event.request).not.toHaveProperty('clientMetadata');
  });

  it('refuses a disabled or unconfirmed user', async () => {
    expect(await errorName(completion.afterPasswordProof(auth, pool, user({ enabled: false })))).toBe(
      'NotAuthorizedException',
    );
    expect(await errorName(completion.afterPasswordProof(auth, pool, user({ status: 'UNCONFIRMED' })))).toBe(
      'UserNotConfirmedException',
    );
  });

  it('asks a user with a temporary password for a new one, with a sealed Session', async () => {
    const result = await completion.afterPasswordProof(auth, pool, user({ status: 'FORCE_CHANGE_PASSWORD' }));
    expect(result.AuthenticationResult).toBeUndefined();
    expect(result.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(result.ChallengeParameters).toEqual({
      USER_ID_FOR_SRP: 'alice',
      requiredAttributes: '["userAttributes.name"]',
      userAttributes: '{"email":"a@example.com"}',
    });
    expect(seal.open('new-password-session', 'client1', result.Session)).toEqual({
      ok: true,
      value: { sub: 'sub-1' },
    });
  });

  it('refuses an expired temporary password and a user whose password must be reset', async () => {
    const expired = user({ status: 'FORCE_CHANGE_PASSWORD', passwordExpiresAt: new Date(Date.now() - 1000) });
    expect(await errorName(completion.afterPasswordProof(auth, pool, expired))).toBe(
      'NotAuthorizedException',
    );
    expect(
      await errorName(completion.afterPasswordProof(auth, pool, user({ status: 'RESET_REQUIRED' }))),
    ).toBe('PasswordResetRequiredException');
  });

  describe('in a pool that tracks devices', () => {
    const tracked: ClientForAuth = {
      client: auth.client,
      pool: {
        id: 'us-east-1_X',
        config: {
          ...pool.config,
          deviceConfiguration: {
            ChallengeRequiredOnNewDevice: true,
            DeviceOnlyRememberedOnUserPrompt: false,
          },
        },
      } as UserPoolEntity,
    };
    const device = (over: Partial<DeviceRow> = {}): DeviceRow => ({
      deviceKey: 'us-east-1_0f0e0d0c-0000-4000-8000-000000000001',
      poolId: 'us-east-1_X',
      userSub: 'sub-1',
      groupKey: '-group',
      salt: 'ab',
      verifier: 'cd',
      name: 'phone',
      remembered: true,
      lastIp: null,
      createdAt: new Date(),
      lastModifiedAt: new Date(),
      lastAuthenticatedAt: null,
      ...over,
    });
    beforeEach(() => {
      stored.clear();
      inserted.length = 0;
      challengeFor.mockClear();
    });

    it('hands a new device its keys and binds the session to it', async () => {
      const result = await completion.afterPasswordProof(tracked, pool, user());
      const metadata = result.AuthenticationResult?.NewDeviceMetadata;
      expect(metadata?.DeviceKey).toMatch(/^us-east-1_[0-9a-f-]{36}$/);
      expect(metadata?.DeviceGroupKey).toBe(tracking.groupKeyOf(metadata!.DeviceKey));
      expect(inserted[0].deviceKey).toBe(metadata?.DeviceKey);
      expect(issue).toHaveBeenLastCalledWith(
        'us-east-1_X',
        expect.anything(),
        expect.objectContaining({ deviceKey: metadata?.DeviceKey }),
        undefined,
      );
    });

    it('asks a remembered device for its proof instead of MFA, bound to client, user and device', async () => {
      const d = device();
      stored.set(d.deviceKey, d);
      const result = await completion.afterPasswordProof(tracked, pool, user(), undefined, d.deviceKey);
      expect(result.ChallengeName).toBe('DEVICE_SRP_AUTH');
      expect(result.AuthenticationResult).toBeUndefined();
      expect(challengeFor).not.toHaveBeenCalled();
      const opened = seal.open<{ sub: string; deviceKey: string }>(
        'device-session',
        'client1',
        result.Session,
      );
      expect(opened.ok && opened.value).toMatchObject({ sub: 'sub-1', deviceKey: d.deviceKey });
      expect(seal.open('device-session', 'other-client', result.Session).ok).toBe(false);
    });

    it("answers an unknown key, another user's and another pool's device alike: no such device", async () => {
      stored.set('us-east-1_aa', device({ deviceKey: 'us-east-1_aa', userSub: 'sub-2' }));
      stored.set('us-east-1_bb', device({ deviceKey: 'us-east-1_bb', poolId: 'us-east-1_Y' }));
      for (const key of ['us-east-1_cc', 'us-east-1_aa', 'us-east-1_bb']) {
        expect(await errorName(completion.afterPasswordProof(tracked, pool, user(), undefined, key))).toBe(
          'ResourceNotFoundException',
        );
      }
      expect(inserted).toHaveLength(0);
    });

    it('still asks a device that is not remembered for MFA, then binds the tokens to it', async () => {
      const d = device({ remembered: false });
      stored.set(d.deviceKey, d);
      challengeFor.mockResolvedValueOnce({ ChallengeName: 'SOFTWARE_TOKEN_MFA', ChallengeParameters: {} });
      const result = await completion.afterPasswordProof(tracked, pool, user(), undefined, d.deviceKey);
      expect(result.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
      const tokens = await completion.signedIn(tracked, user(), d.deviceKey);
      expect(tokens.NewDeviceMetadata).toBeUndefined();
      expect(inserted[0].deviceKey).toBe(d.deviceKey);
    });

    it('ignores a device key in a pool that tracks no devices', async () => {
      const result = await completion.afterPasswordProof(auth, pool, user(), undefined, 'us-east-1_cc');
      expect(result.AuthenticationResult?.NewDeviceMetadata).toBeUndefined();
      expect(inserted[0].deviceKey).toBeNull();
    });
  });
});
