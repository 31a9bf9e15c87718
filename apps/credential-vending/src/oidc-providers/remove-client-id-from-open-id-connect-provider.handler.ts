import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  EmptyResult,
  OpenIDConnectProviderClientIdRequest,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { OidcProviderLookup, validateClientIdRequest } from './oidc-provider.lookup';
import { OidcProvidersRepository } from './oidc-providers.repository';

/** Idempotent, as in IAM: removing a client id that is not there succeeds. */
@Injectable()
export class RemoveClientIDFromOpenIDConnectProviderHandler implements OperationHandler<
  typeof CredentialVendingOperations.RemoveClientIDFromOpenIDConnectProvider
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(OidcProvidersRepository) private readonly repository: OidcProvidersRepository,
    @Inject(OidcProviderLookup) private readonly providers: OidcProviderLookup,
  ) {}

  async execute(req: OpenIDConnectProviderClientIdRequest): Promise<EmptyResult> {
    validateClientIdRequest(req);
    await this.transactions.run(async (tx) => {
      const provider = await this.providers.require(req.OpenIDConnectProviderArn, tx, true);
      const clientIds = provider.clientIds.filter((c) => c !== req.ClientID);
      await this.repository.setClientIds(provider.arn, clientIds, tx);
    });
    return {};
  }
}
