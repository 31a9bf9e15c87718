import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EnableOutboundWebIdentityFederationResult } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { OutboundFederationRepository } from './outbound-federation.repository';
import { OutboundIssuer } from './outbound-issuer';

/**
 * IAM EnableOutboundWebIdentityFederation (ADR 0086): turns GetWebIdentityToken on for the
 * account. The first time makes the account's issuer (`<public-url>/sts-tokens/<uuid>`); enabling
 * again after a Disable keeps it, so what external services trust stays the same. The issuer's
 * keys (RS256 and ES384) are made here, so its JWKS is complete before the first token.
 */
@Injectable()
export class EnableOutboundWebIdentityFederationHandler implements OperationHandler<
  typeof CredentialVendingOperations.EnableOutboundWebIdentityFederation
> {
  constructor(
    @Inject(OutboundFederationRepository) private readonly federation: OutboundFederationRepository,
    @Inject(OutboundIssuer) private readonly issuer: OutboundIssuer,
  ) {}

  async execute(): Promise<EnableOutboundWebIdentityFederationResult> {
    const issuerId = await this.federation.enable(randomUUID());
    if (issuerId === undefined) {
      throw new ServiceError(
        'FeatureEnabled',
        'Outbound identity federation is already enabled for this account. Use GetOutboundWebIdentityFederationInfo to read its issuer URL.',
      );
    }
    await this.issuer.prepareKeys();
    return { IssuerIdentifier: this.issuer.url(issuerId) };
  }
}
