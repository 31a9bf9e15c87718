import { randomBytes } from 'node:crypto';
import { OutboxService, ServiceError } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { AuthSessionSeal } from '../auth/auth-session-seal';
import { RefreshTokensRepository } from '../auth/refresh-tokens.repository';
import { padHex, SRP_N } from '../auth/srp/srp';
import { UserEntity, UserPoolEntity } from '../database/entities';
import { PoolConfig } from '../pools/pool-config';
import { DeviceTracking } from './device-tracking';
import { Devices } from './devices';
import { DeviceRow, DevicesRepository } from './devices.repository';

/** The device operations' rules on mocked repositories (ADR 0028). */
describe('Devices', () => {
  const POOL_ID = 'us-east-1_Devs';
  const user = { sub: '11111111-1111-4111-8111-111111111111', poolId: POOL_ID } as UserEntity;
  const repo = {
    insert: jest.fn(async (): Promise<'created' | 'exists'> => 'created'),
    listOf: jest.fn(async (): Promise<DeviceRow[]> => []),
    forget: jest.fn(async () => true),
  };
  const refreshTokens = {
    revokeOfDevice: jest.fn(async () => [
      { originJti: 'o-1', username: 'alice' },
      { originJti: 'o-2', username: 'alice' },
    ]),
  };
  const outbox = { add: jest.fn(async () => undefined), nudge: jest.fn() };
  const transactions = { run: jest.fn(async (fn: (tx: unknown) => Promise<unknown>) => fn('tx')) };
  const tracking = new DeviceTracking(
    repo as unknown as DevicesRepository,
    new AuthSessionSeal(randomBytes(32)),
  );
  const devices = new Devices(
    repo as unknown as DevicesRepository,
    tracking,
    refreshTokens as unknown as RefreshTokensRepository,
    transactions as unknown as Transactions,
    outbox as unknown as OutboxService,
  );
  const pool = (deviceConfiguration?: PoolConfig['deviceConfiguration']) =>
    ({ id: POOL_ID, config: { deviceConfiguration } as PoolConfig }) as UserPoolEntity;
  const onPrompt = pool({ ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true });
  const always = pool({ ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: false });
  const KEY = 'us-east-1_0f0e0d0c-0000-4000-8000-000000000001';
  const b64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');
  const verifierConfig = {
    Salt: b64(padHex(BigInt(`0x${randomBytes(16).toString('hex')}`))),
    PasswordVerifier: b64(padHex(12345678901234567890n)),
  };

  async function errorOf(p: Promise<unknown>): Promise<string | undefined> {
    try {
      await p;
    } catch (err) {
      return ((err as ServiceError).getError() as { name: string }).name;
    }
    return undefined;
  }

  beforeEach(() => jest.clearAllMocks());

  it('confirms only the key of its own access token, in a pool that tracks devices', async () => {
    const req = { AccessToken: 't', DeviceKey: KEY, DeviceSecretVerifierConfig: verifierConfig };
    expect(await errorOf(devices.confirm(onPrompt, user, 'us-east-1_other', req, undefined))).toBe(
      'ResourceNotFoundException',
    );
    expect(await errorOf(devices.confirm(onPrompt, user, undefined, req, undefined))).toBe(
      'ResourceNotFoundException',
    );
    expect(await errorOf(devices.confirm(pool(undefined), user, KEY, req, undefined))).toBe(
      'ResourceNotFoundException',
    );
    expect(repo.insert).not.toHaveBeenCalled();
  });

  it('remembers at once, or on the user prompt, as the pool says', async () => {
    const req = {
      AccessToken: 't',
      DeviceKey: KEY,
      DeviceSecretVerifierConfig: verifierConfig,
      DeviceName: 'phone',
    };
    expect(await devices.confirm(onPrompt, user, KEY, req, '10.0.0.1')).toEqual({
      UserConfirmationNecessary: true,
    });
    expect(repo.insert).toHaveBeenLastCalledWith(
      expect.objectContaining({
        deviceKey: KEY,
        userSub: user.sub,
        groupKey: tracking.groupKeyOf(KEY),
        salt: Buffer.from(verifierConfig.Salt, 'base64').toString('hex'),
        verifier: Buffer.from(verifierConfig.PasswordVerifier, 'base64').toString('hex'),
        name: 'phone',
        remembered: false,
        lastIp: '10.0.0.1',
      }),
      expect.any(Date),
    );
    expect(await devices.confirm(always, user, KEY, req, undefined)).toEqual({
      UserConfirmationNecessary: false,
    });
    expect(repo.insert).toHaveBeenLastCalledWith(
      expect.objectContaining({ remembered: true }),
      expect.any(Date),
    );
    repo.insert.mockResolvedValueOnce('exists');
    expect(await errorOf(devices.confirm(always, user, KEY, req, undefined))).toBe(
      'InvalidParameterException',
    );
  });

  it('refuses a missing, empty, zero, oversized or out-of-group verifier', async () => {
    for (const config of [
      undefined,
      { Salt: verifierConfig.Salt },
      { Salt: '', PasswordVerifier: verifierConfig.PasswordVerifier },
      { Salt: verifierConfig.Salt, PasswordVerifier: 'AAAA' },
      { Salt: verifierConfig.Salt, PasswordVerifier: 'not base64!' },
      { Salt: verifierConfig.Salt, PasswordVerifier: b64(padHex(SRP_N)) },
      { Salt: b64('ab'.repeat(65)), PasswordVerifier: verifierConfig.PasswordVerifier },
    ]) {
      const req = { AccessToken: 't', DeviceKey: KEY, DeviceSecretVerifierConfig: config };
      expect(await errorOf(devices.confirm(always, user, KEY, req, undefined))).toBe(
        'InvalidParameterException',
      );
    }
    expect(repo.insert).not.toHaveBeenCalled();
  });

  it('pages with a token it made, and refuses a forged one', async () => {
    const row = (n: number): DeviceRow => ({
      deviceKey: `us-east-1_${n}`,
      poolId: POOL_ID,
      userSub: user.sub,
      groupKey: '-g',
      salt: 'ab',
      verifier: 'cd',
      name: null,
      remembered: true,
      lastIp: null,
      createdAt: new Date(1_000 * n),
      lastModifiedAt: new Date(1_000 * n),
      lastAuthenticatedAt: null,
    });
    repo.listOf.mockResolvedValueOnce([row(1), row(2)]);
    const first = await devices.list(user, 1, undefined);
    expect(first.Devices.map((d) => d.DeviceKey)).toEqual(['us-east-1_1']);
    expect(first.PaginationToken).toBeDefined();
    await devices.list(user, 1, first.PaginationToken);
    expect(repo.listOf).toHaveBeenLastCalledWith(user.sub, 1, {
      createdAt: new Date(1_000),
      deviceKey: 'us-east-1_1',
    });
    for (const forged of ['forged', Buffer.from('{"c":"x","k":1}').toString('base64url')]) {
      expect(await errorOf(devices.list(user, 1, forged))).toBe('InvalidParameterException');
    }
  });

  it("forgets a device with its sessions' revocation announced, in one transaction", async () => {
    await devices.forget(user, KEY);
    expect(transactions.run).toHaveBeenCalledTimes(1);
    expect(repo.forget).toHaveBeenCalledWith(user.sub, KEY, 'tx');
    expect(refreshTokens.revokeOfDevice).toHaveBeenCalledWith(KEY, expect.any(Date), 'tx');
    expect(outbox.add).toHaveBeenCalledTimes(2);
    expect(outbox.add).toHaveBeenCalledWith(
      'tx',
      expect.objectContaining({ payload: expect.objectContaining({ originJti: 'o-2', sub: user.sub }) }),
    );
    repo.forget.mockResolvedValueOnce(false);
    expect(await errorOf(devices.forget(user, KEY))).toBe('ResourceNotFoundException');
  });
});
