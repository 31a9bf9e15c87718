import { DeviceSyncWire as W } from '@idfed/contracts';
import { PoolConfiguration } from './pool-configurations.repository';

/** A pool's configuration as Set/GetIdentityPoolConfiguration answer it. */
export function poolConfigurationView(
  identityPoolId: string,
  configuration: PoolConfiguration | undefined,
): W.IdentityPoolConfiguration {
  const view: W.IdentityPoolConfiguration = { IdentityPoolId: identityPoolId };
  const push = configuration?.pushSync;
  if (push) {
    view.PushSync = {
      ApplicationArns: [...push.applicationArns],
      ...(push.roleArn !== undefined ? { RoleArn: push.roleArn } : {}),
    };
  }
  const streams = configuration?.cognitoStreams;
  if (streams) {
    view.CognitoStreams = {
      ...(streams.streamName !== undefined ? { StreamName: streams.streamName } : {}),
      ...(streams.roleArn !== undefined ? { RoleArn: streams.roleArn } : {}),
      StreamingStatus: streams.streamingStatus,
    };
  }
  return view;
}
