import { Inject, Injectable, Optional } from '@nestjs/common';
import { VerifySamlLoginRequest, VerifySamlLoginResult, WebIdentityOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Clock, CLOCK } from '../common/clock';
import { StsErrors } from '../common/iam-errors';
import { RequestValidator } from '../common/validate';
import { SAML_ATTRIBUTES } from '../sts/assume-role-with-saml.use-case';
import { verifyProviderAssertion } from './provider-assertion';
import { SamlProviderLookup } from './saml-provider.lookup';
import { SamlProvidersRepository } from './saml-providers.repository';

const CONSUMER = /^cognito-identity:[\w-]+:[0-9a-f-]+$/;

/**
 * SAML logins of identity pools (VerifySamlLogin), for the federation broker: the same checks as
 * AssumeRoleWithSAML (signature against the IAM provider's certificates, AWS's audience and
 * recipient, the time window), as AWS has identity pools' SAML IdPs trust AWS's sign-in relying
 * party. The assertion is then bound to the identity pool that first accepted it: that pool may
 * see it again until it expires (GetId, GetCredentialsForIdentity), STS and other pools may not.
 */
@Injectable()
export class VerifySamlLoginUseCase implements OperationHandler<
  typeof WebIdentityOperations.VerifySamlLogin
> {
  constructor(
    @Inject(SamlProviderLookup) private readonly providers: SamlProviderLookup,
    @Inject(SamlProvidersRepository) private readonly repository: SamlProvidersRepository,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {}

  async execute(req: VerifySamlLoginRequest): Promise<VerifySamlLoginResult> {
    RequestValidator.of(req)
      .string('SAMLResponse', { required: true, min: 4, max: 100_000, secret: true })
      .string('ProviderArn', { required: true, min: 20, max: 2048 })
      .string('Consumer', { required: true, min: 1, max: 200, pattern: CONSUMER })
      .check(StsErrors.validation);
    const { provider, assertion } = await verifyProviderAssertion(
      this.providers,
      req.ProviderArn,
      req.SAMLResponse,
      this.now(),
    );
    const recorded = await this.repository.recordAssertion(
      provider.arn,
      assertion.assertionId,
      assertion.acceptableUntil,
      req.Consumer,
    );
    if (recorded === 'replayed')
      throw StsErrors.invalidIdentityToken('The SAML assertion has already been used.');
    const roles: string[] = [];
    for (const value of assertion.attributes[SAML_ATTRIBUTES.role] ?? []) {
      const pair = value.split(',').map((s) => s.trim());
      if (pair.length !== 2) continue;
      const role = pair[0] === provider.arn ? pair[1] : pair[1] === provider.arn ? pair[0] : undefined;
      if (role && /^arn:aws:iam::\d{12}:role\/.+$/.test(role) && !roles.includes(role)) roles.push(role);
    }
    return { issuer: assertion.issuer, subject: assertion.nameId, attributes: assertion.attributes, roles };
  }
}
