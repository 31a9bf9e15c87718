import { randomBytes } from 'node:crypto';
import { CommandMeta } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { COGNITO_SYNC_LIMITS, SyncClock } from '../common/device-sync.config';
import { PoolConfigurationsRepository } from '../pools/pool-configurations.repository';
import { DeviceTokens } from './device-tokens';
import { DevicesRepository, NewDevice } from './devices.repository';
import { RegisterDeviceUseCase } from './register-device.use-case';

const POOL = 'us-east-1:00000000-0000-0000-0000-000000000001';
const ME = 'us-east-1:00000000-0000-0000-0000-00000000000a';
const GCM = 'arn:aws:sns:us-east-1:123456789012:app/GCM/notes';
const APNS = 'arn:aws:sns:us-east-1:123456789012:app/APNS/com.example.notes';
const admin: CommandMeta = { requestId: 'r', caller: { kind: 'admin', accessKeyId: 'AKIAADMIN' } };
const tx = {} as Transaction;

describe('RegisterDeviceUseCase', () => {
  const devices = { register: jest.fn(), keepNewest: jest.fn() };
  const configurations = { find: jest.fn() };
  const tokens = new DeviceTokens(randomBytes(32));
  const transactions = { run: (work: (t: Transaction) => Promise<unknown>) => work(tx) };
  const useCase = new RegisterDeviceUseCase(
    transactions as unknown as Transactions,
    devices as unknown as DevicesRepository,
    configurations as unknown as PoolConfigurationsRepository,
    tokens,
    COGNITO_SYNC_LIMITS,
    new SyncClock(),
  );

  beforeEach(() => {
    jest.resetAllMocks();
    configurations.find.mockResolvedValue({
      identityPoolId: POOL,
      pushSync: { applicationArns: [GCM, APNS], roleArn: 'arn:aws:iam::123456789012:role/push' },
    });
    devices.register.mockImplementation((device: NewDevice) => device.deviceId);
  });

  const refusal = async (promise: Promise<unknown>) => {
    const err = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ServiceError);
    expect(devices.register).not.toHaveBeenCalled();
    return err as ServiceError;
  };

  it("registers under the platform's application, the token sealed and digested only", async () => {
    const token = 'fcm-registration-token-0123456789';
    const { DeviceId } = await useCase.execute(
      { IdentityPoolId: POOL, IdentityId: ME, Platform: 'GCM', Token: token },
      admin,
    );
    const device = devices.register.mock.calls[0][0] as NewDevice;
    expect(device).toMatchObject({
      deviceId: DeviceId,
      identityId: ME,
      platform: 'GCM',
      applicationArn: GCM,
    });
    expect(JSON.stringify(devices.register.mock.calls[0])).not.toContain(token);
    expect(tokens.open(device.tokenEnc, DeviceId)).toBe(token);
    expect(device.tokenDigest).toEqual(tokens.digest('GCM', token));
    expect(devices.keepNewest).toHaveBeenCalledWith(ME, COGNITO_SYNC_LIMITS.maxDevicesPerIdentity, tx);
  });

  it('answers InvalidConfigurationException when push sync has no application of the platform', async () => {
    const err = await refusal(
      useCase.execute(
        { IdentityPoolId: POOL, IdentityId: ME, Platform: 'ADM', Token: 'adm-token-1234' },
        admin,
      ),
    );
    expect(err.errorName).toBe('InvalidConfigurationException');
    configurations.find.mockResolvedValue(undefined);
    const none = await refusal(
      useCase.execute(
        { IdentityPoolId: POOL, IdentityId: ME, Platform: 'GCM', Token: 'fcm-token-1234' },
        admin,
      ),
    );
    expect(none.errorName).toBe('InvalidConfigurationException');
  });

  it.each([
    ['an empty token', 'GCM', ''],
    ['a token too long', 'GCM', 'x'.repeat(4097)],
    ['an APNS token that is not hexadecimal', 'APNS', 'not-hex-at-all-not-hex-at-all-not-hex'],
  ] as const)('refuses %s', async (_what, platform, token) => {
    const err = await refusal(
      useCase.execute({ IdentityPoolId: POOL, IdentityId: ME, Platform: platform, Token: token }, admin),
    );
    expect(err.errorName).toBe('InvalidParameterException');
  });

  it("refuses another identity's credentials before anything is read", async () => {
    const other: CommandMeta = {
      requestId: 'r',
      caller: {
        kind: 'temporary',
        accessKeyId: 'ASIAOTHER',
        principalArn: 'arn:aws:sts::000000000000:assumed-role/r/s',
        session: {
          roleArn: 'arn:aws:iam::000000000000:role/r',
          roleId: 'AROA',
          sessionName: 's',
          cognitoIdentity: {
            identityPoolId: POOL,
            identityId: 'us-east-1:00000000-0000-0000-0000-00000000000b',
          },
        },
      } as CommandMeta['caller'],
    };
    const err = await refusal(
      useCase.execute(
        { IdentityPoolId: POOL, IdentityId: ME, Platform: 'GCM', Token: 'fcm-token-1234' },
        other,
      ),
    );
    expect(err.errorName).toBe('NotAuthorizedException');
    expect(configurations.find).not.toHaveBeenCalled();
  });
});
