import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  GetOpenIDConnectProviderResult,
  OpenIDConnectProviderArnRequest,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { awsTimestamp } from '../common/timestamps';
import { OidcProviderLookup } from './oidc-provider.lookup';

@Injectable()
export class GetOpenIDConnectProviderHandler implements OperationHandler<
  typeof CredentialVendingOperations.GetOpenIDConnectProvider
> {
  constructor(@Inject(OidcProviderLookup) private readonly providers: OidcProviderLookup) {}

  async execute(req: OpenIDConnectProviderArnRequest): Promise<GetOpenIDConnectProviderResult> {
    const provider = await this.providers.require(req.OpenIDConnectProviderArn);
    return {
      Url: provider.urlKey,
      ClientIDList: provider.clientIds,
      ThumbprintList: provider.thumbprints,
      CreateDate: awsTimestamp(provider.createdAt),
      ...(provider.tags.length ? { Tags: provider.tags } : {}),
    };
  }
}
