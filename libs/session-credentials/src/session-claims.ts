/**
 * Everything a verifier needs to know about a session, sealed inside its session token so that
 * any gateway replica (or resource service) can verify a request signed with temporary
 * credentials without asking anyone.
 */
export interface SessionClaims {
  accessKeyId: string;
  secretAccessKey: string;
  /** `arn:aws:iam::<account>:role/<path><name>`. */
  roleArn: string;
  /** `AROA...`: with the session name it makes `aws:userid`. */
  roleId: string;
  sessionName: string;
  /** Who the session is for: the web identity's `sub`, or the caller's ARN for AssumeRole. */
  subject: string;
  /** Who vouched for the subject: the federated provider (OIDC provider ARN or well-known name), or the caller's ARN. */
  provider: string;
  /** Milliseconds since the epoch. */
  issuedAt: number;
  expiresAt: number;
  /** Session policies (minified JSON), intersected with the role's policies; absent when none were passed. */
  sessionPolicies?: string[];
  /** Web identity claims as condition keys and policy variables: `<keyPrefix>:sub` and so on. */
  webIdentity?: WebIdentityClaims;
  sourceIdentity?: string;
  /** Issued by AssumeRole called with temporary credentials (role chaining). */
  chained?: boolean;
  /**
   * Set for a session of a long-term key rather than of a role (GetSessionToken,
   * GetFederationToken; ADR 0039). `roleArn` / `roleId` / `sessionName` then hold the IAM user's
   * (or the root's) ARN and id and the user or federated user name, and verifiers that only know
   * role sessions must not treat it as one.
   */
  longTermKey?: LongTermKeySession;
  /**
   * Session tags (ADR 0041): the request's tags plus the transitive tags inherited in a role chain,
   * as `aws:PrincipalTag/<key>`; they override the role's own tags of the same key. Absent from
   * tokens sealed before session tags existed, which open as sessions without tags.
   */
  sessionTags?: SessionTag[];
  /** The keys of `sessionTags` that pass on to sessions chained from this one (as given, case kept). */
  transitiveTagKeys?: string[];
  /**
   * When an IAM MFA code was accepted for this session (ms since the epoch; ADR 0072): it makes
   * `aws:MultiFactorAuthPresent` true and `aws:MultiFactorAuthAge` the seconds since. Absent for a
   * session issued without MFA (and from tokens sealed before MFA existed).
   */
  mfaAuthenticatedAt?: number;
}

export interface SessionTag {
  Key: string;
  Value: string;
}

/** What a session of a long-term access key adds (ADR 0039). */
export interface LongTermKeySession {
  /** GetSessionToken: the user's own permissions; GetFederationToken: a federated user's. */
  kind: 'session-token' | 'federation';
  /** The `AKIA` key (or the admin key) that asked: the session is honoured only while it is active. */
  parentAccessKeyId: string;
  /** GetFederationToken's Name. */
  federatedName?: string;
}

export interface WebIdentityClaims {
  /** The provider's condition-key prefix: `accounts.google.com`, `cognito-identity.amazonaws.com`, `<issuer host/path>`. */
  keyPrefix: string;
  /** Claim name -> value(s): aud, sub, amr, azp, oaud... Arrays stay multivalued. */
  claims: Record<string, string | string[]>;
}

const ROLE_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/;

/** Account, partition and name of a role ARN (the name is the part after the path). */
export function parseRoleArn(
  roleArn: string,
): { partition: string; accountId: string; roleName: string } | undefined {
  const m = ROLE_ARN.exec(roleArn);
  return m ? { partition: m[1], accountId: m[2], roleName: m[3] } : undefined;
}

/** `arn:aws:sts::<account>:assumed-role/<RoleName>/<RoleSessionName>`: the role path is not part of it. */
export function assumedRoleArn(roleArn: string, sessionName: string): string {
  const role = parseRoleArn(roleArn);
  if (!role) throw new Error(`not a role ARN: ${roleArn}`);
  return `arn:${role.partition}:sts::${role.accountId}:assumed-role/${role.roleName}/${sessionName}`;
}

/** `AROA...:<session>`: what STS calls the AssumedRoleId and IAM policies `aws:userid`. */
export function assumedRoleId(roleId: string, sessionName: string): string {
  return `${roleId}:${sessionName}`;
}
