import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  EmptyResult,
  OpenIDConnectProviderClientIdRequest,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { MAX_CLIENT_IDS, OidcProviderLookup, validateClientIdRequest } from './oidc-provider.lookup';
import { OidcProvidersRepository } from './oidc-providers.repository';

@Injectable()
export class AddClientIDToOpenIDConnectProviderHandler implements OperationHandler<
  typeof CredentialVendingOperations.AddClientIDToOpenIDConnectProvider
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(OidcProvidersRepository) private readonly repository: OidcProvidersRepository,
    @Inject(OidcProviderLookup) private readonly providers: OidcProviderLookup,
  ) {}

  async execute(req: OpenIDConnectProviderClientIdRequest): Promise<EmptyResult> {
    validateClientIdRequest(req);
    // Read, change, write under the row's lock: concurrent additions do not lose one another.
    await this.transactions.run(async (tx) => {
      const provider = await this.providers.require(req.OpenIDConnectProviderArn, tx, true);
      if (provider.clientIds.includes(req.ClientID)) return;
      if (provider.clientIds.length >= MAX_CLIENT_IDS) {
        throw IamErrors.limitExceeded('ClientIdsPerOpenIdConnectProvider', MAX_CLIENT_IDS);
      }
      await this.repository.setClientIds(provider.arn, [...provider.clientIds, req.ClientID], tx);
    });
    return {};
  }
}
