import { AwsError } from '@idfed/aws-protocol';
import { AccessKeyPrincipalResult, CredentialVendingOperations } from '@idfed/contracts';
import { BusClient, CommandFailedError } from '@idfed/messaging';
import { ContextValue, Decision, evaluate, parsePolicy, PolicyDocument } from '@idfed/policy';
import { CredentialError, CredentialErrors } from './credential.errors';
import { PrincipalDescription } from './principal';
import { isMfaKey, mfaAge } from './mfa-age';
import { HttpRequestParts, SigV4Error, verifySigV4 } from '@idfed/sigv4';
import {
  isPrincipalTagKey,
  isTemporaryAccessKeyId,
  principalTagContext,
  SessionClaims,
  SessionTag,
  SessionTokenCodec,
  SessionTokenError,
  USER_ACCESS_KEY_ID,
  UserAccessKeySealer,
} from '@idfed/session-credentials';
import { randomUUID } from 'node:crypto';

/** An IAM user whose access key signed the request, with what the user's policies allow. */
export interface IamUserCaller {
  accessKeyId: string;
  secret: string;
  userName: string;
  userId: string;
  arn: string;
  accountId: string;
  policies: PolicyDocument[];
  boundary?: PolicyDocument;
  /** The IAM user's tags: `aws:PrincipalTag/<key>` of its requests and GetSessionToken sessions. */
  tags?: { Key: string; Value: string }[];
  /**
   * Set when the request was signed with temporary credentials of a long-term key
   * (GetSessionToken, GetFederationToken; ADR 0039): `accessKeyId` and `secret` are then the
   * session's, `arn` / `userId` the federated user's for a federation session.
   */
  session?: LongTermKeySessionCaller;
  /** A session of the admin key: the account root, within what AWS lets session credentials do. */
  root?: boolean;
}

export interface LongTermKeySessionCaller {
  kind: 'session-token' | 'federation';
  parentAccessKeyId: string;
  federatedName?: string;
  /** The federation session's policies: its permissions are the user's intersected with these. */
  sessionPolicies: PolicyDocument[];
  /** GetFederationToken's session tags (ADR 0047): `aws:PrincipalTag/<key>` of its requests. */
  sessionTags?: SessionTag[];
  /** When the session ends (ms since the epoch): a gRPC stream it opened closes then. */
  expiresAt?: number;
  /**
   * When GetSessionToken accepted an MFA code for it (ADR 0072): `aws:MultiFactorAuthPresent` is
   * then true, `aws:MultiFactorAuthAge` the seconds since, and IAM may be called with it.
   */
  mfaAuthenticatedAt?: number;
}

/** Where and how a signed request is verified as an IAM user's (verifySigned). */
export interface IamUserSignedOptions {
  service: string | string[];
  region?: string | ((region: string) => boolean);
  accountId: string;
  /** The admin key: never an IAM user's; its GetSessionToken sessions stand for the root. */
  adminAccessKeyId: string | undefined;
  allowUnsignedPayload?: boolean;
  /** Headers the signature must cover (the gRPC gateway's call id). */
  mustSignHeaders?: string[];
  /** The verifier's clock (tests). */
  now?: () => Date;
}

/** How often a replica reports one key's use at most (ADR 0078): AWS's last-use date is not to the second either. */
export const KEY_USE_REPORT_EVERY_MS = 5 * 60_000;

export interface KeyUseReportOptions {
  /** At most one report per key this often (ms), per replica. */
  reportEveryMs?: number;
  /** The clock (tests). */
  now?: () => number;
}

/** How the refusal is named: AWS's JSON protocols say AccessDeniedException, the Query ones AccessDenied. */
export type DenialProtocol = 'json' | 'query';

/**
 * Requests signed with an IAM user's access key (ADR 0033): the key is looked up in credential
 * vending on every request (no cache: a key deactivated or deleted is refused by the next request
 * on every replica), its sealed secret opened here with the session-token master key, and each
 * operation decided by the policy engine against the user's policies and boundary. One resolution
 * for every gateway (HTTP, gRPC, device; ADR 0065): each app provides it with its bus and keys.
 */
export class IamUserKeys {
  /** When each key's use was last reported by this replica (ms), oldest report first. */
  private readonly reported = new Map<string, number>();
  private readonly reportEveryMs: number;
  private readonly now: () => number;

  constructor(
    private readonly bus: BusClient,
    private readonly sealer: UserAccessKeySealer,
    private readonly codec: SessionTokenCodec,
    options: KeyUseReportOptions = {},
  ) {
    this.reportEveryMs = options.reportEveryMs ?? KEY_USE_REPORT_EVERY_MS;
    this.now = options.now ?? Date.now;
  }

  /**
   * Records that an IAM user's access key signed a request (GetAccessKeyLastUsed; ADR 0078): the
   * service and region of the verified signature's scope, sent to credential vending at most once
   * per key every `reportEveryMs` by this replica, never awaited (the request does not wait for a
   * write, and does not fail when the report does). Only the long-term key itself counts: requests
   * signed with a session of it carry the session's key id, which IAM does not track there either.
   * Call it only once the signature verified: a forged request must leave no trace of use.
   */
  recordUse(user: IamUserCaller, scope: { service: string; region: string }): void {
    if (user.session || user.root || !USER_ACCESS_KEY_ID.test(user.accessKeyId)) return;
    const now = this.now();
    const last = this.reported.get(user.accessKeyId);
    if (last !== undefined && now - last < this.reportEveryMs) return;
    this.reported.delete(user.accessKeyId);
    this.reported.set(user.accessKeyId, now);
    this.forgetOldReports(now);
    const keyId = user.accessKeyId;
    this.bus
      .request(
        CredentialVendingOperations.RecordAccessKeyUse,
        {
          AccessKeyId: keyId,
          UsedAt: new Date(now).toISOString(),
          ServiceName: scope.service,
          Region: scope.region,
        },
        { requestId: randomUUID(), caller: { kind: 'anonymous' } },
      )
      // Not recorded: the next request with the key tries again.
      .catch(() => {
        if (this.reported.get(keyId) === now) this.reported.delete(keyId);
      });
  }

  /** Keys reported longer ago than the interval need no entry: the map stays as small as the traffic. */
  private forgetOldReports(now: number): void {
    for (const [keyId, at] of this.reported) {
      if (now - at < this.reportEveryMs) break;
      this.reported.delete(keyId);
    }
  }

  /**
   * The caller behind temporary credentials of a long-term key (ADR 0039), or undefined for any
   * other key. The session stands for its user only while the key that asked for it is active: the
   * parent key is looked up like a signing key, every request, so deactivating or deleting it ends
   * the session on the next request (InvalidClientTokenId, as for any token AWS no longer honours).
   * A session of the admin key stands for the root while that key is still the admin key.
   */
  async resolveSession(
    accessKeyId: string,
    token: string,
    accountId: string,
    adminAccessKeyId: string | undefined,
  ): Promise<IamUserCaller | undefined> {
    if (!isTemporaryAccessKeyId(accessKeyId)) return undefined;
    let claims: SessionClaims;
    try {
      claims = this.codec.verify(token, accessKeyId);
    } catch (err) {
      if (err instanceof SessionTokenError) {
        throw err.reason === 'expired' ? CredentialErrors.expired() : CredentialErrors.invalid();
      }
      throw err;
    }
    const lk = claims.longTermKey;
    if (!lk) return undefined;
    const session: LongTermKeySessionCaller = {
      kind: lk.kind,
      parentAccessKeyId: lk.parentAccessKeyId,
      ...(lk.federatedName !== undefined ? { federatedName: lk.federatedName } : {}),
      sessionPolicies: (claims.sessionPolicies ?? []).map((text, i) =>
        parsePolicy(text, { kind: 'session', label: `session policy ${i + 1}` }),
      ),
      ...(claims.sessionTags?.length ? { sessionTags: claims.sessionTags } : {}),
      expiresAt: claims.expiresAt,
      ...(claims.mfaAuthenticatedAt !== undefined ? { mfaAuthenticatedAt: claims.mfaAuthenticatedAt } : {}),
    };
    const federated =
      lk.federatedName !== undefined
        ? {
            arn: `arn:aws:sts::${accountId}:federated-user/${lk.federatedName}`,
            userId: `${accountId}:${lk.federatedName}`,
          }
        : undefined;
    if (adminAccessKeyId !== undefined && lk.parentAccessKeyId === adminAccessKeyId) {
      return {
        accessKeyId,
        secret: claims.secretAccessKey,
        userName: '',
        userId: federated?.userId ?? accountId,
        arn: federated?.arn ?? `arn:aws:iam::${accountId}:root`,
        accountId,
        policies: [],
        session,
        root: true,
      };
    }
    const user = await this.resolve(lk.parentAccessKeyId, accountId);
    // The parent key was deleted or deactivated (or now belongs to nobody we know): the session ends.
    if (!user || user.arn !== claims.roleArn || user.userId !== claims.roleId)
      throw CredentialErrors.revoked();
    return {
      ...user,
      accessKeyId,
      secret: claims.secretAccessKey,
      ...(federated ?? {}),
      session,
    };
  }

  /**
   * The one resolution of a signed request for every surface that accepts IAM users' keys (REST
   * Cognito Sync, POST /authorize; ADR 0047): the request verified with an IAM user's active key,
   * or with a GetSessionToken / GetFederationToken session of a long-term key. Undefined for any
   * other key (the admin key, role sessions, unknown or deleted keys): the caller then verifies it
   * as before. A session whose parent key is gone or expired throws its CredentialError; a bad
   * signature made with a user's key throws its SigV4Error.
   */
  async verifySigned(
    request: HttpRequestParts,
    options: IamUserSignedOptions,
  ): Promise<{ user: IamUserCaller; region: string } | undefined> {
    let user: IamUserCaller | undefined;
    try {
      const identity = await verifySigV4(request, {
        resolveSecret: async (accessKeyId, token) => {
          if (accessKeyId === options.adminAccessKeyId) return undefined;
          user =
            token === undefined
              ? await this.resolve(accessKeyId, options.accountId)
              : await this.resolveSession(accessKeyId, token, options.accountId, options.adminAccessKeyId);
          return user?.secret;
        },
        service: options.service,
        region: options.region,
        allowUnsignedPayload: options.allowUnsignedPayload,
        ...(options.mustSignHeaders ? { mustSignHeaders: options.mustSignHeaders } : {}),
        ...(options.now ? { now: options.now } : {}),
      });
      if (user) this.recordUse(user, identity);
      return user ? { user, region: identity.region } : undefined;
    } catch (err) {
      if (err instanceof CredentialError) throw err;
      if (user && err instanceof SigV4Error) throw err;
      return undefined;
    }
  }

  /** The user behind an active `AKIA` key, or undefined for any other key (refused as unknown). */
  async resolve(accessKeyId: string, accountId: string): Promise<IamUserCaller | undefined> {
    if (!USER_ACCESS_KEY_ID.test(accessKeyId)) return undefined;
    let found: AccessKeyPrincipalResult;
    try {
      found = await this.bus.request(
        CredentialVendingOperations.GetAccessKeyPrincipal,
        { AccessKeyId: accessKeyId },
        { requestId: randomUUID(), caller: { kind: 'anonymous' } },
      );
    } catch (err) {
      if (err instanceof CommandFailedError && err.error.name === 'NoSuchEntity') return undefined;
      throw err;
    }
    // AWS refuses an inactive key like an unknown one (InvalidClientTokenId).
    if (found.Status !== 'Active') return undefined;
    let secret: string;
    try {
      secret = this.sealer.open(accessKeyId, Buffer.from(found.SecretEnc, 'base64'));
    } catch {
      return undefined; // sealed under another master key: this gateway cannot vouch for it
    }
    return {
      accessKeyId,
      secret,
      userName: found.UserName,
      userId: found.UserId,
      arn: found.UserArn,
      accountId,
      policies: found.Policies.map((p) => parsePolicy(p.Document, { kind: 'identity', label: p.Label })),
      ...(found.Tags?.length ? { tags: found.Tags } : {}),
      ...(found.PermissionsBoundary
        ? {
            boundary: parsePolicy(found.PermissionsBoundary.Document, {
              kind: 'identity',
              label: found.PermissionsBoundary.Label,
            }),
          }
        : {}),
    };
  }

  /**
   * Refuses the action unless the user's policies allow it on the resource (and the boundary, when
   * there is one, allows it too), with AWS's message naming the user, the action and the resource.
   */
  authorize(
    user: IamUserCaller,
    action: string,
    resource: string,
    protocol: DenialProtocol,
    context: Record<string, ContextValue> = {},
  ): void {
    const request = { action, resource, context: { ...contextOf(user), ...context } };
    const federation = user.session?.kind === 'federation' ? user.session.sessionPolicies : undefined;
    const identity = user.root ? (federation ?? []) : user.policies;
    const decision = decideFor(user, request);
    if (decision.decision === 'Allow') return;
    const explicit = decision.decision === 'ExplicitDeny' ? decision.decidedBy?.policyType : undefined;
    const why =
      decision.decision === 'ExplicitDeny'
        ? `with an explicit deny in ${explicit === 'boundary' ? 'a permissions boundary' : explicit === 'session' ? 'a session policy' : 'an identity-based policy'}`
        : federation &&
            evaluate(request, { identity, ...(user.boundary ? { boundary: [user.boundary] } : {}) })
              .decision === 'Allow'
          ? `because no session policy allows the ${action} action`
          : user.boundary && evaluate(request, user.policies).decision === 'Allow'
            ? `because no permissions boundary allows the ${action} action`
            : `because no identity-based policy allows the ${action} action`;
    throw new AwsError(
      protocol === 'json' ? 'AccessDeniedException' : 'AccessDenied',
      `User: ${user.arn} is not authorized to perform: ${action} on resource: ${resource} ${why}`,
    );
  }

  /**
   * POST /authorize's decision for an IAM user or a long-term key's session: the caller's context
   * cannot stand in for the principal's own keys (`aws:PrincipalTag/*` and the global ones).
   */
  decide(
    user: IamUserCaller,
    action: string,
    resource: string,
    context: Record<string, ContextValue> = {},
  ): Decision {
    const asked = Object.fromEntries(
      Object.entries(context).filter(([key]) => !isPrincipalTagKey(key) && !isMfaKey(key)),
    );
    return decideFor(user, { action, resource, context: { ...asked, ...contextOf(user) } });
  }
}

/** What may be shown of an IAM user (or its session) in POST /authorize's answer. */
export function describeIamUser(user: IamUserCaller): PrincipalDescription {
  const federated = user.session?.kind === 'federation';
  return {
    type: federated ? 'FederatedUser' : user.root ? 'Root' : 'User',
    arn: user.arn,
    accountId: user.accountId,
    userId: user.userId,
    accessKeyId: user.accessKeyId,
    ...(user.userName ? { userName: user.userName } : {}),
    ...(user.session ? { parentAccessKeyId: user.session.parentAccessKeyId } : {}),
  };
}

/**
 * The user's policies (within its boundary; a federation session's within its session policies)
 * on one request. The root is always allowed; a federated user of the root only what its session
 * policies allow; a federation session without session policies nothing.
 */
function decideFor(
  user: IamUserCaller,
  request: { action: string; resource: string; context: Record<string, ContextValue> },
): Decision {
  const federation = user.session?.kind === 'federation' ? user.session.sessionPolicies : undefined;
  if (user.root && !federation) {
    return { decision: 'Allow', reason: 'The account root (the admin key) may perform every action.' };
  }
  if (federation && federation.length === 0) {
    return {
      decision: 'ImplicitDeny',
      reason: 'A federation session without session policies is allowed nothing.',
    };
  }
  return evaluate(request, {
    identity: user.root ? federation! : user.policies,
    ...(user.boundary ? { boundary: [user.boundary] } : {}),
    ...(federation && !user.root ? { session: federation } : {}),
  });
}

function mfaContext(authenticatedAt: number | undefined): Record<string, string> {
  return authenticatedAt === undefined
    ? { 'aws:MultiFactorAuthPresent': 'false' }
    : { 'aws:MultiFactorAuthPresent': 'true', 'aws:MultiFactorAuthAge': mfaAge(authenticatedAt, Date.now()) };
}

/** The global condition keys of a request signed by an IAM user. */
function contextOf(user: IamUserCaller): Record<string, string> {
  const federated = user.session?.kind === 'federation';
  return {
    // A federated user has no user name of its own; the root has none either.
    ...(user.userName && !federated ? { 'aws:username': user.userName } : {}),
    'aws:userid': user.userId,
    'aws:PrincipalArn': user.arn,
    'aws:PrincipalAccount': user.accountId,
    'aws:PrincipalType': federated ? 'FederatedUser' : user.root ? 'Account' : 'User',
    'aws:CurrentTime': new Date().toISOString(),
    // Temporary credentials say whether MFA was used (ADR 0072); a long-term key's requests carry
    // neither key, as on AWS.
    ...(user.session ? mfaContext(user.session.mfaAuthenticatedAt) : {}),
    // The IAM user's tags (ADR 0046), overridden key by key by a federated session's tags, as
    // GetFederationToken's session tags override the user's on AWS.
    ...principalTagContext(user.tags, user.session?.sessionTags),
  };
}
