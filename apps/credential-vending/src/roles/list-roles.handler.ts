import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, ListRolesRequest, ListRolesResult } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { Patterns, RequestValidator } from '../common/validate';
import { RolesRepository } from './roles.repository';
import { toRole } from './role-shape';

@Injectable()
export class ListRolesHandler implements OperationHandler<typeof CredentialVendingOperations.ListRoles> {
  constructor(@Inject(RolesRepository) private readonly roles: RolesRepository) {}

  async execute(req: ListRolesRequest): Promise<ListRolesResult> {
    RequestValidator.of(req)
      .string('PathPrefix', { min: 1, max: 512, pattern: Patterns.pathPrefix })
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    const after = decodeMarker(req.Marker);
    const max = req.MaxItems ?? DEFAULT_MAX_ITEMS;
    const { page, next } = await this.roles.page(req.PathPrefix ?? '/', after, max);
    return {
      Roles: page.map((r) => toRole(r, { tags: false })),
      IsTruncated: next !== undefined,
      ...(next !== undefined ? { Marker: encodeMarker(next) } : {}),
    };
  }
}
