import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, DeviceSyncOperations, DeviceSyncWire as W } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { DEVICE_SYNC_CONFIG, DeviceSyncConfig, SyncClock } from '../common/device-sync.config';
import { assertMayActOn } from '../common/identity-access';
import { SyncErrors } from '../common/sync-errors';
import { PoolConfigurationsRepository } from '../pools/pool-configurations.repository';
import { platformOfApplicationArn } from '../pools/push-platforms';
import { DeviceTokens } from './device-tokens';
import { DevicesRepository } from './devices.repository';

const MAX_TOKEN_LENGTH = 4096;

/**
 * RegisterDevice: the identity's device for push sync, under the platform application the pool's
 * PushSync names for the device's platform (InvalidConfigurationException without one). The same
 * platform and token registered again by the identity answer the same DeviceId. The token is
 * sealed and digested before it reaches the repository, and never logged.
 */
@Injectable()
export class RegisterDeviceUseCase implements OperationHandler<typeof DeviceSyncOperations.RegisterDevice> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(DevicesRepository) private readonly devices: DevicesRepository,
    @Inject(PoolConfigurationsRepository) private readonly configurations: PoolConfigurationsRepository,
    @Inject(DeviceTokens) private readonly tokens: DeviceTokens,
    @Inject(DEVICE_SYNC_CONFIG) private readonly config: DeviceSyncConfig,
    @Inject(SyncClock) private readonly clock: SyncClock,
  ) {}

  async execute(request: W.RegisterDeviceRequest, meta: CommandMeta): Promise<W.RegisterDeviceResponse> {
    const { IdentityPoolId: poolId, IdentityId: identityId, Platform: platform, Token: token } = request;
    assertMayActOn(meta, poolId, identityId);
    assertWellFormedToken(platform, token);
    const configuration = await this.configurations.find(poolId);
    const applicationArn = configuration?.pushSync?.applicationArns.find(
      (arn) => platformOfApplicationArn(arn) === platform,
    );
    if (!applicationArn) {
      throw SyncErrors.invalidConfiguration(
        `Push sync is not configured for platform ${platform} in identity pool ${poolId}.`,
      );
    }
    const newId = randomUUID();
    const deviceId = await this.transactions.run(async (tx) => {
      const id = await this.devices.register(
        {
          deviceId: newId,
          identityPoolId: poolId,
          identityId,
          platform,
          applicationArn,
          tokenDigest: this.tokens.digest(platform, token),
          tokenEnc: this.tokens.seal(token, newId),
        },
        this.clock.now(),
        tx,
      );
      await this.devices.keepNewest(identityId, this.config.maxDevicesPerIdentity, tx);
      return id;
    });
    return { DeviceId: deviceId };
  }
}

function assertWellFormedToken(platform: W.Platform, token: string): void {
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
    throw SyncErrors.invalidParameter(`Token must be 1 to ${MAX_TOKEN_LENGTH} characters.`);
  }
  // An APNs device token is hexadecimal bytes (32 today); SNS refuses anything else for APNS.
  if ((platform === 'APNS' || platform === 'APNS_SANDBOX') && !/^(?:[0-9a-fA-F]{2}){16,100}$/.test(token)) {
    throw SyncErrors.invalidParameter('An APNS token must be the device token in hexadecimal.');
  }
}
