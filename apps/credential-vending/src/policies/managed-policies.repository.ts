import { Inject, Injectable } from '@nestjs/common';
import { isForeignKeyViolation, KeysetPage, Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import {
  ManagedPolicyEntity,
  ManagedPolicyVersionEntity,
  RolePolicyAttachmentEntity,
} from '../database/entities';
import { likePrefix } from '../roles/trust-policy';

/** A managed policy as ListAttachedRolePolicies names it. */
export interface AttachedPolicy {
  name: string;
  arn: string;
}

/** A stored version of a managed policy. */
export interface StoredVersion {
  versionId: string;
  createdAt: Date;
}

/** A `managed_policies` row as a raw query returns it. */
interface PolicyRow {
  policy_id: string;
  name: string;
  name_key: string;
  path: string;
  arn: string;
  description: string | null;
  default_version_id: string;
  last_version_number: number;
  tags: ManagedPolicyEntity['tags'];
  created_at: Date;
  updated_at: Date;
}

function policyOf(r: PolicyRow): ManagedPolicyEntity {
  return {
    policyId: r.policy_id,
    name: r.name,
    nameKey: r.name_key,
    path: r.path,
    arn: r.arn,
    description: r.description,
    defaultVersionId: r.default_version_id,
    lastVersionNumber: r.last_version_number,
    tags: r.tags,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The document of a managed policy's default version. */
export interface PolicyDocumentOf {
  arn: string;
  document: string;
}

/**
 * Every query of the customer managed policies aggregate: `credential_vending.managed_policies`,
 * their versions (`managed_policy_versions`, cascading with the policy) and their attachments to
 * roles (`role_policy_attachments`, cascading with the role, refusing the policy's deletion).
 */
@Injectable()
export class ManagedPoliciesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Inserts the policy with `document` as its version v1 unless its name (in any case) or ARN is
   * taken; then 'exists' and nothing is written. Run it inside a unit of work: the two rows go together.
   */
  async insert(
    policy: ManagedPolicyEntity,
    document: string,
    tx: Transaction,
  ): Promise<'created' | 'exists'> {
    const inserted = await tx.query<unknown[]>(
      `INSERT INTO credential_vending.managed_policies
         (policy_id, name, name_key, path, arn, description, default_version_id, tags, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) ON CONFLICT DO NOTHING RETURNING policy_id`,
      [
        policy.policyId,
        policy.name,
        policy.nameKey,
        policy.path,
        policy.arn,
        policy.description,
        policy.defaultVersionId,
        JSON.stringify(policy.tags),
        policy.createdAt,
      ],
    );
    if (inserted.length === 0) return 'exists';
    await tx.insert(ManagedPolicyVersionEntity, {
      policyId: policy.policyId,
      versionId: policy.defaultVersionId,
      document,
      createdAt: policy.createdAt,
    });
    return 'created';
  }

  /** The policy of that ARN; `forUpdate` locks its row (and so holds off new attachments) until commit. */
  async findByArn(
    policyArn: string,
    tx: Transaction = this.dataSource.manager,
    forUpdate = false,
  ): Promise<ManagedPolicyEntity | undefined> {
    const policy = await tx.findOne(ManagedPolicyEntity, {
      where: { arn: policyArn },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return policy ?? undefined;
  }

  /** The policy's versions (IAM keeps at most five), newest first, without their documents. */
  async versionsOf(policyId: string, tx: Transaction = this.dataSource.manager): Promise<StoredVersion[]> {
    const rows = await tx.query<{ version_id: string; created_at: Date }[]>(
      `SELECT version_id, created_at FROM credential_vending.managed_policy_versions
        WHERE policy_id = $1 ORDER BY substring(version_id from 2)::integer DESC`,
      [policyId],
    );
    return rows.map((r) => ({ versionId: r.version_id, createdAt: r.created_at }));
  }

  /** One version with its document. */
  async findVersion(
    policyId: string,
    versionId: string,
  ): Promise<(StoredVersion & { document: string }) | undefined> {
    const version = await this.dataSource.manager.findOne(ManagedPolicyVersionEntity, {
      where: { policyId, versionId },
    });
    return version ? { versionId, createdAt: version.createdAt, document: version.document } : undefined;
  }

  /**
   * Adds version `v<number>` (the caller holds the policy's row locked and has checked the quota),
   * records the number as the highest ever used, and makes it the default if asked.
   */
  async addVersion(
    policyId: string,
    version: { number: number; document: string; setAsDefault: boolean; at: Date },
    tx: Transaction,
  ): Promise<string> {
    const versionId = `v${version.number}`;
    await tx.insert(ManagedPolicyVersionEntity, {
      policyId,
      versionId,
      document: version.document,
      createdAt: version.at,
    });
    await tx.query(
      `UPDATE credential_vending.managed_policies
          SET last_version_number = $2,
              default_version_id = CASE WHEN $3 THEN $4 ELSE default_version_id END,
              updated_at = CASE WHEN $3 THEN $5 ELSE updated_at END
        WHERE policy_id = $1`,
      [policyId, version.number, version.setAsDefault, versionId, version.at],
    );
    return versionId;
  }

  /** Whether the version existed (and is now gone). */
  async deleteVersion(policyId: string, versionId: string, tx: Transaction): Promise<boolean> {
    const result = await tx.delete(ManagedPolicyVersionEntity, { policyId, versionId });
    return Boolean(result.affected);
  }

  /** Tags only: IAM's UpdateDate tracks the policy's versions, not its tags. */
  async setTags(policyId: string, tags: ManagedPolicyEntity['tags'], tx: Transaction): Promise<void> {
    await tx.update(ManagedPolicyEntity, { policyId }, { tags });
  }

  async setDefaultVersion(policyId: string, versionId: string, at: Date, tx: Transaction): Promise<void> {
    await tx.update(ManagedPolicyEntity, { policyId }, { defaultVersionId: versionId, updatedAt: at });
  }

  /**
   * One page of the customer managed policies under a path prefix, in name order, with how many
   * roles, users and groups each is attached to and how many users and roles it bounds;
   * `onlyAttached` keeps those attached to at least one, `boundariesOnly` those bounding one.
   */
  async page(
    filter: { pathPrefix: string; onlyAttached: boolean; boundariesOnly?: boolean },
    after: string | undefined,
    max: number,
  ): Promise<KeysetPage<{ policy: ManagedPolicyEntity; attachments: number; boundaryUses: number }>> {
    const rows = await this.dataSource.query<(PolicyRow & { attachments: string; boundary_uses: string })[]>(
      `SELECT * FROM (
       SELECT p.*, (SELECT count(*) FROM credential_vending.role_policy_attachments a
                     WHERE a.policy_id = p.policy_id)
                 + (SELECT count(*) FROM credential_vending.user_policy_attachments a
                     WHERE a.policy_id = p.policy_id)
                 + (SELECT count(*) FROM credential_vending.group_policy_attachments a
                     WHERE a.policy_id = p.policy_id) AS attachments,
                   (SELECT count(*) FROM credential_vending.users u WHERE u.permissions_boundary = p.arn)
                 + (SELECT count(*) FROM credential_vending.roles r WHERE r.permissions_boundary = p.arn)
                   AS boundary_uses
         FROM credential_vending.managed_policies p
        WHERE p.path LIKE $1 AND ($2::text IS NULL OR p.name_key > $2)
          AND (NOT $3 OR EXISTS (SELECT 1 FROM credential_vending.role_policy_attachments a
                                  WHERE a.policy_id = p.policy_id)
                      OR EXISTS (SELECT 1 FROM credential_vending.user_policy_attachments a
                                  WHERE a.policy_id = p.policy_id)
                      OR EXISTS (SELECT 1 FROM credential_vending.group_policy_attachments a
                                  WHERE a.policy_id = p.policy_id))
       ) listed
        WHERE NOT $5 OR listed.boundary_uses > 0
        ORDER BY listed.name_key LIMIT $4`,
      [
        likePrefix(filter.pathPrefix),
        after ?? null,
        filter.onlyAttached,
        max + 1,
        filter.boundariesOnly === true,
      ],
    );
    const page = rows.slice(0, max);
    return {
      page: page.map((r) => ({
        policy: policyOf(r),
        attachments: Number(r.attachments),
        boundaryUses: Number(r.boundary_uses),
      })),
      ...(rows.length > max ? { next: page[page.length - 1].name_key } : {}),
    };
  }

  /**
   * One page of the groups, users and roles (in that order, each in name order) under a path
   * prefix that use the policy: attached (`PermissionsPolicy`), as permissions boundary
   * (`PermissionsBoundary`; groups have none), or either when `usage` is undefined. The key of a
   * row is `<kind>/<name_key>`, kind 0 for groups, 1 users, 2 roles.
   */
  async entitiesUsing(
    policy: { policyId: string; arn: string },
    filter: {
      pathPrefix: string;
      kinds: readonly ('group' | 'user' | 'role')[];
      usage?: 'PermissionsPolicy' | 'PermissionsBoundary';
    },
    after: string | undefined,
    max: number,
  ): Promise<KeysetPage<{ kind: 'group' | 'user' | 'role'; name: string; id: string }>> {
    const cut = after === undefined ? undefined : /^([012])\/(.+)$/s.exec(after);
    const kindNames = ['group', 'user', 'role'] as const;
    const rows = await this.dataSource.query<{ k: number; name: string; id: string; name_key: string }[]>(
      `SELECT * FROM (
         SELECT 0 AS k, g.name, g.group_id AS id, g.name_key FROM credential_vending.groups g
          WHERE g.path LIKE $3 AND $4::text IS DISTINCT FROM 'PermissionsBoundary'
            AND EXISTS (SELECT 1 FROM credential_vending.group_policy_attachments a
                         WHERE a.group_id = g.group_id AND a.policy_id = $1)
         UNION ALL
         SELECT 1, u.name, u.user_id, u.name_key FROM credential_vending.users u
          WHERE u.path LIKE $3
            AND (($4::text IS DISTINCT FROM 'PermissionsBoundary'
                  AND EXISTS (SELECT 1 FROM credential_vending.user_policy_attachments a
                               WHERE a.user_id = u.user_id AND a.policy_id = $1))
              OR ($4::text IS DISTINCT FROM 'PermissionsPolicy' AND u.permissions_boundary = $2))
         UNION ALL
         SELECT 2, r.name, r.role_id, r.name_key FROM credential_vending.roles r
          WHERE r.path LIKE $3
            AND (($4::text IS DISTINCT FROM 'PermissionsBoundary'
                  AND EXISTS (SELECT 1 FROM credential_vending.role_policy_attachments a
                               WHERE a.role_id = r.role_id AND a.policy_id = $1))
              OR ($4::text IS DISTINCT FROM 'PermissionsPolicy' AND r.permissions_boundary = $2))
       ) e
       WHERE e.k = ANY($5::int[]) AND ($6::int IS NULL OR (e.k, e.name_key) > ($6::int, $7::text))
       ORDER BY e.k, e.name_key LIMIT $8`,
      [
        policy.policyId,
        policy.arn,
        likePrefix(filter.pathPrefix),
        filter.usage ?? null,
        filter.kinds.map((k) => kindNames.indexOf(k)),
        cut ? Number(cut[1]) : null,
        cut ? cut[2] : null,
        max + 1,
      ],
    );
    const page = rows.slice(0, max);
    const last = page[page.length - 1];
    return {
      page: page.map((r) => ({ kind: kindNames[r.k], name: r.name, id: r.id })),
      ...(rows.length > max ? { next: `${last.k}/${last.name_key}` } : {}),
    };
  }

  /** One page of the roles the policy is attached to under a path prefix, in role name order. */
  async rolesAttachedTo(
    policyId: string,
    pathPrefix: string,
    after: string | undefined,
    max: number,
  ): Promise<KeysetPage<{ roleName: string; roleId: string }>> {
    const rows = await this.dataSource.query<{ name: string; role_id: string; name_key: string }[]>(
      `SELECT r.name, r.role_id, r.name_key FROM credential_vending.role_policy_attachments a
         JOIN credential_vending.roles r ON r.role_id = a.role_id
        WHERE a.policy_id = $1 AND r.path LIKE $2 AND ($3::text IS NULL OR r.name_key > $3)
        ORDER BY r.name_key LIMIT $4`,
      [policyId, likePrefix(pathPrefix), after ?? null, max + 1],
    );
    const page = rows.slice(0, max);
    return {
      page: page.map((r) => ({ roleName: r.name, roleId: r.role_id })),
      ...(rows.length > max ? { next: page[page.length - 1].name_key } : {}),
    };
  }

  /** Deletes the policy and its versions; refused by the database while a role has it attached. */
  async delete(policyId: string, tx: Transaction): Promise<void> {
    await tx.delete(ManagedPolicyEntity, { policyId });
  }

  /** The default version's document of each ARN that names a policy (STS session policies). */
  defaultDocuments(policyArns: readonly string[]): Promise<PolicyDocumentOf[]> {
    return this.dataSource.query<PolicyDocumentOf[]>(
      `SELECT p.arn, v.document FROM credential_vending.managed_policies p
         JOIN credential_vending.managed_policy_versions v
           ON v.policy_id = p.policy_id AND v.version_id = p.default_version_id
        WHERE p.arn = ANY($1::text[])`,
      [policyArns],
    );
  }

  /** How many roles, users and groups have the policy attached (GetPolicy's AttachmentCount). */
  async attachmentCount(policyId: string): Promise<number> {
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(
      `SELECT (SELECT count(*) FROM credential_vending.role_policy_attachments WHERE policy_id = $1)
            + (SELECT count(*) FROM credential_vending.user_policy_attachments WHERE policy_id = $1)
            + (SELECT count(*) FROM credential_vending.group_policy_attachments WHERE policy_id = $1) AS n`,
      [policyId],
    );
    return Number(n);
  }

  /** How many users and roles have the policy as their permissions boundary (PermissionsBoundaryUsageCount). */
  async boundaryUsageCount(policyArn: string): Promise<number> {
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(
      `SELECT (SELECT count(*) FROM credential_vending.users WHERE permissions_boundary = $1)
            + (SELECT count(*) FROM credential_vending.roles WHERE permissions_boundary = $1) AS n`,
      [policyArn],
    );
    return Number(n);
  }

  /** Whether a role, a user or a group has the policy attached, or a user or role has it as permissions boundary. */
  async isInUse(policyId: string, policyArn: string, tx: Transaction): Promise<boolean> {
    const [{ used }] = await tx.query<{ used: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM credential_vending.role_policy_attachments WHERE policy_id = $1)
           OR EXISTS (SELECT 1 FROM credential_vending.user_policy_attachments WHERE policy_id = $1)
           OR EXISTS (SELECT 1 FROM credential_vending.group_policy_attachments WHERE policy_id = $1)
           OR EXISTS (SELECT 1 FROM credential_vending.users WHERE permissions_boundary = $2)
           OR EXISTS (SELECT 1 FROM credential_vending.roles WHERE permissions_boundary = $2) AS used`,
      [policyId, policyArn],
    );
    return used;
  }

  /** How many managed policies the role has attached (the PoliciesPerRole quota). */
  attachedCountOf(roleId: string, tx: Transaction): Promise<number> {
    return tx.count(RolePolicyAttachmentEntity, { where: { roleId } });
  }

  roleHasAttachments(roleId: string, tx: Transaction): Promise<boolean> {
    return tx.exists(RolePolicyAttachmentEntity, { where: { roleId } });
  }

  isAttached(roleId: string, policyId: string, tx: Transaction): Promise<boolean> {
    return tx.exists(RolePolicyAttachmentEntity, { where: { roleId, policyId } });
  }

  /**
   * Attaches the policy to the role (whose row the caller holds locked). 'policy-gone' when the
   * policy was deleted after it was read: the foreign key refused the row, and the unit of work
   * is then aborted, so the caller fails it.
   */
  async attach(roleId: string, policyId: string, tx: Transaction): Promise<'attached' | 'policy-gone'> {
    try {
      await tx.insert(RolePolicyAttachmentEntity, { roleId, policyId, attachedAt: new Date() });
      return 'attached';
    } catch (err) {
      if (isForeignKeyViolation(err, 'policy_id')) return 'policy-gone';
      throw err;
    }
  }

  /** Whether the policy was attached to the role. */
  async detach(roleId: string, policyId: string, tx: Transaction): Promise<boolean> {
    const result = await tx.delete(RolePolicyAttachmentEntity, { roleId, policyId });
    return Boolean(result.affected);
  }

  /** One page of the policies attached to the role under a path prefix, in name order. */
  async attachedToRole(
    roleId: string,
    pathPrefix: string,
    after: string | undefined,
    max: number,
  ): Promise<KeysetPage<AttachedPolicy>> {
    const rows = await this.dataSource.query<{ name: string; arn: string; name_key: string }[]>(
      `SELECT p.name, p.arn, p.name_key FROM credential_vending.role_policy_attachments a
         JOIN credential_vending.managed_policies p ON p.policy_id = a.policy_id
        WHERE a.role_id = $1 AND p.path LIKE $2 AND ($3::text IS NULL OR p.name_key > $3)
        ORDER BY p.name_key LIMIT $4`,
      [roleId, likePrefix(pathPrefix), after ?? null, max + 1],
    );
    const page = rows.slice(0, max);
    return {
      page: page.map((r) => ({ name: r.name, arn: r.arn })),
      ...(rows.length > max ? { next: page[page.length - 1].name_key } : {}),
    };
  }

  /** The default version's document of every policy attached to the role, in ARN order. */
  attachedDocuments(roleId: string): Promise<PolicyDocumentOf[]> {
    return this.dataSource.query<PolicyDocumentOf[]>(
      `SELECT p.arn, v.document FROM credential_vending.role_policy_attachments a
         JOIN credential_vending.managed_policies p ON p.policy_id = a.policy_id
         JOIN credential_vending.managed_policy_versions v
           ON v.policy_id = p.policy_id AND v.version_id = p.default_version_id
        WHERE a.role_id = $1 ORDER BY p.arn`,
      [roleId],
    );
  }
}
