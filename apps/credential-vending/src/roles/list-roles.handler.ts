import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, ListRolesRequest, ListRolesResult } from '@idfed/contracts';
import { keysetPage } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { Patterns, RequestValidator } from '../common/validate';
import { RoleEntity } from '../database/entities';
import { toRole } from './role-shape';
import { likePrefix } from './trust-policy';

@Injectable()
export class ListRolesHandler implements OperationHandler<typeof CredentialVendingOperations.ListRoles> {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async execute(req: ListRolesRequest): Promise<ListRolesResult> {
    RequestValidator.of(req)
      .string('PathPrefix', { min: 1, max: 512, pattern: Patterns.pathPrefix })
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    const after = decodeMarker(req.Marker);
    const max = req.MaxItems ?? DEFAULT_MAX_ITEMS;
    const query = this.dataSource
      .getRepository(RoleEntity)
      .createQueryBuilder('r')
      .where('r.path LIKE :prefix', { prefix: likePrefix(req.PathPrefix ?? '/') });
    const { page, next } = await keysetPage(query, 'r.name_key', after, max, (r) => r.nameKey);
    return {
      Roles: page.map((r) => toRole(r, { tags: false })),
      IsTruncated: next !== undefined,
      ...(next !== undefined ? { Marker: encodeMarker(next) } : {}),
    };
  }
}
