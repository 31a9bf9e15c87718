import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  ListSAMLProviderTagsRequest,
  ListSAMLProviderTagsResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { RequestValidator } from '../common/validate';
import { SamlProviderLookup } from './saml-provider.lookup';
import { samlProviderArn } from './saml-provider-tags';

/** IAM ListSAMLProviderTags: the provider's tags in the order they were added, paged by MaxItems. */
@Injectable()
export class ListSAMLProviderTagsHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListSAMLProviderTags
> {
  constructor(@Inject(SamlProviderLookup) private readonly providers: SamlProviderLookup) {}

  async execute(req: ListSAMLProviderTagsRequest): Promise<ListSAMLProviderTagsResult> {
    samlProviderArn(RequestValidator.of(req))
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    const after = decodeMarker(req.Marker);
    const max = req.MaxItems ?? DEFAULT_MAX_ITEMS;
    const provider = await this.providers.require(req.SAMLProviderArn);
    const start = after === undefined ? 0 : provider.tags.findIndex((t) => t.Key === after) + 1;
    const page = provider.tags.slice(start, start + max);
    const truncated = start + max < provider.tags.length;
    return {
      Tags: page,
      IsTruncated: truncated,
      ...(truncated ? { Marker: encodeMarker(page[page.length - 1].Key) } : {}),
    };
  }
}
