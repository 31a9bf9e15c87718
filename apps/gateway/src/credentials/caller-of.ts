import { VerifiedPrincipal } from '@idfed/authorizer';
import { Caller } from '@idfed/contracts';
import { cognitoIdentityOf } from './cognito-identity.session';

/** The caller a command carries for a verified principal: its session's facts, never its secret. */
export function callerOf(principal: VerifiedPrincipal | undefined): Caller {
  if (!principal) return { kind: 'anonymous' };
  if (principal.type === 'Root') return { kind: 'admin', accessKeyId: principal.accessKeyId };
  const s = principal.session;
  const cognitoIdentity = cognitoIdentityOf(s);
  return {
    kind: 'temporary',
    accessKeyId: principal.accessKeyId,
    principalArn: principal.arn,
    session: {
      roleArn: s.roleArn,
      roleId: s.roleId,
      sessionName: s.sessionName,
      issuedAt: new Date(s.issuedAt).toISOString(),
      expiresAt: new Date(s.expiresAt).toISOString(),
      ...(s.sessionPolicies ? { sessionPolicies: s.sessionPolicies } : {}),
      ...(s.sourceIdentity ? { sourceIdentity: s.sourceIdentity } : {}),
      ...(cognitoIdentity ? { cognitoIdentity } : {}),
      ...(s.sessionTags ? { sessionTags: s.sessionTags } : {}),
      ...(s.transitiveTagKeys ? { transitiveTagKeys: s.transitiveTagKeys } : {}),
    },
  };
}
