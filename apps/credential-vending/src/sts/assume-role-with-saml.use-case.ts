import { createHash } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  AssumeRoleWithSAMLRequest,
  AssumeRoleWithSAMLResult,
  CommandMeta,
  CredentialVendingOperations,
} from '@idfed/contracts';
import { ContextValue, evaluateWebIdentityTrust } from '@idfed/policy';
import { OperationHandler } from '@idfed/service-runtime';
import { IamArns } from '../common/arns';
import { Clock, CLOCK } from '../common/clock';
import { StsErrors } from '../common/iam-errors';
import { readPolicy } from '../common/policy-documents';
import { Patterns, RequestValidator } from '../common/validate';
import { ManagedPolicyLookup } from '../policies/managed-policy.lookup';
import { RoleLookup } from '../roles/role.lookup';
import { verifyProviderAssertion } from '../saml-providers/provider-assertion';
import { subjectType } from '../saml-providers/saml-assertion.verifier';
import { SamlProviderLookup } from '../saml-providers/saml-provider.lookup';
import { SamlProvidersRepository } from '../saml-providers/saml-providers.repository';
import { globalContext } from './request-context';
import { SessionIssuer } from './session-issuer';
import { samlSessionTags } from './saml-session-tags';
import { readSessionPolicies } from './session-policies';
import { planSessionTags, requestTagContext } from './session-tags';
import { roleResourceTagContext } from './role-resource-tags';

export const ASSUME_ROLE_WITH_SAML = 'sts:AssumeRoleWithSAML';
const DENIED = 'Not authorized to perform sts:AssumeRoleWithSAML';
const DEFAULT_SESSION_SECONDS = 3600;
export const SAML_ATTRIBUTES = {
  role: 'https://aws.amazon.com/SAML/Attributes/Role',
  roleSessionName: 'https://aws.amazon.com/SAML/Attributes/RoleSessionName',
  sessionDuration: 'https://aws.amazon.com/SAML/Attributes/SessionDuration',
} as const;

/** STS's NameQualifier: Base64(SHA-1(Issuer + account id + "/" + provider name)). */
export function nameQualifier(issuer: string, accountId: string, providerName: string): string {
  return createHash('sha1').update(`${issuer}${accountId}/${providerName}`).digest('base64');
}

/**
 * STS AssumeRoleWithSAML (ADR 0040), unsigned as on AWS: the SAML response is the credential. It
 * must be signed by the IdP of the provider `PrincipalArn` names (samlify verifies it against the
 * provider's metadata certificates), addressed to AWS's sign-in endpoint, inside its validity
 * window, name the pair RoleArn + PrincipalArn in its Role attribute and carry a RoleSessionName;
 * the role's trust policy must then admit the provider with the `saml:` condition keys. An
 * assertion is accepted once: its id is recorded in PostgreSQL (all replicas share it) until it
 * could no longer be accepted anyway. Unknown roles and refusing trust policies look alike.
 */
@Injectable()
export class AssumeRoleWithSAMLUseCase implements OperationHandler<
  typeof CredentialVendingOperations.AssumeRoleWithSAML
> {
  constructor(
    @Inject(RoleLookup) private readonly roles: RoleLookup,
    @Inject(ManagedPolicyLookup) private readonly policies: ManagedPolicyLookup,
    @Inject(SamlProviderLookup) private readonly providers: SamlProviderLookup,
    @Inject(SamlProvidersRepository) private readonly repository: SamlProvidersRepository,
    @Inject(SessionIssuer) private readonly issuer: SessionIssuer,
    @Inject(IamArns) private readonly arns: IamArns,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {}

  async execute(req: AssumeRoleWithSAMLRequest, meta: CommandMeta): Promise<AssumeRoleWithSAMLResult> {
    validate(req);
    const now = this.now();
    const { provider, assertion } = await verifyProviderAssertion(
      this.providers,
      req.PrincipalArn,
      req.SAMLAssertion,
      now,
    );

    const sessionName = assertion.attributes[SAML_ATTRIBUTES.roleSessionName]?.[0];
    if (!sessionName) throw StsErrors.invalidIdentityToken('RoleSessionName is required in AuthnResponse');
    if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
      throw StsErrors.invalidIdentityToken('RoleSessionName in AuthnResponse must satisfy [\\w+=,.@-]{2,64}');
    }
    const pairs = (assertion.attributes[SAML_ATTRIBUTES.role] ?? []).map((v) =>
      v.split(',').map((s) => s.trim()),
    );
    const named = pairs.some(
      (p) =>
        p.length === 2 &&
        ((p[0] === req.RoleArn && p[1] === req.PrincipalArn) ||
          (p[1] === req.RoleArn && p[0] === req.PrincipalArn)),
    );
    if (!named) throw StsErrors.accessDenied(DENIED);

    const role = await this.roles.findByArn(req.RoleArn);
    if (!role) throw StsErrors.accessDenied(DENIED);
    const providerName = this.arns.samlProviderName(provider.arn)!;
    const qualifier = nameQualifier(assertion.issuer, this.arns.accountId, providerName);
    const type = subjectType(assertion.nameIdFormat);
    const claims: Record<string, string> = {
      aud: assertion.recipient,
      sub: assertion.nameId,
      sub_type: type,
      iss: assertion.issuer,
      namequalifier: qualifier,
      doc: `${this.arns.accountId}/${providerName}`,
    };
    const tags = planSessionTags(samlSessionTags(assertion.attributes), []);
    const context: Record<string, ContextValue> = {
      ...globalContext(now, meta.sourceIp),
      'aws:FederatedProvider': provider.arn,
      ...requestTagContext(tags),
      ...roleResourceTagContext(role.tags),
    };
    for (const [k, v] of Object.entries(claims)) context[`saml:${k}`] = v;
    const trust = readPolicy(role.assumeRolePolicy, 'trust', { label: `${role.name} trust policy` });
    const trustRequest = { provider: provider.arn, roleArn: role.arn, context };
    const decision = evaluateWebIdentityTrust(trust, { ...trustRequest, action: ASSUME_ROLE_WITH_SAML });
    if (decision.decision !== 'Allow') throw StsErrors.accessDenied(DENIED);
    // Session tags in the assertion need sts:TagSession from the trust policy too, as on AWS.
    if (
      tags.tags.length > 0 &&
      evaluateWebIdentityTrust(trust, { ...trustRequest, action: 'sts:TagSession' }).decision !== 'Allow'
    ) {
      throw StsErrors.accessDenied('Not authorized to perform sts:TagSession');
    }

    const duration = this.sessionSeconds(req.DurationSeconds, role.maxSessionDuration, assertion, now);
    const sessionPolicies = await readSessionPolicies(this.policies, req, tags.tags);
    const recorded = await this.repository.recordAssertion(
      provider.arn,
      assertion.assertionId,
      assertion.acceptableUntil,
    );
    if (recorded === 'replayed')
      throw StsErrors.invalidIdentityToken('The SAML assertion has already been used.');

    const session = await this.issuer.issue({
      operation: 'AssumeRoleWithSAML',
      role,
      sessionName,
      durationSeconds: duration,
      subject: assertion.nameId,
      provider: provider.arn,
      audience: assertion.recipient,
      sessionPolicies: sessionPolicies.documents,
      webIdentity: { keyPrefix: 'saml', claims },
      sessionTags: tags.tags,
      transitiveTagKeys: tags.transitiveTagKeys,
      correlationId: meta.requestId,
    });
    return {
      Credentials: session.Credentials,
      AssumedRoleUser: session.AssumedRoleUser,
      ...(sessionPolicies.packedPercent !== undefined
        ? { PackedPolicySize: sessionPolicies.packedPercent }
        : {}),
      Subject: assertion.nameId,
      SubjectType: type,
      Issuer: assertion.issuer,
      Audience: assertion.recipient,
      NameQualifier: qualifier,
    };
  }

  /**
   * DurationSeconds (default one hour, at most the role's MaxSessionDuration), shortened to the
   * IdP's SessionNotOnOrAfter and SessionDuration attribute when they end sooner.
   */
  private sessionSeconds(
    requested: number | undefined,
    roleMax: number,
    assertion: { attributes: Record<string, string[]>; sessionNotOnOrAfter?: Date },
    now: number,
  ): number {
    const duration = requested ?? DEFAULT_SESSION_SECONDS;
    if (duration > roleMax) {
      throw StsErrors.validation(
        'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      );
    }
    let limit = duration;
    const attr = assertion.attributes[SAML_ATTRIBUTES.sessionDuration]?.[0];
    if (attr !== undefined) {
      const seconds = /^\d{1,6}$/.test(attr) ? Number(attr) : NaN;
      if (!(seconds >= 900 && seconds <= 43200)) {
        throw StsErrors.invalidIdentityToken(
          'SessionDuration in AuthnResponse must be between 900 and 43200 seconds.',
        );
      }
      limit = Math.min(limit, seconds);
    }
    if (assertion.sessionNotOnOrAfter) {
      limit = Math.min(limit, Math.floor((assertion.sessionNotOnOrAfter.getTime() - now) / 1000));
    }
    if (limit < 1)
      throw StsErrors.expiredToken('The IdP session of this assertion has ended (SessionNotOnOrAfter).');
    return limit;
  }
}

function validate(req: AssumeRoleWithSAMLRequest): void {
  RequestValidator.of(req)
    .string('RoleArn', { required: true, min: 20, max: 2048 })
    .string('PrincipalArn', { required: true, min: 20, max: 2048 })
    .string('SAMLAssertion', { required: true, min: 4, max: 100_000, secret: true })
    .integer('DurationSeconds', { min: 900, max: 43200 })
    .string('Policy', { min: 1, max: 2048, pattern: Patterns.policyDocument })
    .check(StsErrors.validation);
  const arns = (req as { PolicyArns?: unknown }).PolicyArns;
  if (arns === undefined) return;
  const ok =
    Array.isArray(arns) &&
    arns.length <= 10 &&
    arns.every(
      (p) =>
        typeof p === 'object' &&
        p !== null &&
        typeof (p as { arn?: unknown }).arn === 'string' &&
        (p as { arn: string }).arn.length >= 20 &&
        (p as { arn: string }).arn.length <= 2048,
    );
  if (!ok) {
    throw StsErrors.validation(
      "1 validation error detected: Value at 'policyArns' failed to satisfy constraint: Member must be a list of at most 10 {arn} descriptors",
    );
  }
}
