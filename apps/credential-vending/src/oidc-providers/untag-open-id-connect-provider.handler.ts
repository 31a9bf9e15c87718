import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  EmptyResult,
  UntagOpenIDConnectProviderRequest,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { checkTagKeys, withoutTags } from '../common/iam-tags';
import { RequestValidator } from '../common/validate';
import { OidcProviderLookup } from './oidc-provider.lookup';
import { OidcProvidersRepository } from './oidc-providers.repository';
import { providerArn } from './tag-open-id-connect-provider.handler';

/** IAM UntagOpenIDConnectProvider: removes the named keys (in any case); one the provider lacks is ignored. */
@Injectable()
export class UntagOpenIDConnectProviderHandler implements OperationHandler<
  typeof CredentialVendingOperations.UntagOpenIDConnectProvider
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(OidcProvidersRepository) private readonly repository: OidcProvidersRepository,
    @Inject(OidcProviderLookup) private readonly providers: OidcProviderLookup,
  ) {}

  async execute(req: UntagOpenIDConnectProviderRequest): Promise<EmptyResult> {
    checkTagKeys(providerArn(RequestValidator.of(req))).check();
    await this.transactions.run(async (tx) => {
      const provider = await this.providers.require(req.OpenIDConnectProviderArn, tx, true);
      const kept = withoutTags(provider.tags, req.TagKeys);
      if (kept) await this.repository.setTags(provider.arn, kept, tx);
    });
    return {};
  }
}
