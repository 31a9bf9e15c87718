import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  CommandMeta,
  CredentialVendingOperations,
  GetWebIdentityTokenRequest,
  GetWebIdentityTokenResult,
  Tag,
} from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { ContextValue, evaluate } from '@idfed/policy';
import { assumedRoleArn, identityTokenContext, principalTagContext } from '@idfed/session-credentials';
import { OperationHandler } from '@idfed/service-runtime';
import { IamArns } from '../common/arns';
import { Clock, CLOCK } from '../common/clock';
import { StsErrors } from '../common/iam-errors';
import { readPolicy } from '../common/policy-documents';
import { RoleLookup } from '../roles/role.lookup';
import { RolePermissions } from '../roles/role-permissions';
import { globalContext } from '../sts/request-context';
import { UsersRepository } from '../users/users.repository';
import { OutboundFederationRepository } from './outbound-federation.repository';
import { OutboundIssuer } from './outbound-issuer';
import {
  planWebIdentityToken,
  refuseOversizedPayload,
  TokenPlan,
  TokenSubject,
  webIdentityTokenClaims,
} from './web-identity-token.request';

const ACTION = 'sts:GetWebIdentityToken';

/**
 * STS GetWebIdentityToken (ADR 0086): a JWT about the caller, signed by the account's outbound
 * issuer, for an external service to verify through the issuer's discovery document. The caller
 * must be allowed `sts:GetWebIdentityToken` with the request's condition keys
 * (`sts:IdentityTokenAudience`, `sts:DurationSeconds`, `sts:SigningAlgorithm`, request tags): an
 * IAM user as the gateway decided by its policies, a role session by its role's policies within
 * its boundary and session policies (decided here); the admin key is the account root. A role
 * session's token may not outlive the session (SessionDurationEscalationException).
 */
@Injectable()
export class GetWebIdentityTokenUseCase implements OperationHandler<
  typeof CredentialVendingOperations.GetWebIdentityToken
> {
  constructor(
    @Inject(OutboundFederationRepository) private readonly federation: OutboundFederationRepository,
    @Inject(OutboundIssuer) private readonly issuer: OutboundIssuer,
    @Inject(RoleLookup) private readonly roles: RoleLookup,
    @Inject(RolePermissions) private readonly permissions: RolePermissions,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(IamArns) private readonly arns: IamArns,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {}

  async execute(req: GetWebIdentityTokenRequest, meta: CommandMeta): Promise<GetWebIdentityTokenResult> {
    const plan = planWebIdentityToken(req);
    const nowMs = this.now();
    const subject = await this.authorizedSubject(plan, meta, nowMs);
    const issuer = await this.federation.issuer();
    if (!issuer?.enabled) {
      throw new ServiceError(
        'OutboundWebIdentityFederationDisabledException',
        'Outbound web identity federation is not enabled for this account.',
      );
    }
    const iat = Math.floor(nowMs / 1000);
    const claims = webIdentityTokenClaims(this.issuer.url(issuer.issuerId), subject, plan, iat, randomUUID());
    refuseOversizedPayload(claims);
    const key = await this.issuer.signingKey(plan.algorithm);
    return {
      WebIdentityToken: this.issuer.sign(key, claims),
      Expiration: new Date((iat + plan.durationSeconds) * 1000).toISOString(),
    };
  }

  /** Who the token is about, once the caller is found allowed to ask for this one. */
  private async authorizedSubject(plan: TokenPlan, meta: CommandMeta, nowMs: number): Promise<TokenSubject> {
    const caller = meta.caller;
    const base = { accountId: this.arns.accountId, region: meta.region };
    if (caller.kind === 'admin') {
      if (caller.principalArn === undefined) {
        return { ...base, principalArn: this.arns.root(), principalTags: [] };
      }
      // The gateway decided the user's policies with this request's condition keys.
      const user = caller.principalId ? await this.users.findById(caller.principalId) : undefined;
      if (!user) throw denied(caller.principalArn);
      return { ...base, principalArn: user.arn, principalTags: user.tags };
    }
    if (caller.kind !== 'temporary' || !caller.session) {
      throw StsErrors.accessDenied('GetWebIdentityToken must be signed with credentials.');
    }
    const s = caller.session;
    const sessionArn = assumedRoleArn(s.roleArn, s.sessionName);
    const role = await this.roles.findByArn(s.roleArn);
    // A session of a role deleted (and perhaps made again under its name) is nobody.
    if (!role || role.roleId !== s.roleId) throw denied(sessionArn);
    const principalTags = mergedTags(role.tags, s.sessionTags);
    const context: Record<string, ContextValue> = {
      ...globalContext(nowMs, meta.sourceIp),
      'aws:PrincipalArn': role.arn,
      'aws:PrincipalAccount': this.arns.accountId,
      'aws:PrincipalType': 'AssumedRole',
      ...(meta.region ? { 'aws:RequestedRegion': meta.region } : {}),
      ...principalTagContext(role.tags, s.sessionTags),
      ...identityTokenContext({
        Audience: plan.audiences,
        DurationSeconds: plan.durationSeconds,
        SigningAlgorithm: plan.algorithm,
        Tags: plan.tags,
      }),
    };
    const permissions = await this.permissions.of(role.arn);
    const identity = permissions.Policies.map((p) => readPolicy(p.Document, 'identity', { label: p.Label }));
    const b = permissions.PermissionsBoundary;
    const boundary = b ? [readPolicy(b.Document, 'identity', { label: b.Label })] : [];
    const session = (s.sessionPolicies ?? []).map((text, i) =>
      readPolicy(text, 'session', { label: `session policy ${i + 1}` }),
    );
    const decision = evaluate(
      { action: ACTION, resource: '*', principal: { type: 'AWS', id: sessionArn }, context },
      { identity, boundary, ...(session.length ? { session } : {}) },
    );
    if (decision.decision !== 'Allow') throw denied(sessionArn);
    // botocore: "The token can't remain valid after the calling session expires."
    if (nowMs + plan.durationSeconds * 1000 > Date.parse(s.expiresAt)) {
      throw new ServiceError(
        'SessionDurationEscalationException',
        `The requested DurationSeconds (${plan.durationSeconds}) would make the token outlive the calling session, which expires at ${s.expiresAt}.`,
      );
    }
    return { ...base, principalArn: role.arn, principalTags };
  }
}

function denied(principalArn: string) {
  return StsErrors.accessDenied(`User: ${principalArn} is not authorized to perform: ${ACTION}`);
}

/** A role session's principal tags: the role's IAM tags, a session tag of the same key over them. */
function mergedTags(roleTags: readonly Tag[], sessionTags: readonly Tag[] | undefined): Tag[] {
  const byKey = new Map<string, Tag>();
  for (const t of roleTags) byKey.set(t.Key.toLowerCase(), { Key: t.Key, Value: t.Value });
  for (const t of sessionTags ?? []) byKey.set(t.Key.toLowerCase(), { Key: t.Key, Value: t.Value });
  return [...byKey.values()];
}
