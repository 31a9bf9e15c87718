import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  EmptyResult,
  UpdateOpenIDConnectProviderThumbprintRequest,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { Patterns, RequestValidator } from '../common/validate';
import { MAX_THUMBPRINTS, OidcProviderLookup } from './oidc-provider.lookup';
import { OidcProvidersRepository } from './oidc-providers.repository';

/**
 * Replaces the provider's whole thumbprint list, as IAM does. Thumbprints are stored and answered,
 * not used: idfed verifies web identity tokens by the issuer's JWKS (see CreateOpenIDConnectProvider).
 */
@Injectable()
export class UpdateOpenIDConnectProviderThumbprintHandler implements OperationHandler<
  typeof CredentialVendingOperations.UpdateOpenIDConnectProviderThumbprint
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(OidcProvidersRepository) private readonly repository: OidcProvidersRepository,
    @Inject(OidcProviderLookup) private readonly providers: OidcProviderLookup,
  ) {}

  async execute(req: UpdateOpenIDConnectProviderThumbprintRequest): Promise<EmptyResult> {
    RequestValidator.of(req)
      .string('OpenIDConnectProviderArn', { required: true, min: 20, max: 2048 })
      .stringList('ThumbprintList', {
        required: true,
        item: { min: 40, max: 40, pattern: Patterns.thumbprint },
        maxItems: MAX_THUMBPRINTS,
      })
      .check();
    const thumbprints = [...new Set(req.ThumbprintList.map((t) => t.toLowerCase()))];
    await this.transactions.run(async (tx) => {
      const provider = await this.providers.require(req.OpenIDConnectProviderArn, tx, true);
      await this.repository.setThumbprints(provider.arn, thumbprints, tx);
    });
    return {};
  }
}
