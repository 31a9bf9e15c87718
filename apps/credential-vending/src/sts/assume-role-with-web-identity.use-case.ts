import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  AssumeRoleWithWebIdentityRequest,
  AssumeRoleWithWebIdentityResult,
  CommandMeta,
  CredentialVendingOperations,
} from '@idfed/contracts';
import { evaluateWebIdentityTrust, webIdentityContext } from '@idfed/policy';
import { OperationHandler } from '@idfed/service-runtime';
import { Clock, CLOCK } from '../common/clock';
import { StsErrors } from '../common/iam-errors';
import { readPolicy } from '../common/policy-documents';
import { ManagedPolicyLookup } from '../policies/managed-policy.lookup';
import { RoleLookup } from '../roles/role.lookup';
import { WebIdentityTokenVerifier } from '../web-identity/web-identity-token.verifier';
import { globalContext } from './request-context';
import { SessionIssuer } from './session-issuer';
import { readSessionPolicies } from './session-policies';
import { validateAssumeRequest } from './sts-request.validation';
import { planSessionTags, requestTagContext, webIdentityTags } from './session-tags';
import { roleResourceTagContext } from './role-resource-tags';

export const DEFAULT_SESSION_SECONDS = 3600;
const DENIED = 'Not authorized to perform sts:AssumeRoleWithWebIdentity';

/**
 * STS AssumeRoleWithWebIdentity: the token must be valid (see WebIdentityTokenVerifier) and the
 * role's trust policy must admit its provider and claims; the session gets the role's permissions
 * intersected with any session policy. An unknown role and a refusing trust policy look alike
 * (AccessDenied), as on AWS, so the call reveals nothing about what exists.
 */
@Injectable()
export class AssumeRoleWithWebIdentityUseCase implements OperationHandler<
  typeof CredentialVendingOperations.AssumeRoleWithWebIdentity
> {
  constructor(
    @Inject(RoleLookup) private readonly roles: RoleLookup,
    @Inject(ManagedPolicyLookup) private readonly policies: ManagedPolicyLookup,
    @Inject(WebIdentityTokenVerifier) private readonly tokens: WebIdentityTokenVerifier,
    @Inject(SessionIssuer) private readonly issuer: SessionIssuer,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {}

  async execute(
    req: AssumeRoleWithWebIdentityRequest,
    meta: CommandMeta,
  ): Promise<AssumeRoleWithWebIdentityResult> {
    validateAssumeRequest(req, 2048, (v) =>
      v
        .string('WebIdentityToken', { required: true, min: 4, max: 20000, secret: true })
        .string('ProviderId', {
          min: 4,
          max: 2048,
        }),
    );
    const identity = await this.tokens.verify(req.WebIdentityToken);
    const tags = planSessionTags(webIdentityTags(identity.payload), []);
    const role = await this.roles.findByArn(req.RoleArn);
    if (!role) throw StsErrors.accessDenied(DENIED);
    const trust = readPolicy(role.assumeRolePolicy, 'trust', { label: `${role.name} trust policy` });
    const trustRequest = {
      provider: identity.provider,
      roleArn: role.arn,
      context: {
        ...globalContext(this.now(), meta.sourceIp),
        'aws:FederatedProvider': identity.provider,
        ...webIdentityContext(identity.provider, identity.claims),
        ...requestTagContext(tags),
        ...roleResourceTagContext(role.tags),
      },
    };
    const decision = evaluateWebIdentityTrust(trust, trustRequest);
    if (decision.decision !== 'Allow') throw StsErrors.accessDenied(DENIED);
    // Tags in the token need sts:TagSession from the trust policy too (ADR 0041).
    if (
      tags.tags.length > 0 &&
      evaluateWebIdentityTrust(trust, { ...trustRequest, action: 'sts:TagSession' }).decision !== 'Allow'
    ) {
      throw StsErrors.accessDenied('Not authorized to perform sts:TagSession');
    }

    const duration = req.DurationSeconds ?? DEFAULT_SESSION_SECONDS;
    if (duration > role.maxSessionDuration) {
      throw StsErrors.validation(
        'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      );
    }
    const sessionPolicies = await readSessionPolicies(this.policies, req, tags.tags);
    const session = await this.issuer.issue({
      operation: 'AssumeRoleWithWebIdentity',
      role,
      sessionName: req.RoleSessionName,
      durationSeconds: duration,
      subject: identity.subject,
      provider: identity.provider,
      audience: identity.audience,
      sessionPolicies: sessionPolicies.documents,
      webIdentity: { keyPrefix: identity.keyPrefix, claims: identity.claims },
      sessionTags: tags.tags,
      transitiveTagKeys: tags.transitiveTagKeys,
      correlationId: meta.requestId,
    });
    return {
      Credentials: session.Credentials,
      SubjectFromWebIdentityToken: identity.subject,
      AssumedRoleUser: session.AssumedRoleUser,
      ...(sessionPolicies.packedPercent !== undefined
        ? { PackedPolicySize: sessionPolicies.packedPercent }
        : {}),
      Provider: identity.issuer,
      Audience: identity.audience,
    };
  }
}
