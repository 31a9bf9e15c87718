import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';

/** The trust policy AWS documents for identity-pool roles: the pool's own tokens, of one kind. */
export function identityPoolTrustPolicy(
  identityPoolId: string,
  amr: 'authenticated' | 'unauthenticated',
): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'cognito-identity.amazonaws.com:aud': identityPoolId },
          'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr },
        },
      },
    ],
  });
}

/**
 * A role an identity pool's users can assume, with one inline policy allowing `actions`: what the
 * e2e specs and the identity-pool benchmark need. Returns the role ARN.
 */
export async function createIdentityPoolRole(
  iam: IAMClient,
  roleName: string,
  identityPoolId: string,
  amr: 'authenticated' | 'unauthenticated',
  actions: string[] = ['sts:GetCallerIdentity'],
): Promise<string> {
  const { Role } = await iam.send(
    new CreateRoleCommand({
      RoleName: roleName,
      AssumeRolePolicyDocument: identityPoolTrustPolicy(identityPoolId, amr),
    }),
  );
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: roleName,
      PolicyName: 'allowed',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }],
      }),
    }),
  );
  return Role!.Arn!;
}
