import { Inject, Injectable } from '@nestjs/common';
import { RolePermissionsResult } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { DataSource } from 'typeorm';
import { RequestValidator } from '../common/validate';
import { RoleInlinePolicyEntity } from '../database/entities';
import { RoleLookup } from './role.lookup';

/**
 * Everything that grants a role's sessions their permissions: the inline policies and the default
 * version of each attached managed policy. For the gateway's authorizer and for role chaining.
 */
@Injectable()
export class RolePermissions {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(RoleLookup) private readonly roles: RoleLookup,
  ) {}

  async of(roleArn: string): Promise<RolePermissionsResult> {
    RequestValidator.of({ RoleArn: roleArn })
      .string('RoleArn', { required: true, min: 20, max: 2048 })
      .check();
    const m = this.dataSource.manager;
    const role = await this.roles.findByArn(roleArn, m);
    if (!role) throw new ServiceError('NoSuchEntity', `The role with ARN ${roleArn} cannot be found.`);
    const inline = await m.find(RoleInlinePolicyEntity, {
      where: { roleId: role.roleId },
      order: { policyName: 'ASC' },
    });
    const managed = await m.query<{ arn: string; document: string }[]>(
      `SELECT p.arn, v.document FROM credential_vending.role_policy_attachments a
         JOIN credential_vending.managed_policies p ON p.policy_id = a.policy_id
         JOIN credential_vending.managed_policy_versions v
           ON v.policy_id = p.policy_id AND v.version_id = p.default_version_id
        WHERE a.role_id = $1 ORDER BY p.arn`,
      [role.roleId],
    );
    return {
      RoleArn: role.arn,
      RoleId: role.roleId,
      Policies: [
        ...inline.map((p) => ({ Label: `${role.name}/${p.policyName}`, Document: p.document })),
        ...managed.map((p) => ({ Label: p.arn, Document: p.document })),
      ],
    };
  }
}
