import { Inject, Injectable } from '@nestjs/common';
import {
  ListIdentityProvidersRequest,
  ListIdentityProvidersResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodePageToken, encodePageToken } from '../common/page-token';
import { Members, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { IdentityProvidersRepository } from './identity-providers.repository';
import { MAX_PROVIDERS_PAGE } from './provider-requests';

/** ListIdentityProviders, a page at a time in name order (MaxResults 0 or absent: 60). */
@Injectable()
export class ListIdentityProvidersUseCase implements OperationHandler<
  typeof UserDirectoryOperations.ListIdentityProviders
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(IdentityProvidersRepository) private readonly providers: IdentityProvidersRepository,
  ) {}

  async execute(req: ListIdentityProvidersRequest): Promise<ListIdentityProvidersResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .integer('MaxResults', { min: 0, max: MAX_PROVIDERS_PAGE })
      .string('NextToken', { min: 1, pattern: /^\S+$/ })
      .check();
    const after = decodePageToken(req.NextToken);
    await this.pools.require(req.UserPoolId);
    const { page, next } = await this.providers.page(
      req.UserPoolId,
      after,
      req.MaxResults || MAX_PROVIDERS_PAGE,
    );
    return {
      Providers: page.map((p) => ({
        ProviderName: p.name,
        ProviderType: p.type,
        LastModifiedDate: p.updatedAt.getTime() / 1000,
        CreationDate: p.createdAt.getTime() / 1000,
      })),
      ...(next !== undefined ? { NextToken: encodePageToken(next) } : {}),
    };
  }
}
