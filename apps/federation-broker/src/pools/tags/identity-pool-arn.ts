import { CommandMeta } from '@idfed/contracts';
import { BrokerErrors } from '../../common/broker-errors';
import { FederationBrokerConfig } from '../../config/federation-broker.config';

/** `arn:aws:cognito-identity:<region>:<account>:identitypool/<pool id>`, in the pool's own region. */
export function identityPoolArn(config: FederationBrokerConfig, poolId: string): string {
  const region = poolId.split(':')[0] || config.region;
  return `arn:aws:cognito-identity:${region}:${config.accountId}:identitypool/${poolId}`;
}

const ARN = /^arn:aws:cognito-identity:([a-z0-9-]+):(\d{12}):identitypool\/(.+)$/;

/**
 * The pool id a tagging request's ARN names. An ARN of another service or resource type is
 * malformed (InvalidParameterException); one of this service in another region or account names a
 * pool this deployment does not have (ResourceNotFoundException), as a deleted pool's ARN does. The
 * region is the request's (ADR 0032) and the pool id's own.
 */
export function poolIdOfArn(config: FederationBrokerConfig, arn: string, meta?: CommandMeta): string {
  const m = ARN.exec(arn);
  if (!m) throw BrokerErrors.invalidParameter(`Invalid ResourceArn: ${arn}`);
  const [, region, account, poolId] = m;
  const requestRegion = meta?.region ?? config.region;
  if (region !== requestRegion || !poolId.startsWith(`${region}:`) || account !== config.accountId) {
    throw BrokerErrors.notFound(`Resource ${arn} not found.`);
  }
  return poolId;
}
