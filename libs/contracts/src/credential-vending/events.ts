import { IsIn, IsISO8601, IsOptional, IsString, Matches } from 'class-validator';

/** Topic names of credential vending's domain events, keyed by the role ARN. */
export const CredentialVendingTopics = {
  credentialsIssued: 'credential-vending.credentials.issued.v1',
  roleSessionsRevoked: 'credential-vending.role-sessions.revoked.v1',
} as const;

const ROLE_ARN = /^arn:aws:iam::\d{12}:role\/.+$/;

/**
 * Audit record of one set of temporary credentials. Carries the access key id (to correlate with
 * request logs) but never the secret or the session token.
 */
export class CredentialsIssuedEvent {
  @IsIn(['AssumeRoleWithWebIdentity', 'AssumeRole', 'AssumeRoleWithSAML'])
  operation!: 'AssumeRoleWithWebIdentity' | 'AssumeRole' | 'AssumeRoleWithSAML';

  @Matches(ROLE_ARN)
  roleArn!: string;

  @IsString()
  roleSessionName!: string;

  @Matches(/^arn:aws:sts::\d{12}:assumed-role\/.+$/)
  assumedRoleArn!: string;

  @Matches(/^ASIA[A-Z2-7]{16}$/)
  accessKeyId!: string;

  /** The web identity's `sub`, or the caller's ARN for AssumeRole. */
  @IsString()
  subject!: string;

  /** The federated provider (an OIDC provider ARN or a well-known name), or the caller's ARN. */
  @IsString()
  provider!: string;

  /** The token audience that was accepted (web identity only). */
  @IsOptional()
  @IsString()
  audience?: string;

  @IsOptional()
  @IsString()
  sourceIdentity?: string;

  @IsISO8601()
  issuedAt!: string;

  @IsISO8601()
  expiration!: string;
}

/** Every session of the role issued before `revokedBefore` is refused from now on. */
export class RoleSessionsRevokedEvent {
  @Matches(ROLE_ARN)
  roleArn!: string;

  @IsISO8601()
  revokedBefore!: string;

  @IsISO8601()
  occurredAt!: string;
}
