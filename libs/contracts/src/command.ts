import { ServiceName } from './services';

/**
 * A request/reply operation of one service. The type parameters only exist at compile time, so the
 * gateway and the service agree on the payload and result shapes through this one declaration.
 */
export interface CommandContract<Request, Result> {
  readonly service: ServiceName;
  readonly pattern: string;
  /** Phantom fields: never set, they carry the types. */
  readonly request?: Request;
  readonly result?: Result;
}

export function defineCommand<Request, Result>(
  service: ServiceName,
  name: string,
): CommandContract<Request, Result> {
  return { service, pattern: `${service}.${name}` };
}

/** The service a pattern belongs to is the part before the first dot. */
export function serviceOfPattern(pattern: string): ServiceName | undefined {
  const service = pattern.slice(0, pattern.indexOf('.'));
  return (['user-directory', 'federation-broker', 'credential-vending', 'device-sync'] as const).find(
    (name) => name === service,
  );
}

/** Who asked: the gateway authenticates the caller and says so; services trust the bus, not the payload. */
export type Caller =
  | { kind: 'anonymous' }
  /** The admin key, or an IAM user's key whose policies the gateway found to allow the operation (principalArn). */
  | {
      kind: 'admin';
      accessKeyId: string;
      principalArn?: string;
      /** With principalArn: the IAM user's id (`AIDA...`), or `<account>:<name>` for a federated user (audit records). */
      principalId?: string;
      /**
       * Signed with a GetSessionToken session made with MFA: when the code was accepted (ms since
       * the epoch; ADR 0072). AssumeRole carries it into the role session, as AWS does.
       */
      mfaAuthenticatedAt?: number;
    }
  | { kind: 'temporary'; accessKeyId: string; principalArn: string; session?: CallerSession };

/**
 * What the gateway read from a verified session token, for services that act on behalf of the
 * session (STS AssumeRole with temporary credentials: role chaining). Never the secret.
 */
export interface CallerSession {
  roleArn: string;
  roleId: string;
  sessionName: string;
  /** ISO 8601. */
  issuedAt: string;
  expiresAt: string;
  /** The session policies the session was issued with (JSON documents), if any. */
  sessionPolicies?: string[];
  sourceIdentity?: string;
  /**
   * The Cognito identity the session was issued for (GetCredentialsForIdentity): services that keep
   * data per identity (device sync) check it against the identity a request names.
   */
  cognitoIdentity?: { identityPoolId: string; identityId: string };
  /** The session's tags (ADR 0041): for role chaining, where the transitive ones pass on. */
  sessionTags?: { Key: string; Value: string }[];
  transitiveTagKeys?: string[];
}

/** What travels with every command besides its payload. */
export interface CommandMeta {
  requestId: string;
  caller: Caller;
  sourceIp?: string;
  userAgent?: string;
  /**
   * The region the request is for (ADR 0032): the one its signature is scoped to, else the one its
   * endpoint's host or the ids it carries name. A service creates and lists resources in it and
   * finds none of another region. Absent (an unsigned request naming no region, a peer's command):
   * the resource's own region applies, and the home region for what is created or listed.
   */
  region?: string;
  /**
   * When the caller stops waiting (epoch ms), if it said (a gRPC call's deadline): the command is
   * not started after it, and the requester stops waiting at it.
   */
  deadline?: number;
}

export interface CommandEnvelope<Request> {
  meta: CommandMeta;
  payload: Request;
}

/**
 * The error shape that crosses the bus. `name` is the AWS error name the client expects
 * (UsernameExistsException, NotAuthorizedException, ...); the gateway maps it to an HTTP status.
 */
export interface ServiceErrorShape {
  name: string;
  message: string;
}

export function isServiceErrorShape(value: unknown): value is ServiceErrorShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ServiceErrorShape).name === 'string' &&
    typeof (value as ServiceErrorShape).message === 'string'
  );
}
