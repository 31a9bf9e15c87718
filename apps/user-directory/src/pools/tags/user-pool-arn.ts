import { CommandMeta } from '@idfed/contracts';
import { CognitoErrors } from '../../common/cognito-errors';
import { UserDirectoryConfig } from '../../user-directory.tokens';

const ARN = /^arn:aws:cognito-idp:([a-z0-9-]+):(\d{12}):userpool\/(.+)$/;

/**
 * The pool id a tagging request's ARN names (`arn:aws:cognito-idp:<region>:<account>:userpool/<id>`,
 * the pool's `Arn`). Another service's or resource type's ARN is malformed
 * (InvalidParameterException); one of another region or account names a pool this deployment does
 * not have (ResourceNotFoundException), as a deleted pool's ARN does. A region is the request's
 * (ADR 0032), and the pool id's own: an ARN naming one region and a pool of another names nothing.
 */
export function poolIdOfArn(config: UserDirectoryConfig, arn: string, meta?: CommandMeta): string {
  const m = ARN.exec(arn);
  if (!m) throw CognitoErrors.invalidParameter(`Invalid ResourceArn: ${arn}`);
  const [, region, account, poolId] = m;
  const requestRegion = meta?.region ?? config.region;
  if (region !== requestRegion || !poolId.startsWith(`${region}_`) || account !== config.accountId) {
    throw CognitoErrors.poolNotFound(poolId);
  }
  return poolId;
}
