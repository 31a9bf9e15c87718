import { Inject, Injectable } from '@nestjs/common';
import { ListTermsRequest, ListTermsResponse, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { decodePageToken, encodePageToken } from '../common/page-token';
import { Members, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { toTermsDescription } from './terms-type';
import { TERMS_PAGE_KEY, TermsRepository } from './terms.repository';

/** ListTermsRequestMaxResultsInteger's upper bound, and the page size when none is asked. */
const MAX_TERMS_PAGE = 60;

/** ListTerms: the pool's terms documents in creation order, paged. */
@Injectable()
export class ListTermsUseCase implements OperationHandler<typeof UserDirectoryOperations.ListTerms> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(TermsRepository) private readonly terms: TermsRepository,
  ) {}

  async execute(req: ListTermsRequest): Promise<ListTermsResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .integer('MaxResults', { min: 1, max: MAX_TERMS_PAGE })
      .string('NextToken', { min: 1, pattern: /^\S+$/ })
      .check();
    const after = decodePageToken(req.NextToken);
    if (after !== undefined && !TERMS_PAGE_KEY.test(after)) {
      throw CognitoErrors.invalidParameter('Invalid pagination token.');
    }
    await this.pools.require(req.UserPoolId);
    const { page, next } = await this.terms.page(req.UserPoolId, after, req.MaxResults ?? MAX_TERMS_PAGE);
    return {
      Terms: page.map(toTermsDescription),
      ...(next !== undefined ? { NextToken: encodePageToken(next) } : {}),
    };
  }
}
