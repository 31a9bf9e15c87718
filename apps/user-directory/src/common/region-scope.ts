import { CognitoErrors } from './cognito-errors';

/**
 * A request of one region finds no user pool of another (ADR 0032): Cognito's pool ids carry their
 * region (`<region>_...`), so one named under another region's request is answered as a pool that
 * does not exist there, which it does not on AWS.
 */
export function userPoolRegionScope(payload: Readonly<Record<string, unknown>>, region: string): void {
  const poolId = payload.UserPoolId;
  if (typeof poolId === 'string' && !poolId.startsWith(`${region}_`))
    throw CognitoErrors.poolNotFound(poolId);
}
