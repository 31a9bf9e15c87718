import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  ListRolePoliciesRequest,
  ListRolePoliciesResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { RequestValidator } from '../common/validate';
import { RoleLookup } from './role.lookup';
import { validateRolePolicyNames } from './role-policy-requests';

@Injectable()
export class ListRolePoliciesHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListRolePolicies
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(RoleLookup) private readonly roles: RoleLookup,
  ) {}

  async execute(req: ListRolePoliciesRequest): Promise<ListRolePoliciesResult> {
    validateRolePolicyNames(req, false);
    RequestValidator.of(req)
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    const after = decodeMarker(req.Marker);
    const max = req.MaxItems ?? DEFAULT_MAX_ITEMS;
    const role = await this.roles.require(req.RoleName);
    const rows = await this.dataSource.query<{ policy_name: string }[]>(
      `SELECT policy_name FROM credential_vending.role_inline_policies
        WHERE role_id = $1 AND ($2::text IS NULL OR policy_name > $2) ORDER BY policy_name LIMIT $3`,
      [role.roleId, after ?? null, max + 1],
    );
    const page = rows.slice(0, max).map((r) => r.policy_name);
    const truncated = rows.length > max;
    return {
      PolicyNames: page,
      IsTruncated: truncated,
      ...(truncated ? { Marker: encodeMarker(page[page.length - 1]) } : {}),
    };
  }
}
