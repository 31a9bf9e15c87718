import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  ListUserPoliciesRequest,
  ListUserPoliciesResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { RequestValidator } from '../common/validate';
import { validateUserName } from './user-requests';
import { UserLookup } from './user.lookup';
import { UsersRepository } from './users.repository';

@Injectable()
export class ListUserPoliciesHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListUserPolicies
> {
  constructor(
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  async execute(req: ListUserPoliciesRequest): Promise<ListUserPoliciesResult> {
    validateUserName(req);
    RequestValidator.of(req)
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    const user = await this.lookup.require(req.UserName);
    const { page, next } = await this.users.inlinePolicyNames(
      user.userId,
      decodeMarker(req.Marker),
      req.MaxItems ?? DEFAULT_MAX_ITEMS,
    );
    return {
      PolicyNames: page,
      IsTruncated: next !== undefined,
      ...(next !== undefined ? { Marker: encodeMarker(next) } : {}),
    };
  }
}
