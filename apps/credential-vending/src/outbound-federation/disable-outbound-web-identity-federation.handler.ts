import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { OutboundFederationRepository } from './outbound-federation.repository';

/**
 * IAM DisableOutboundWebIdentityFederation (ADR 0086): GetWebIdentityToken is refused from now
 * on. Tokens issued before stay valid until they expire (AWS: "This operation does not affect
 * tokens that were issued before the feature was disabled"): the issuer's discovery document and
 * keys stay served.
 */
@Injectable()
export class DisableOutboundWebIdentityFederationHandler implements OperationHandler<
  typeof CredentialVendingOperations.DisableOutboundWebIdentityFederation
> {
  constructor(
    @Inject(OutboundFederationRepository) private readonly federation: OutboundFederationRepository,
  ) {}

  async execute(): Promise<Record<string, never>> {
    if (!(await this.federation.disable())) {
      throw new ServiceError(
        'FeatureDisabled',
        'Outbound identity federation is already disabled for this account.',
      );
    }
    return {};
  }
}
