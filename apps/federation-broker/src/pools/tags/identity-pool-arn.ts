import { BrokerErrors } from '../../common/broker-errors';
import { FederationBrokerConfig } from '../../config/federation-broker.config';

/** `arn:aws:cognito-identity:<region>:<account>:identitypool/<pool id>`, as Cognito names a pool. */
export function identityPoolArn(config: FederationBrokerConfig, poolId: string): string {
  return `arn:aws:cognito-identity:${config.region}:${config.accountId}:identitypool/${poolId}`;
}

const ARN = /^arn:aws:cognito-identity:([a-z0-9-]+):(\d{12}):identitypool\/(.+)$/;

/**
 * The pool id a tagging request's ARN names. An ARN of another service or resource type is
 * malformed (InvalidParameterException); one of this service in another region or account names a
 * pool this deployment does not have (ResourceNotFoundException), as a deleted pool's ARN does.
 */
export function poolIdOfArn(config: FederationBrokerConfig, arn: string): string {
  const m = ARN.exec(arn);
  if (!m) throw BrokerErrors.invalidParameter(`Invalid ResourceArn: ${arn}`);
  const [, region, account, poolId] = m;
  if (region !== config.region || account !== config.accountId) {
    throw BrokerErrors.notFound(`Resource ${arn} not found.`);
  }
  return poolId;
}
