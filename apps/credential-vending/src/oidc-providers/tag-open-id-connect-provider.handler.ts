import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, TagOpenIDConnectProviderRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { checkTagList, mergeTags } from '../common/iam-tags';
import { RequestValidator } from '../common/validate';
import { OidcProviderLookup } from './oidc-provider.lookup';
import { OidcProvidersRepository } from './oidc-providers.repository';

/**
 * IAM TagOpenIDConnectProvider: adds tags to an OIDC provider under its row lock, a key already
 * there (in any case) taking the new key and value; more than 50 in all is LimitExceeded.
 */
@Injectable()
export class TagOpenIDConnectProviderHandler implements OperationHandler<
  typeof CredentialVendingOperations.TagOpenIDConnectProvider
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(OidcProvidersRepository) private readonly repository: OidcProvidersRepository,
    @Inject(OidcProviderLookup) private readonly providers: OidcProviderLookup,
  ) {}

  async execute(req: TagOpenIDConnectProviderRequest): Promise<EmptyResult> {
    const added = checkTagList(providerArn(RequestValidator.of(req)), req.Tags);
    await this.transactions.run(async (tx) => {
      const provider = await this.providers.require(req.OpenIDConnectProviderArn, tx, true);
      const tags = mergeTags(provider.tags, added, 'TagsPerOpenIdConnectProvider');
      await this.repository.setTags(provider.arn, tags, tx);
    });
    return {};
  }
}

/** OpenIDConnectProviderArn as the provider tag actions check it (IAM's arnType). */
export const providerArn = (v: RequestValidator) =>
  v.string('OpenIDConnectProviderArn', { required: true, min: 20, max: 2048 });
