import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { RoleEntity, TagRecord } from '../database/entities';

export interface EntityRow {
  id: string;
  name: string;
  path: string;
  arn: string;
  created_at: Date;
}
export interface PrincipalRow extends EntityRow {
  permissions_boundary: string | null;
  tags: TagRecord[];
}
export interface PolicyRow extends EntityRow {
  default_version_id: string;
  description: string | null;
  updated_at: Date;
}
/** An inline policy, an attachment (policy name and ARN) or a membership (group name), by owner. */
export interface OwnedRow {
  owner: string;
  name: string;
  value: string;
}
export interface VersionRow {
  policy_id: string;
  version_id: string;
  document: string;
  created_at: Date;
}

/** Everything GetAccountAuthorizationDetails answers, read in one transaction. */
export interface AuthorizationSnapshot {
  users: PrincipalRow[];
  userPolicies: OwnedRow[];
  userAttachments: OwnedRow[];
  userGroups: OwnedRow[];
  groups: EntityRow[];
  groupPolicies: OwnedRow[];
  groupAttachments: OwnedRow[];
  roles: RoleEntity[];
  rolePolicies: OwnedRow[];
  roleAttachments: OwnedRow[];
  policies: PolicyRow[];
  versions: VersionRow[];
}

const attachments = (table: string, owner: string) =>
  `SELECT a.${owner} AS owner, p.name, p.arn AS value FROM credential_vending.${table} a
     JOIN credential_vending.managed_policies p USING (policy_id) ORDER BY p.name_key`;
const inline = (table: string, owner: string) =>
  `SELECT ${owner} AS owner, policy_name AS name, document AS value FROM credential_vending.${table}
    ORDER BY policy_name`;

/**
 * The reads of IAM GetAccountAuthorizationDetails (ADR 0084): every user, group, role and
 * customer managed policy with their policies, attachments and memberships, in one transaction so
 * the answer is one snapshot of them.
 */
@Injectable()
export class AuthorizationDetailsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async snapshot(tx: Transaction): Promise<AuthorizationSnapshot> {
    const q = <T>(sql: string) => tx.query<T[]>(sql);
    return {
      users: await q<PrincipalRow>(
        `SELECT user_id AS id, name, path, arn, created_at, permissions_boundary, tags
           FROM credential_vending.users ORDER BY name_key`,
      ),
      userPolicies: await q<OwnedRow>(inline('user_inline_policies', 'user_id')),
      userAttachments: await q<OwnedRow>(attachments('user_policy_attachments', 'user_id')),
      userGroups: await q<OwnedRow>(
        `SELECT m.user_id AS owner, g.name, g.arn AS value FROM credential_vending.group_members m
           JOIN credential_vending.groups g USING (group_id) ORDER BY g.name_key`,
      ),
      groups: await q<EntityRow>(
        `SELECT group_id AS id, name, path, arn, created_at FROM credential_vending.groups ORDER BY name_key`,
      ),
      groupPolicies: await q<OwnedRow>(inline('group_inline_policies', 'group_id')),
      groupAttachments: await q<OwnedRow>(attachments('group_policy_attachments', 'group_id')),
      roles: await tx.find(RoleEntity, { order: { nameKey: 'ASC' } }),
      rolePolicies: await q<OwnedRow>(inline('role_inline_policies', 'role_id')),
      roleAttachments: await q<OwnedRow>(attachments('role_policy_attachments', 'role_id')),
      policies: await q<PolicyRow>(
        `SELECT policy_id AS id, name, path, arn, created_at, updated_at, default_version_id, description
           FROM credential_vending.managed_policies ORDER BY name_key`,
      ),
      versions: await q<VersionRow>(
        `SELECT policy_id, version_id, document, created_at FROM credential_vending.managed_policy_versions
          ORDER BY created_at DESC`,
      ),
    };
  }
}
