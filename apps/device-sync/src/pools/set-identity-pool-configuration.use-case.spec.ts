import { CommandMeta } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { SyncClock } from '../common/device-sync.config';
import { IdentityPools } from './identity-pools';
import { PoolConfigurationsRepository } from './pool-configurations.repository';
import { SetIdentityPoolConfigurationUseCase } from './set-identity-pool-configuration.use-case';

const POOL = 'us-east-1:00000000-0000-0000-0000-000000000001';
const ROLE = 'arn:aws:iam::123456789012:role/cognito-push';
const GCM = 'arn:aws:sns:us-east-1:123456789012:app/GCM/notes';
const APNS = 'arn:aws:sns:us-east-1:123456789012:app/APNS/com.example.notes';
const admin: CommandMeta = { requestId: 'r', caller: { kind: 'admin', accessKeyId: 'AKIAADMIN' } };
const now = new Date('2026-01-01T00:00:00Z');

describe('SetIdentityPoolConfigurationUseCase', () => {
  const configurations = { apply: jest.fn(), find: jest.fn() };
  const pools = { assertExists: jest.fn() };
  const clock: SyncClock = { now: () => now };
  const useCase = new SetIdentityPoolConfigurationUseCase(
    configurations as unknown as PoolConfigurationsRepository,
    pools as unknown as IdentityPools,
    clock,
  );

  beforeEach(() => {
    jest.resetAllMocks();
    configurations.apply.mockImplementation((identityPoolId: string, change: object) => ({
      identityPoolId,
      ...change,
    }));
  });

  const refusal = async (promise: Promise<unknown>) => {
    const err = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ServiceError);
    expect(configurations.apply).not.toHaveBeenCalled();
    return err as ServiceError;
  };

  it('stores only the sections given and answers the stored configuration', async () => {
    const answer = await useCase.execute(
      { IdentityPoolId: POOL, PushSync: { ApplicationArns: [GCM, APNS], RoleArn: ROLE } },
      admin,
    );
    expect(pools.assertExists).toHaveBeenCalledWith(POOL, admin);
    expect(configurations.apply).toHaveBeenCalledWith(
      POOL,
      { pushSync: { applicationArns: [GCM, APNS], roleArn: ROLE } },
      now,
    );
    expect(answer).toEqual({
      IdentityPoolId: POOL,
      PushSync: { ApplicationArns: [GCM, APNS], RoleArn: ROLE },
    });
  });

  it('defaults StreamingStatus to ENABLED with a stream, DISABLED without', async () => {
    await useCase.execute(
      { IdentityPoolId: POOL, CognitoStreams: { StreamName: 's', RoleArn: ROLE } },
      admin,
    );
    expect(configurations.apply).toHaveBeenLastCalledWith(
      POOL,
      { cognitoStreams: { streamName: 's', roleArn: ROLE, streamingStatus: 'ENABLED' } },
      now,
    );
    await useCase.execute({ IdentityPoolId: POOL, CognitoStreams: {} }, admin);
    expect(configurations.apply).toHaveBeenLastCalledWith(
      POOL,
      { cognitoStreams: { streamingStatus: 'DISABLED' } },
      now,
    );
  });

  it('refuses two applications of one platform', async () => {
    const other = 'arn:aws:sns:us-east-1:123456789012:app/GCM/other';
    const err = await refusal(
      useCase.execute(
        { IdentityPoolId: POOL, PushSync: { ApplicationArns: [GCM, other], RoleArn: ROLE } },
        admin,
      ),
    );
    expect(err.errorName).toBe('InvalidParameterException');
    expect(err.message).toContain('more than one GCM');
  });

  it('refuses a platform Cognito Sync cannot push to', async () => {
    const sms = 'arn:aws:sns:us-east-1:123456789012:app/BAIDU/notes';
    const err = await refusal(
      useCase.execute({ IdentityPoolId: POOL, PushSync: { ApplicationArns: [sms], RoleArn: ROLE } }, admin),
    );
    expect(err.errorName).toBe('InvalidParameterException');
  });

  it.each([
    ['applications without a role', { PushSync: { ApplicationArns: [GCM] } }],
    [
      'enabled streams without a role',
      { CognitoStreams: { StreamName: 's', StreamingStatus: 'ENABLED' as const } },
    ],
    [
      'enabled streams without a stream',
      { CognitoStreams: { RoleArn: ROLE, StreamingStatus: 'ENABLED' as const } },
    ],
  ])('refuses %s', async (_what, section) => {
    const err = await refusal(useCase.execute({ IdentityPoolId: POOL, ...section }, admin));
    expect(err.errorName).toBe('InvalidParameterException');
  });

  it('stores nothing for a pool the broker does not know', async () => {
    pools.assertExists.mockRejectedValue(new ServiceError('ResourceNotFoundException', 'no pool'));
    const err = await refusal(useCase.execute({ IdentityPoolId: POOL, CognitoStreams: {} }, admin));
    expect(err.errorName).toBe('ResourceNotFoundException');
  });
});
