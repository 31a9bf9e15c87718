import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  OutboundIssuerJwksResult,
  OutboundIssuerRequest,
} from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { OutboundFederationRepository } from './outbound-federation.repository';
import { OutboundIssuer } from './outbound-issuer';

/**
 * The outbound issuer's public keys, for the gateway's discovery document and JWKS (ADR 0086):
 * served while the feature is disabled too (tokens issued before stay verifiable); NoSuchEntity
 * for any id but the account's issuer's.
 */
@Injectable()
export class GetOutboundIssuerJwksHandler implements OperationHandler<
  typeof CredentialVendingOperations.GetOutboundIssuerJwks
> {
  constructor(
    @Inject(OutboundFederationRepository) private readonly federation: OutboundFederationRepository,
    @Inject(OutboundIssuer) private readonly issuer: OutboundIssuer,
  ) {}

  async execute(req: OutboundIssuerRequest): Promise<OutboundIssuerJwksResult> {
    const found = await this.federation.issuer();
    if (!found || found.issuerId !== req.IssuerId) {
      throw new ServiceError('NoSuchEntity', 'No such issuer.');
    }
    return { Issuer: this.issuer.url(found.issuerId), keys: await this.issuer.publicKeys() };
  }
}
