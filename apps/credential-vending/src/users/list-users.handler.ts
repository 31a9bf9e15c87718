import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, ListIamUsersRequest, ListIamUsersResult } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { Patterns, RequestValidator } from '../common/validate';
import { toUser } from './user-shape';
import { UsersRepository } from './users.repository';

@Injectable()
export class ListUsersHandler implements OperationHandler<typeof CredentialVendingOperations.ListUsers> {
  constructor(@Inject(UsersRepository) private readonly users: UsersRepository) {}

  async execute(req: ListIamUsersRequest): Promise<ListIamUsersResult> {
    RequestValidator.of(req)
      .string('PathPrefix', { min: 1, max: 512, pattern: Patterns.pathPrefix })
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    const { page, next } = await this.users.page(
      req.PathPrefix ?? '/',
      decodeMarker(req.Marker),
      req.MaxItems ?? DEFAULT_MAX_ITEMS,
    );
    return {
      Users: page.map((u) => toUser(u, { full: false })),
      IsTruncated: next !== undefined,
      ...(next !== undefined ? { Marker: encodeMarker(next) } : {}),
    };
  }
}
