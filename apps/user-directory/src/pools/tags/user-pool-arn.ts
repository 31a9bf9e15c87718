import { CognitoErrors } from '../../common/cognito-errors';
import { UserDirectoryConfig } from '../../user-directory.tokens';

const ARN = /^arn:aws:cognito-idp:([a-z0-9-]+):(\d{12}):userpool\/(.+)$/;

/**
 * The pool id a tagging request's ARN names (`arn:aws:cognito-idp:<region>:<account>:userpool/<id>`,
 * the pool's `Arn`). Another service's or resource type's ARN is malformed
 * (InvalidParameterException); one of another region or account names a pool this deployment does
 * not have (ResourceNotFoundException), as a deleted pool's ARN does.
 */
export function poolIdOfArn(config: UserDirectoryConfig, arn: string): string {
  const m = ARN.exec(arn);
  if (!m) throw CognitoErrors.invalidParameter(`Invalid ResourceArn: ${arn}`);
  const [, region, account, poolId] = m;
  if (region !== config.region || account !== config.accountId) throw CognitoErrors.poolNotFound(poolId);
  return poolId;
}
