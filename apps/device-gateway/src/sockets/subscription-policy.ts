import { Inject, Injectable } from '@nestjs/common';
import { Authorizer, requestContext } from '@idfed/authorizer';
import type { DeviceIdentity } from '../auth/device-identity';
import { DEVICE_GATEWAY_OPTIONS, DeviceGatewayOptions } from '../device-gateway.options';

export const SUBSCRIBE_ACTION = 'cognito-sync:SubscribeToDataset';

/**
 * Whether the identity's role lets it subscribe to a dataset, as IAM decides Cognito Sync's
 * SubscribeToDataset: the action on the dataset's ARN (`.../dataset/*` for every dataset), with the
 * role's policies, the session policies and the session's policy variables
 * (`${cognito-identity.amazonaws.com:sub}`), by the gateway's own authorizer.
 */
@Injectable()
export class SubscriptionPolicy {
  constructor(
    @Inject(Authorizer) private readonly authorizer: Authorizer,
    @Inject(DEVICE_GATEWAY_OPTIONS) private readonly options: DeviceGatewayOptions,
  ) {}

  datasetArn(identity: DeviceIdentity, datasetName: string): string {
    // Named in the identity pool's region (`<region>:<uuid>`), where the socket was signed for.
    const region = identity.identityPoolId.split(':')[0] || this.options.env.region;
    const { accountId } = this.options.env;
    return `arn:aws:cognito-sync:${region}:${accountId}:identitypool/${identity.identityPoolId}/identity/${identity.identityId}/dataset/${datasetName}`;
  }

  async allows(identity: DeviceIdentity, datasetName: string): Promise<boolean> {
    const result = await this.authorizer.authorize({
      principal: identity.principal,
      action: SUBSCRIBE_ACTION,
      resource: this.datasetArn(identity, datasetName),
      // The socket was presigned for its identity pool's region (SocketAuthenticator checks it).
      context: requestContext({ region: identity.identityPoolId.split(':')[0] || this.options.env.region }),
    });
    return result.allowed;
  }
}
