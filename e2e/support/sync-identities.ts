import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import { CognitoSyncClient } from '@aws-sdk/client-cognito-sync';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { randomBytes } from 'node:crypto';
import { identityPoolTrustPolicy } from '../../libs/testing/src/identity-pool-roles';
import type { E2eSystem } from './e2e-context';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * Identity pools whose guests hold a role allowing some `cognito-sync:*` actions on their own
 * identity, and guests with the temporary credentials an app gets: what the Cognito Sync specs
 * act as, built with the real AWS clients.
 */
export function syncIdentities(system: E2eSystem) {
  const admin = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const base = { endpoint: system.endpoint, region: 'us-east-1', maxAttempts: 1 };
  const anonymous = { accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' };
  const iam = new IAMClient({ ...base, credentials: admin });
  const identityAdmin = new CognitoIdentityClient({ ...base, credentials: admin });
  const identityApp = new CognitoIdentityClient({ ...base, credentials: anonymous });
  const suffix = randomBytes(3).toString('hex');

  async function poolWithGuestRole(
    name: string,
    actions: string[],
  ): Promise<{ poolId: string; roleArn: string }> {
    const { IdentityPoolId } = await identityAdmin.send(
      new CreateIdentityPoolCommand({ IdentityPoolName: name, AllowUnauthenticatedIdentities: true }),
    );
    const roleName = `${name}-${suffix}`;
    const { Role } = await iam.send(
      new CreateRoleCommand({
        RoleName: roleName,
        AssumeRolePolicyDocument: identityPoolTrustPolicy(IdentityPoolId!, 'unauthenticated'),
      }),
    );
    const own = `arn:aws:cognito-sync:*:*:identitypool/${IdentityPoolId}/identity/\${cognito-identity.amazonaws.com:sub}`;
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: roleName,
        PolicyName: 'sync-own-data',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: actions, Resource: [own, `${own}/*`] }],
        }),
      }),
    );
    await identityAdmin.send(
      new SetIdentityPoolRolesCommand({ IdentityPoolId, Roles: { unauthenticated: Role!.Arn! } }),
    );
    return { poolId: IdentityPoolId!, roleArn: Role!.Arn! };
  }

  async function guest(poolId: string): Promise<{ identityId: string; credentials: Credentials }> {
    const { IdentityId } = await identityApp.send(new GetIdCommand({ IdentityPoolId: poolId }));
    const { Credentials: c } = await identityApp.send(new GetCredentialsForIdentityCommand({ IdentityId }));
    return {
      identityId: IdentityId!,
      credentials: {
        accessKeyId: c!.AccessKeyId!,
        secretAccessKey: c!.SecretKey!,
        sessionToken: c!.SessionToken!,
      },
    };
  }

  return {
    admin,
    base,
    poolWithGuestRole,
    guest,
    syncAs: (credentials: Credentials) => new CognitoSyncClient({ ...base, credentials }),
    syncAdmin: new CognitoSyncClient({ ...base, credentials: admin }),
  };
}
