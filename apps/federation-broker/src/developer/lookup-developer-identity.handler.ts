import { Inject, Injectable } from '@nestjs/common';
import {
  FederationBrokerOperations,
  LookupDeveloperIdentityRequest,
  LookupDeveloperIdentityResponse,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { BrokerErrors } from '../common/broker-errors';
import { decodePageToken, encodePageToken } from '../common/page-token';
import { Patterns, RequestValidator } from '../common/validate';
import { IdentitiesRepository } from '../identities/identities.repository';
import { IdentityPoolLookup } from '../pools/identity-pool.lookup';
import { developerProviderOf } from './developer-provider';

@Injectable()
export class LookupDeveloperIdentityHandler implements OperationHandler<
  typeof FederationBrokerOperations.LookupDeveloperIdentity
> {
  constructor(
    @Inject(IdentitiesRepository) private readonly identities: IdentitiesRepository,
    @Inject(IdentityPoolLookup) private readonly pools: IdentityPoolLookup,
  ) {}

  async execute(req: LookupDeveloperIdentityRequest): Promise<LookupDeveloperIdentityResponse> {
    RequestValidator.of(req)
      .string('IdentityPoolId', { required: true, min: 1, max: 55, pattern: Patterns.identityPoolId })
      .string('IdentityId', { min: 1, max: 55, pattern: Patterns.identityId })
      .string('DeveloperUserIdentifier', { min: 1, max: 1024 })
      .integer('MaxResults', { min: 1, max: 60 })
      .check();
    // A token it did not issue is refused before anything is looked up, as on every List operation.
    const after = decodePageToken(req.NextToken);
    const pool = await this.pools.require(req.IdentityPoolId);
    const developer = developerProviderOf(pool);
    let identityId = req.IdentityId;
    if (req.DeveloperUserIdentifier) {
      const link = await this.identities.findLogin(pool.id, {
        provider: developer,
        subject: req.DeveloperUserIdentifier,
      });
      if (!link || (identityId && link.identityId !== identityId)) {
        throw BrokerErrors.notFound('No identity is linked to that developer user identifier.');
      }
      identityId = link.identityId;
    }
    if (!identityId) throw BrokerErrors.invalidParameter('Give IdentityId or DeveloperUserIdentifier.');
    const max = req.MaxResults ?? 60;
    const { page, next } = await this.identities.pageOfSubjects(identityId, developer, after, max);
    if (page.length === 0 && !after && !(await this.identities.find(identityId))) {
      throw BrokerErrors.identityNotFound(identityId);
    }
    return {
      IdentityId: identityId,
      DeveloperUserIdentifierList: page.map((r) => r.subject),
      ...(next ? { NextToken: encodePageToken(next) } : {}),
    };
  }
}
