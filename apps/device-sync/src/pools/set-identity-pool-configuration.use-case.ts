import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, DeviceSyncOperations, DeviceSyncWire as W } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { SyncClock } from '../common/device-sync.config';
import { SyncErrors } from '../common/sync-errors';
import { IdentityPools } from './identity-pools';
import { poolConfigurationView } from './pool-configuration.view';
import {
  PoolConfigurationChange,
  PoolConfigurationsRepository,
  PushSyncSettings,
  StreamSettings,
} from './pool-configurations.repository';
import { platformOfApplicationArn, PushPlatform } from './push-platforms';

/**
 * SetIdentityPoolConfiguration (developer credentials only): a section given (PushSync,
 * CognitoStreams) replaces that section of the pool's configuration, a section left out is kept.
 * Push sync names at most one platform application per platform (RegisterDevice picks it by the
 * device's platform) and needs a role once it names any; enabled streams need a stream and a role.
 */
@Injectable()
export class SetIdentityPoolConfigurationUseCase implements OperationHandler<
  typeof DeviceSyncOperations.SetIdentityPoolConfiguration
> {
  constructor(
    @Inject(PoolConfigurationsRepository) private readonly configurations: PoolConfigurationsRepository,
    @Inject(IdentityPools) private readonly pools: IdentityPools,
    @Inject(SyncClock) private readonly clock: SyncClock,
  ) {}

  async execute(
    request: W.SetIdentityPoolConfigurationRequest,
    meta: CommandMeta,
  ): Promise<W.IdentityPoolConfiguration> {
    const change: PoolConfigurationChange = {};
    if (request.PushSync) change.pushSync = pushSyncOf(request.PushSync);
    if (request.CognitoStreams) change.cognitoStreams = streamsOf(request.CognitoStreams);
    await this.pools.assertExists(request.IdentityPoolId, meta);
    const stored = await this.configurations.apply(request.IdentityPoolId, change, this.clock.now());
    return poolConfigurationView(request.IdentityPoolId, stored);
  }
}

function pushSyncOf(push: W.PushSync): PushSyncSettings {
  const arns = push.ApplicationArns ?? [];
  const seen = new Set<PushPlatform>();
  for (const arn of arns) {
    const platform = platformOfApplicationArn(arn);
    if (!platform) {
      throw SyncErrors.invalidParameter(
        `ApplicationArn ${arn} is not a platform application of APNS, APNS_SANDBOX, GCM or ADM.`,
      );
    }
    if (seen.has(platform)) {
      throw SyncErrors.invalidParameter(`PushSync names more than one ${platform} platform application.`);
    }
    seen.add(platform);
  }
  if (arns.length > 0 && push.RoleArn === undefined) {
    throw SyncErrors.invalidParameter('PushSync needs a RoleArn when it names platform applications.');
  }
  return { applicationArns: arns, ...(push.RoleArn !== undefined ? { roleArn: push.RoleArn } : {}) };
}

function streamsOf(streams: W.CognitoStreams): StreamSettings {
  const streamingStatus = streams.StreamingStatus ?? (streams.StreamName ? 'ENABLED' : 'DISABLED');
  if (streamingStatus === 'ENABLED' && (!streams.StreamName || !streams.RoleArn)) {
    throw SyncErrors.invalidParameter('Enabled Cognito streams need a StreamName and a RoleArn.');
  }
  return {
    ...(streams.StreamName !== undefined ? { streamName: streams.StreamName } : {}),
    ...(streams.RoleArn !== undefined ? { roleArn: streams.RoleArn } : {}),
    streamingStatus,
  };
}
