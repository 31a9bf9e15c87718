import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  ListAttachedRolePoliciesRequest,
  ListAttachedRolePoliciesResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { Patterns, RequestValidator } from '../common/validate';
import { RoleLookup } from './role.lookup';
import { validateRolePolicyNames } from './role-policy-requests';
import { likePrefix } from './trust-policy';

@Injectable()
export class ListAttachedRolePoliciesHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListAttachedRolePolicies
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(RoleLookup) private readonly roles: RoleLookup,
  ) {}

  async execute(req: ListAttachedRolePoliciesRequest): Promise<ListAttachedRolePoliciesResult> {
    validateRolePolicyNames(req, false);
    RequestValidator.of(req)
      .string('PathPrefix', { min: 1, max: 512, pattern: Patterns.policyPath })
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    const after = decodeMarker(req.Marker);
    const max = req.MaxItems ?? DEFAULT_MAX_ITEMS;
    const role = await this.roles.require(req.RoleName);
    const rows = await this.dataSource.query<{ name: string; arn: string; name_key: string }[]>(
      `SELECT p.name, p.arn, p.name_key FROM credential_vending.role_policy_attachments a
         JOIN credential_vending.managed_policies p ON p.policy_id = a.policy_id
        WHERE a.role_id = $1 AND p.path LIKE $2 AND ($3::text IS NULL OR p.name_key > $3)
        ORDER BY p.name_key LIMIT $4`,
      [role.roleId, likePrefix(req.PathPrefix ?? '/'), after ?? null, max + 1],
    );
    const page = rows.slice(0, max);
    const truncated = rows.length > max;
    return {
      AttachedPolicies: page.map((r) => ({ PolicyName: r.name, PolicyArn: r.arn })),
      IsTruncated: truncated,
      ...(truncated ? { Marker: encodeMarker(page[page.length - 1].name_key) } : {}),
    };
  }
}
