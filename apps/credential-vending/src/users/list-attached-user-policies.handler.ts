import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  ListAttachedUserPoliciesRequest,
  ListAttachedUserPoliciesResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { Patterns, RequestValidator } from '../common/validate';
import { validateUserName } from './user-requests';
import { UserLookup } from './user.lookup';
import { UsersRepository } from './users.repository';

@Injectable()
export class ListAttachedUserPoliciesHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListAttachedUserPolicies
> {
  constructor(
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  async execute(req: ListAttachedUserPoliciesRequest): Promise<ListAttachedUserPoliciesResult> {
    validateUserName(req);
    RequestValidator.of(req)
      .string('PathPrefix', { min: 1, max: 512, pattern: Patterns.policyPath })
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    const user = await this.lookup.require(req.UserName);
    const { page, next } = await this.users.attachedPolicies(
      user.userId,
      req.PathPrefix ?? '/',
      decodeMarker(req.Marker),
      req.MaxItems ?? DEFAULT_MAX_ITEMS,
    );
    return {
      AttachedPolicies: page.map((p) => ({ PolicyName: p.name, PolicyArn: p.arn })),
      IsTruncated: next !== undefined,
      ...(next !== undefined ? { Marker: encodeMarker(next) } : {}),
    };
  }
}
