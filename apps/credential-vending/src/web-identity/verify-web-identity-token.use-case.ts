import { Inject, Injectable } from '@nestjs/common';
import {
  VerifyWebIdentityTokenRequest,
  VerifyWebIdentityTokenResult,
  WebIdentityOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { StsErrors } from '../common/iam-errors';
import { RequestValidator } from '../common/validate';
import { WebIdentityProviders } from './web-identity-providers';
import { WebIdentityTokenVerifier } from './web-identity-token.verifier';

/**
 * Token checks for the federation broker's identity pool logins (VerifyWebIdentityToken): the same
 * verification as AssumeRoleWithWebIdentity, against the provider the login names: an IAM OpenID
 * Connect provider by ARN, or Google with the pool's client id. One implementation of JWKS
 * fetching, caching and claim checks for the whole system.
 */
@Injectable()
export class VerifyWebIdentityTokenUseCase implements OperationHandler<
  typeof WebIdentityOperations.VerifyWebIdentityToken
> {
  constructor(
    @Inject(WebIdentityProviders) private readonly providers: WebIdentityProviders,
    @Inject(WebIdentityTokenVerifier) private readonly verifier: WebIdentityTokenVerifier,
  ) {}

  async execute(req: VerifyWebIdentityTokenRequest): Promise<VerifyWebIdentityTokenResult> {
    RequestValidator.of(req)
      .string('Token', { required: true, min: 4, max: 20000, secret: true })
      .string('ProviderArn', { min: 20, max: 2048 })
      .string('Audience', { min: 1, max: 255 })
      .string('WellKnownProvider', { min: 1, max: 128 })
      .check(StsErrors.validation);
    const provider = req.ProviderArn
      ? await this.providers.byArn(req.ProviderArn)
      : req.WellKnownProvider && req.Audience
        ? this.providers.wellKnown(req.WellKnownProvider, req.Audience)
        : undefined;
    if (!provider) {
      throw StsErrors.invalidIdentityToken(
        `No OpenIDConnect provider found for ${(req.ProviderArn ?? req.WellKnownProvider ?? '(none)').slice(0, 256)}`,
      );
    }
    const identity = await this.verifier.verifyFrom(req.Token, provider);
    return {
      providerName: identity.keyPrefix,
      issuer: identity.issuer,
      subject: identity.subject,
      audience: identity.audience,
      claims: identity.payload,
    };
  }
}
