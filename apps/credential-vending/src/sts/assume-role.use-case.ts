import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  AssumeRoleRequest,
  AssumeRoleResult,
  Caller,
  CommandMeta,
  CredentialVendingOperations,
} from '@idfed/contracts';
import { ContextValue, evaluate, PolicyDocument } from '@idfed/policy';
import { assumedRoleArn, principalTagContext } from '@idfed/session-credentials';
import { OperationHandler } from '@idfed/service-runtime';
import { IamArns } from '../common/arns';
import { Clock, CLOCK } from '../common/clock';
import { StsErrors } from '../common/iam-errors';
import { readPolicy } from '../common/policy-documents';
import { Patterns } from '../common/validate';
import { RoleEntity } from '../database/entities';
import { ManagedPolicyLookup } from '../policies/managed-policy.lookup';
import { RoleLookup } from '../roles/role.lookup';
import { RolePermissions } from '../roles/role-permissions';
import { VirtualMfaDevices } from '../mfa/virtual-mfa-devices';
import { DEFAULT_SESSION_SECONDS } from './assume-role-with-web-identity.use-case';
import { globalContext } from './request-context';
import { SessionIssuer } from './session-issuer';
import { readSessionPolicies } from './session-policies';
import {
  inheritedTransitiveTags,
  planSessionTags,
  refuseDuplicateTagKeys,
  requestTagContext,
  validateTransitiveTagKeys,
} from './session-tags';
import { validateAssumeRequest } from './sts-request.validation';
import { roleResourceTagContext } from './role-resource-tags';

/** Role chaining: a session assumed with temporary credentials lasts one hour at most. */
export const CHAINED_SESSION_MAX_SECONDS = 3600;

interface CallerPrincipal {
  arn: string;
  /** An IAM user (its long-term key or a GetSessionToken session of it; ADR 0039). */
  user?: boolean;
  /** The IAM user's id: whose MFA devices SerialNumber may name (ADR 0072). */
  userId?: string;
  /** The caller's own session when it signed with temporary credentials. */
  session?: { role: RoleEntity; sessionArn: string; sessionPolicies: PolicyDocument[]; roleId: string };
}

/**
 * STS AssumeRole, signed by the admin key (the account root), by an IAM user (the gateway has
 * decided the user's identity policy) or by temporary credentials (role chaining). The target role's trust policy must admit the caller. A session caller also needs an
 * identity-side Allow for sts:AssumeRole on the role (its role's policies within its session
 * policies) unless the trust policy names its role or session directly, as IAM does within an
 * account.
 */
@Injectable()
export class AssumeRoleUseCase implements OperationHandler<typeof CredentialVendingOperations.AssumeRole> {
  constructor(
    @Inject(IamArns) private readonly arns: IamArns,
    @Inject(RoleLookup) private readonly roles: RoleLookup,
    @Inject(RolePermissions) private readonly permissions: RolePermissions,
    @Inject(ManagedPolicyLookup) private readonly policies: ManagedPolicyLookup,
    @Inject(SessionIssuer) private readonly issuer: SessionIssuer,
    @Inject(VirtualMfaDevices) private readonly mfa: VirtualMfaDevices,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {}

  async execute(req: AssumeRoleRequest, meta: CommandMeta): Promise<AssumeRoleResult> {
    refuseDuplicateTagKeys(req.Tags);
    validateAssumeRequest(req, undefined, (v) =>
      v
        .string('ExternalId', { min: 2, max: 1224, pattern: Patterns.externalId })
        .string('SourceIdentity', { min: 2, max: 256, pattern: Patterns.sourceIdentity })
        .tags(),
    );
    validateTransitiveTagKeys(req);
    const callerSession = meta.caller.kind === 'temporary' ? meta.caller.session : undefined;
    const tags = planSessionTags(req, inheritedTransitiveTags(callerSession));
    const caller = await this.callerPrincipal(meta.caller);
    const denied = () =>
      StsErrors.accessDenied(
        `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${req.RoleArn}`,
      );
    const role = await this.roles.findByArn(req.RoleArn);
    if (!role) throw denied();
    // SerialNumber / TokenCode (ADR 0072): the code is checked (and used up) before the trust
    // policy, whose aws:MultiFactorAuthPresent depends on it. Only an IAM user has MFA devices.
    // Without them, a caller signing with a GetSessionToken session made with MFA brings its MFA
    // (as AWS: MFA-protected roles can be assumed with such a session, e.g. by aws-vault).
    const withMfa = req.SerialNumber !== undefined || req.TokenCode !== undefined;
    const mfaAuthenticatedAt = withMfa
      ? await this.mfa.authenticate(caller.userId, req.SerialNumber, req.TokenCode)
      : meta.caller.kind === 'admin'
        ? meta.caller.mfaAuthenticatedAt
        : undefined;

    const context: Record<string, ContextValue> = {
      ...globalContext(this.now(), meta.sourceIp),
      'aws:PrincipalArn': caller.session ? caller.session.role.arn : caller.arn,
      'aws:PrincipalAccount': this.arns.accountId,
      'aws:PrincipalType': caller.session ? 'AssumedRole' : caller.user ? 'User' : 'Account',
      ...(req.ExternalId !== undefined ? { 'sts:ExternalId': req.ExternalId } : {}),
      ...(req.SourceIdentity !== undefined ? { 'sts:SourceIdentity': req.SourceIdentity } : {}),
      ...(req.RoleSessionName ? { 'sts:RoleSessionName': req.RoleSessionName } : {}),
      ...requestTagContext(tags),
      ...roleResourceTagContext(role.tags),
      ...(caller.session ? principalTagContext(caller.session.role.tags, callerSession?.sessionTags) : {}),
      ...(mfaAuthenticatedAt !== undefined
        ? {
            'aws:MultiFactorAuthPresent': 'true',
            'aws:MultiFactorAuthAge': String(
              Math.max(0, Math.floor((this.now() - mfaAuthenticatedAt) / 1000)),
            ),
          }
        : {}),
    };
    const trust = readPolicy(role.assumeRolePolicy, 'trust', { label: `${role.name} trust policy` });
    const trustDecision = evaluate(
      { action: 'sts:AssumeRole', resource: role.arn, principal: { type: 'AWS', id: caller.arn }, context },
      { resource: [trust] },
    );
    if (trustDecision.decision !== 'Allow') throw denied();
    // Passing session tags (or carrying transitive ones) needs sts:TagSession from the trust policy.
    const tagDecision =
      tags.tags.length > 0
        ? evaluate(
            {
              action: 'sts:TagSession',
              resource: role.arn,
              principal: { type: 'AWS', id: caller.arn },
              context,
            },
            { resource: [trust] },
          )
        : undefined;
    if (tagDecision && tagDecision.decision !== 'Allow') throw tagDenied(caller.arn, req.RoleArn);
    if (caller.session && !namesCallerDirectly(trust, trustDecision.decidedBy?.statementIndex, caller)) {
      const { identity, boundary } = await this.identityPolicies(caller.session.role);
      const allowed = evaluate(
        { action: 'sts:AssumeRole', resource: role.arn, context },
        { identity, boundary, session: caller.session.sessionPolicies },
      );
      if (allowed.decision !== 'Allow') throw denied();
      if (
        tagDecision &&
        !namesCallerDirectly(trust, tagDecision.decidedBy?.statementIndex, caller) &&
        evaluate(
          { action: 'sts:TagSession', resource: role.arn, context },
          { identity, boundary, session: caller.session.sessionPolicies },
        ).decision !== 'Allow'
      ) {
        throw tagDenied(caller.arn, req.RoleArn);
      }
    }

    const chained = caller.session !== undefined;
    const duration = req.DurationSeconds ?? DEFAULT_SESSION_SECONDS;
    if (chained && duration > CHAINED_SESSION_MAX_SECONDS) {
      throw StsErrors.validation(
        'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
      );
    }
    if (duration > role.maxSessionDuration) {
      throw StsErrors.validation(
        'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      );
    }
    const sessionPolicies = await readSessionPolicies(this.policies, req, tags.tags);
    // A source identity, once set, stays with every session chained from it (as on AWS).
    const inherited = meta.caller.kind === 'temporary' ? meta.caller.session?.sourceIdentity : undefined;
    const sourceIdentity = inherited ?? req.SourceIdentity;
    const session = await this.issuer.issue({
      operation: 'AssumeRole',
      role,
      sessionName: req.RoleSessionName,
      durationSeconds: duration,
      subject: caller.arn,
      provider: caller.arn,
      sessionPolicies: sessionPolicies.documents,
      ...(sourceIdentity ? { sourceIdentity } : {}),
      chained,
      sessionTags: tags.tags,
      transitiveTagKeys: tags.transitiveTagKeys,
      ...(mfaAuthenticatedAt !== undefined ? { mfaAuthenticatedAt } : {}),
      correlationId: meta.requestId,
    });
    return {
      Credentials: session.Credentials,
      AssumedRoleUser: session.AssumedRoleUser,
      ...(sessionPolicies.packedPercent !== undefined
        ? { PackedPolicySize: sessionPolicies.packedPercent }
        : {}),
      ...(sourceIdentity ? { SourceIdentity: sourceIdentity } : {}),
    };
  }

  /** The admin key is the account root; a session is its assumed-role ARN (and must still be its role's). */
  private async callerPrincipal(caller: Caller): Promise<CallerPrincipal> {
    // An IAM user's request reaches here as the admin caller naming the user, after the gateway
    // decided sts:AssumeRole on the role against the user's policies (ADR 0033, 0039).
    if (caller.kind === 'admin') {
      return caller.principalArn !== undefined
        ? {
            arn: caller.principalArn,
            user: true,
            ...(caller.principalId !== undefined ? { userId: caller.principalId } : {}),
          }
        : { arn: this.arns.root() };
    }
    if (caller.kind !== 'temporary' || !caller.session) {
      throw StsErrors.accessDenied('AssumeRole must be signed with credentials.');
    }
    const s = caller.session;
    const sessionArn = assumedRoleArn(s.roleArn, s.sessionName);
    const role = await this.roles.findByArn(s.roleArn);
    // A session of a role that was deleted (and perhaps recreated under the same name) is nobody.
    if (!role || role.roleId !== s.roleId) {
      throw StsErrors.accessDenied(`User: ${sessionArn} is not authorized to perform: sts:AssumeRole`);
    }
    return {
      arn: sessionArn,
      session: {
        role,
        roleId: s.roleId,
        sessionArn,
        sessionPolicies: (s.sessionPolicies ?? []).map((text, i) =>
          readPolicy(text, 'session', { label: `session policy ${i + 1}` }),
        ),
      },
    };
  }

  /** The chaining role's policies, and its permissions boundary, which limits them. */
  private async identityPolicies(
    role: RoleEntity,
  ): Promise<{ identity: PolicyDocument[]; boundary: PolicyDocument[] }> {
    const permissions = await this.permissions.of(role.arn);
    const b = permissions.PermissionsBoundary;
    return {
      identity: permissions.Policies.map((p) => readPolicy(p.Document, 'identity', { label: p.Label })),
      boundary: b ? [readPolicy(b.Document, 'identity', { label: b.Label })] : [],
    };
  }
}

function tagDenied(callerArn: string, roleArn: string) {
  return StsErrors.accessDenied(
    `User: ${callerArn} is not authorized to perform: sts:TagSession on resource: ${roleArn}`,
  );
}

/** Did the trust statement that allowed name the caller's role or session ARN (not just the account)? */
function namesCallerDirectly(
  trust: PolicyDocument,
  statementIndex: number | undefined,
  caller: CallerPrincipal,
): boolean {
  const statement = trust.statements.find((s) => s.index === statementIndex);
  const names = statement?.principal?.entries.flatMap((e) => (e.type === 'AWS' ? e.values : [])) ?? [];
  return names.some((n) => n === caller.session?.role.arn || n === caller.session?.sessionArn);
}
