import { Inject, Injectable } from '@nestjs/common';
import { RolePermissionsResult } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { RequestValidator } from '../common/validate';
import { ManagedPoliciesRepository } from '../policies/managed-policies.repository';
import { RolesRepository } from './roles.repository';

/**
 * Everything that grants a role's sessions their permissions: the inline policies and the default
 * version of each attached managed policy, and the boundary that limits them. For the gateway's
 * authorizer and for role chaining.
 */
@Injectable()
export class RolePermissions {
  constructor(
    @Inject(RolesRepository) private readonly roles: RolesRepository,
    @Inject(ManagedPoliciesRepository) private readonly policies: ManagedPoliciesRepository,
  ) {}

  async of(roleArn: string): Promise<RolePermissionsResult> {
    RequestValidator.of({ RoleArn: roleArn })
      .string('RoleArn', { required: true, min: 20, max: 2048 })
      .check();
    const role = await this.roles.findByArn(roleArn);
    if (!role) throw new ServiceError('NoSuchEntity', `The role with ARN ${roleArn} cannot be found.`);
    const inline = await this.roles.inlinePolicies(role.roleId);
    const managed = await this.policies.attachedDocuments(role.roleId);
    const [boundary] = role.permissionsBoundary
      ? await this.policies.defaultDocuments([role.permissionsBoundary])
      : [];
    return {
      RoleArn: role.arn,
      RoleId: role.roleId,
      Policies: [
        ...inline.map((p) => ({ Label: `${role.name}/${p.policyName}`, Document: p.document })),
        ...managed.map((p) => ({ Label: p.arn, Document: p.document })),
      ],
      // DeletePolicy refuses a policy in use as a boundary, so a set boundary always has a document.
      ...(boundary ? { PermissionsBoundary: { Label: boundary.arn, Document: boundary.document } } : {}),
      ...(role.tags.length ? { Tags: role.tags } : {}),
    };
  }
}
