import {
  ContextValue,
  DecidingStatement,
  DecisionKind,
  evaluate,
  parsePolicy,
  PolicyDocument,
  RequestContext,
} from '@idfed/policy';
import { HttpRequestParts, SigV4VerifyOptions, verifySigV4 } from '@idfed/sigv4';
import { CredentialResolver, ResolvedCredential } from './credential.resolver';
import { isMfaKey, mfaAge } from './mfa-age';
import { isPrincipalTagKey, principalTagContext, SessionClaims } from '@idfed/session-credentials';
import {
  AssumedRolePrincipal,
  describePrincipal,
  PrincipalDescription,
  VerifiedPrincipal,
} from './principal';

/** A role's permission policies as the authorizer needs them, parsed (compiled) once. */
export interface RolePolicies {
  roleId: string;
  policies: readonly PolicyDocument[];
  /** The role's permissions boundary: an allow of its policies counts only where it also allows. */
  boundary?: PolicyDocument;
  /** The role's IAM tags: `aws:PrincipalTag` of its sessions unless a session tag has the key. */
  tags?: readonly { Key: string; Value: string }[];
}

/** Where a role's policies come from; the gateway asks credential vending and caches briefly. */
export interface RolePolicySource {
  policiesFor(roleArn: string): Promise<RolePolicies | undefined>;
}

export interface AuthorizeInput {
  /** Who asks: a principal verified earlier (authenticate()). */
  principal: VerifiedPrincipal;
  /** `service:Action`, e.g. `cognito-sync:ListRecords`. */
  action: string;
  /** Resource ARN, or `*`. */
  resource: string;
  /** Request condition keys (aws:SourceIp, service keys); the principal's own keys cannot be overridden. */
  context?: RequestContext;
}

export interface AuthorizationResult {
  principal: PrincipalDescription;
  decision: DecisionKind;
  allowed: boolean;
  reason: string;
  decidedBy?: DecidingStatement;
}

export interface AuthenticateOptions {
  /** Credential scope service(s) the request must be signed for. */
  service: string | string[];
  /** The scope's region: one name, or which regions are served (SigV4VerifyOptions.region). */
  region?: string | ((region: string) => boolean);
  /** Only for services that accept it on AWS (S3): otherwise the body must be signed. */
  allowUnsignedPayload?: boolean;
  /** Headers that, when present, the signature must cover (SigV4VerifyOptions.mustSignHeaders). */
  mustSignHeaders?: readonly string[];
  now?: () => Date;
}

/** What a session brings to every decision, worked out once per session (the claims object is cached). */
interface PreparedSession {
  description: PrincipalDescription;
  context: Record<string, ContextValue>;
  sessionPolicies: PolicyDocument[];
}

/**
 * Verifies requests signed with idfed credentials and decides what their principal may do, the way
 * IAM does for a role session: the role's policies (inline and attached) intersected with the
 * session policies, policy variables filled from the session (`${aws:userid}`,
 * `${cognito-identity.amazonaws.com:sub}`, ...). The admin key is the account root: always allowed.
 * Used by the gateway (its /authorize endpoint) and usable by any resource service in-process.
 */
export class Authorizer {
  private readonly prepared = new WeakMap<SessionClaims, PreparedSession>();
  private clock = { second: -1, iso: '' };

  constructor(
    private readonly credentials: CredentialResolver,
    private readonly roles: RolePolicySource,
    private readonly now: () => number = Date.now,
  ) {}

  /** SigV4 verification with idfed's credentials; throws SigV4Error or CredentialError. */
  async authenticate(request: HttpRequestParts, options: AuthenticateOptions): Promise<VerifiedPrincipal> {
    return (await this.authenticateScoped(request, options)).principal;
  }

  /** authenticate(), and the region the request was signed for (resources are named in it). */
  async authenticateScoped(
    request: HttpRequestParts,
    options: AuthenticateOptions,
  ): Promise<{ principal: VerifiedPrincipal; region: string }> {
    let resolved: ResolvedCredential | undefined;
    const verifyOptions: SigV4VerifyOptions = {
      resolveSecret: (accessKeyId, token) => {
        resolved = this.credentials.resolve(accessKeyId, token);
        return resolved?.secret;
      },
      service: options.service,
      region: options.region,
      allowUnsignedPayload: options.allowUnsignedPayload,
      mustSignHeaders: options.mustSignHeaders,
      now: options.now,
    };
    const identity = await verifySigV4(request, verifyOptions);
    return { principal: resolved!.principal, region: identity.region };
  }

  async authorize(input: AuthorizeInput): Promise<AuthorizationResult> {
    const { principal } = input;
    if (principal.type === 'Root') {
      return {
        principal: describePrincipal(principal),
        decision: 'Allow',
        allowed: true,
        reason: 'The account root (the admin key) may perform every action.',
      };
    }
    const session = principal.session;
    const prepared = this.prepare(principal);
    const described = prepared.description;
    const role = await this.roles.policiesFor(session.roleArn);
    if (!role || role.roleId !== session.roleId) {
      return {
        principal: described,
        decision: 'ImplicitDeny',
        allowed: false,
        reason: `The session's role ${session.roleArn} no longer exists; a role created since under the same name does not inherit its sessions.`,
      };
    }
    const decision = evaluate(
      {
        action: input.action,
        resource: input.resource,
        principal: { type: 'AWS', id: principal.arn },
        context: {
          ...callerContext(input.context),
          ...principalTagContext(role.tags, session.sessionTags),
          ...prepared.context,
          ...this.timeContext(),
          ...this.mfaAgeContext(session),
        },
      },
      {
        identity: role.policies,
        ...(role.boundary ? { boundary: [role.boundary] } : {}),
        session: prepared.sessionPolicies,
      },
    );
    return {
      principal: described,
      decision: decision.decision,
      allowed: decision.decision === 'Allow',
      reason: decision.reason,
      ...(decision.decidedBy ? { decidedBy: decision.decidedBy } : {}),
    };
  }

  /** Condition keys and policy variables a principal brings (IAM's global keys for assumed roles). */
  principalContext(principal: VerifiedPrincipal): Record<string, ContextValue> {
    const base: Record<string, ContextValue> = {
      ...this.timeContext(),
      'aws:PrincipalAccount': principal.accountId,
      'aws:userid': principal.userId,
    };
    if (principal.type === 'Root')
      return { ...base, 'aws:PrincipalArn': principal.arn, 'aws:PrincipalType': 'Account' };
    const s = principal.session;
    const out: Record<string, ContextValue> = {
      ...base,
      'aws:PrincipalArn': s.roleArn,
      'aws:PrincipalType': 'AssumedRole',
      'aws:TokenIssueTime': new Date(s.issuedAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      // ADR 0072: true for a session whose AssumeRole checked an MFA code (its age: mfaAgeContext).
      'aws:MultiFactorAuthPresent': s.mfaAuthenticatedAt !== undefined,
      ...(s.sourceIdentity ? { 'aws:SourceIdentity': s.sourceIdentity } : {}),
      ...principalTagContext(undefined, s.sessionTags),
    };
    if (s.webIdentity) {
      out['aws:FederatedProvider'] = s.provider;
      for (const [claim, value] of Object.entries(s.webIdentity.claims)) {
        out[`${s.webIdentity.keyPrefix}:${claim}`] = value;
      }
    }
    return out;
  }

  /** `aws:MultiFactorAuthAge`: seconds since the session's MFA code was accepted, at this decision. */
  private mfaAgeContext(session: SessionClaims): Record<string, ContextValue> {
    if (session.mfaAuthenticatedAt === undefined) return {};
    return { 'aws:MultiFactorAuthAge': mfaAge(session.mfaAuthenticatedAt, this.now()) };
  }

  /** aws:CurrentTime and aws:EpochTime, formatted once per second. */
  private timeContext(): Record<string, ContextValue> {
    const nowMs = this.now();
    const second = Math.floor(nowMs / 1000);
    if (second !== this.clock.second) {
      this.clock = { second, iso: new Date(second * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') };
    }
    return { 'aws:CurrentTime': this.clock.iso, 'aws:EpochTime': second };
  }

  private prepare(principal: AssumedRolePrincipal): PreparedSession {
    let prepared = this.prepared.get(principal.session);
    if (!prepared) {
      const texts = principal.session.sessionPolicies ?? [];
      prepared = {
        description: describePrincipal(principal),
        context: this.principalContext(principal),
        sessionPolicies: texts.map((text, i) =>
          parsePolicy(text, { kind: 'session', label: `session policy ${i + 1}` }),
        ),
      };
      this.prepared.set(principal.session, prepared);
    }
    return prepared;
  }
}

/**
 * The caller's context without `aws:PrincipalTag/*` and the MFA keys (ADR 0072): those keys are the principal's alone, and a
 * key the principal lacks must stay absent rather than be supplied by whoever asks (ADR 0041).
 */
function callerContext(context: RequestContext | undefined): RequestContext | undefined {
  const principals = (key: string) => isPrincipalTagKey(key) || isMfaKey(key);
  if (!context || !Object.keys(context).some(principals)) return context;
  return Object.fromEntries(Object.entries(context).filter(([key]) => !principals(key)));
}
