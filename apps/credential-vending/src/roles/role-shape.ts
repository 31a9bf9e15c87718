import { Role } from '@idfed/contracts';
import { awsTimestamp } from '../common/timestamps';
import { urlEncodedDocument } from '../common/policy-documents';
import { RoleEntity } from '../database/entities';

/** A role as IAM returns it; ListRoles leaves out the tags and the boundary, as IAM does. */
export function toRole(role: RoleEntity, options: { tags: boolean } = { tags: true }): Role {
  return {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.roleId,
    Arn: role.arn,
    CreateDate: awsTimestamp(role.createdAt),
    AssumeRolePolicyDocument: urlEncodedDocument(role.assumeRolePolicy),
    ...(role.description ? { Description: role.description } : {}),
    MaxSessionDuration: role.maxSessionDuration,
    ...(options.tags && role.permissionsBoundary
      ? {
          PermissionsBoundary: {
            PermissionsBoundaryType: 'PermissionsBoundaryPolicy' as const,
            PermissionsBoundaryArn: role.permissionsBoundary,
          },
        }
      : {}),
    ...(options.tags && role.tags.length ? { Tags: role.tags } : {}),
  };
}
