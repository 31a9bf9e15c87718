import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  ListOpenIDConnectProviderTagsRequest,
  ListOpenIDConnectProviderTagsResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { checkPaging, tagPage } from '../common/iam-tags';
import { RequestValidator } from '../common/validate';
import { OidcProviderLookup } from './oidc-provider.lookup';
import { providerArn } from './tag-open-id-connect-provider.handler';

/** IAM ListOpenIDConnectProviderTags: the provider's tags in the order they were added, paged. */
@Injectable()
export class ListOpenIDConnectProviderTagsHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListOpenIDConnectProviderTags
> {
  constructor(@Inject(OidcProviderLookup) private readonly providers: OidcProviderLookup) {}

  async execute(req: ListOpenIDConnectProviderTagsRequest): Promise<ListOpenIDConnectProviderTagsResult> {
    checkPaging(providerArn(RequestValidator.of(req))).check();
    const provider = await this.providers.require(req.OpenIDConnectProviderArn);
    return tagPage(provider.tags, req);
  }
}
