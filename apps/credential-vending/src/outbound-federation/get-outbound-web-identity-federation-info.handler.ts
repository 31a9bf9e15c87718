import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, GetOutboundWebIdentityFederationInfoResult } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { OutboundFederationRepository } from './outbound-federation.repository';
import { OutboundIssuer } from './outbound-issuer';

/**
 * IAM GetOutboundWebIdentityFederationInfo (ADR 0086): the account's issuer URL and whether tokens
 * are issued. FeatureDisabled for an account that never enabled the feature (it has no issuer);
 * one that enabled it and then disabled it answers its issuer with `JwtVendingEnabled` false.
 */
@Injectable()
export class GetOutboundWebIdentityFederationInfoHandler implements OperationHandler<
  typeof CredentialVendingOperations.GetOutboundWebIdentityFederationInfo
> {
  constructor(
    @Inject(OutboundFederationRepository) private readonly federation: OutboundFederationRepository,
    @Inject(OutboundIssuer) private readonly issuer: OutboundIssuer,
  ) {}

  async execute(): Promise<GetOutboundWebIdentityFederationInfoResult> {
    const found = await this.federation.issuer();
    if (!found) {
      throw new ServiceError(
        'FeatureDisabled',
        'Outbound identity federation is not enabled for this account.',
      );
    }
    return { IssuerIdentifier: this.issuer.url(found.issuerId), JwtVendingEnabled: found.enabled };
  }
}
