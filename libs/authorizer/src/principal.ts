import { assumedRoleArn, assumedRoleId, parseRoleArn, SessionClaims } from '@idfed/session-credentials';

/** Who signed a request, once the signature and the credentials behind it are verified. */
export type VerifiedPrincipal = RootPrincipal | AssumedRolePrincipal;

/** The admin key: it stands for the account root, as an account's root access key does on AWS. */
export interface RootPrincipal {
  type: 'Root';
  arn: string;
  accountId: string;
  /** GetCallerIdentity's UserId for the root is the account id. */
  userId: string;
  accessKeyId: string;
}

/** Temporary credentials: a role session. */
export interface AssumedRolePrincipal {
  type: 'AssumedRole';
  /** `arn:aws:sts::<account>:assumed-role/<role>/<session>`. */
  arn: string;
  accountId: string;
  /** `AROA...:<session>`. */
  userId: string;
  accessKeyId: string;
  /** The claims sealed in the session token, secret included: never serialise this as a whole. */
  session: SessionClaims;
}

export function rootPrincipal(accountId: string, accessKeyId: string): RootPrincipal {
  return { type: 'Root', arn: `arn:aws:iam::${accountId}:root`, accountId, userId: accountId, accessKeyId };
}

export function sessionPrincipal(session: SessionClaims): AssumedRolePrincipal {
  return {
    type: 'AssumedRole',
    arn: assumedRoleArn(session.roleArn, session.sessionName),
    accountId: parseRoleArn(session.roleArn)?.accountId ?? '',
    userId: assumedRoleId(session.roleId, session.sessionName),
    accessKeyId: session.accessKeyId,
    session,
  };
}

/** What may be shown of a principal (in an API answer or a log): no secret, no token. */
export interface PrincipalDescription {
  /** User / FederatedUser: an IAM user's key or a long-term key's session (ADR 0047). */
  type: 'Root' | 'AssumedRole' | 'User' | 'FederatedUser';
  arn: string;
  accountId: string;
  userId: string;
  accessKeyId: string;
  roleArn?: string;
  sessionName?: string;
  subject?: string;
  provider?: string;
  sourceIdentity?: string;
  issuedAt?: string;
  expiresAt?: string;
  /** An IAM user's name (ADR 0047). */
  userName?: string;
  /** The long-term key a GetSessionToken / GetFederationToken session was issued to (ADR 0047). */
  parentAccessKeyId?: string;
}

export function describePrincipal(p: VerifiedPrincipal): PrincipalDescription {
  const base = {
    type: p.type,
    arn: p.arn,
    accountId: p.accountId,
    userId: p.userId,
    accessKeyId: p.accessKeyId,
  };
  if (p.type === 'Root') return base;
  const s = p.session;
  return {
    ...base,
    roleArn: s.roleArn,
    sessionName: s.sessionName,
    subject: s.subject,
    provider: s.provider,
    ...(s.sourceIdentity ? { sourceIdentity: s.sourceIdentity } : {}),
    issuedAt: new Date(s.issuedAt).toISOString(),
    expiresAt: new Date(s.expiresAt).toISOString(),
  };
}
