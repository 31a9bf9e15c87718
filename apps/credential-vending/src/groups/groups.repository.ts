import { Inject, Injectable } from '@nestjs/common';
import { isForeignKeyViolation, KeysetPage, Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { likePrefix } from '../roles/trust-policy';
import { StoredUser } from '../users/users.repository';

/** An IAM group as stored. */
export interface StoredGroup {
  groupId: string;
  name: string;
  nameKey: string;
  path: string;
  arn: string;
  createdAt: Date;
  updatedAt: Date;
}

interface GroupRow {
  group_id: string;
  name: string;
  name_key: string;
  path: string;
  arn: string;
  created_at: Date;
  updated_at: Date;
}

interface UserRow {
  user_id: string;
  name: string;
  name_key: string;
  path: string;
  arn: string;
  permissions_boundary: string | null;
  tags: StoredUser['tags'];
  created_at: Date;
  updated_at: Date;
}

const groupOf = (r: GroupRow): StoredGroup => ({
  groupId: r.group_id,
  name: r.name,
  nameKey: r.name_key,
  path: r.path,
  arn: r.arn,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const userOf = (r: UserRow): StoredUser => ({
  userId: r.user_id,
  name: r.name,
  nameKey: r.name_key,
  path: r.path,
  arn: r.arn,
  permissionsBoundary: r.permissions_boundary,
  tags: r.tags,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Whether an UPDATE or DELETE changed a row (TypeORM answers `[rows, affected]` on PostgreSQL). */
function changedAny(result: unknown): boolean {
  if (Array.isArray(result) && result.length === 2 && typeof result[1] === 'number') return result[1] > 0;
  return Array.isArray(result) && result.length > 0;
}

/**
 * Every query of the IAM groups aggregate (ADR 0046): `credential_vending.groups`, their
 * `group_members`, `group_inline_policies` and `group_policy_attachments` (all cascading with the
 * group; members also with the user; an attachment refuses its managed policy's deletion).
 */
@Injectable()
export class GroupsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Inserts the group unless its name (in any case) or ARN is taken; then 'exists', nothing written. */
  async insert(group: StoredGroup, tx: Transaction = this.dataSource.manager): Promise<'created' | 'exists'> {
    const inserted = await tx.query<unknown[]>(
      `INSERT INTO credential_vending.groups (group_id, name, name_key, path, arn, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6)
       ON CONFLICT DO NOTHING RETURNING group_id`,
      [group.groupId, group.name, group.nameKey, group.path, group.arn, group.createdAt],
    );
    return inserted.length === 0 ? 'exists' : 'created';
  }

  /** The group of that name, in any case; `forUpdate` locks its row until the unit of work ends. */
  async findByName(
    groupName: string,
    tx: Transaction = this.dataSource.manager,
    forUpdate = false,
  ): Promise<StoredGroup | undefined> {
    const rows = await tx.query<GroupRow[]>(
      `SELECT * FROM credential_vending.groups WHERE name_key = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [groupName.toLowerCase()],
    );
    return rows[0] ? groupOf(rows[0]) : undefined;
  }

  /** One page of the groups under a path prefix, in name order, after the name a marker carried. */
  async page(pathPrefix: string, after: string | undefined, max: number): Promise<KeysetPage<StoredGroup>> {
    const rows = await this.dataSource.query<GroupRow[]>(
      `SELECT * FROM credential_vending.groups
        WHERE path LIKE $1 AND ($2::text IS NULL OR name_key > $2) ORDER BY name_key LIMIT $3`,
      [likePrefix(pathPrefix), after ?? null, max + 1],
    );
    const page = rows.slice(0, max).map(groupOf);
    return { page, ...(rows.length > max ? { next: page[page.length - 1].nameKey } : {}) };
  }

  /** Renames or moves the group; 'exists' when the new name is taken (nothing changes then). */
  async rename(
    groupId: string,
    changes: { name: string; path: string; arn: string },
    tx: Transaction,
  ): Promise<'updated' | 'exists'> {
    const result = await tx.query<unknown>(
      `UPDATE credential_vending.groups g SET name = $2, name_key = $3, path = $4, arn = $5, updated_at = now()
        WHERE g.group_id = $1
          AND NOT EXISTS (SELECT 1 FROM credential_vending.groups o WHERE o.group_id <> $1 AND (o.name_key = $3 OR o.arn = $5))
        RETURNING g.group_id`,
      [groupId, changes.name, changes.name.toLowerCase(), changes.path, changes.arn],
    );
    return changedAny(result) ? 'updated' : 'exists';
  }

  /** What stops IAM from deleting a group: members, inline policies, attached policies (in that order). */
  async dependents(
    groupId: string,
    tx: Transaction,
  ): Promise<{ members: boolean; inlinePolicies: boolean; attachedPolicies: boolean }> {
    const [row] = await tx.query<{ m: boolean; i: boolean; a: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM credential_vending.group_members WHERE group_id = $1) AS m,
              EXISTS (SELECT 1 FROM credential_vending.group_inline_policies WHERE group_id = $1) AS i,
              EXISTS (SELECT 1 FROM credential_vending.group_policy_attachments WHERE group_id = $1) AS a`,
      [groupId],
    );
    return { members: row.m, inlinePolicies: row.i, attachedPolicies: row.a };
  }

  async delete(groupId: string, tx: Transaction): Promise<void> {
    await tx.query(`DELETE FROM credential_vending.groups WHERE group_id = $1`, [groupId]);
  }

  // ------------------------------------------------------------------ members

  /** Adds the user (a no-op when it is already a member); the caller holds the user's row locked. */
  async addMember(groupId: string, userId: string, tx: Transaction): Promise<void> {
    await tx.query(
      `INSERT INTO credential_vending.group_members (group_id, user_id, added_at) VALUES ($1, $2, now())
       ON CONFLICT DO NOTHING`,
      [groupId, userId],
    );
  }

  /** Whether the user was a member to remove. */
  async removeMember(groupId: string, userId: string, tx: Transaction): Promise<boolean> {
    const result = await tx.query<unknown>(
      `DELETE FROM credential_vending.group_members WHERE group_id = $1 AND user_id = $2 RETURNING user_id`,
      [groupId, userId],
    );
    return changedAny(result);
  }

  /** How many groups the user belongs to (the GroupsPerUser quota). */
  groupCountOf(userId: string, tx: Transaction): Promise<number> {
    return tx
      .query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM credential_vending.group_members WHERE user_id = $1`,
        [userId],
      )
      .then(([r]) => r.n);
  }

  async isMember(groupId: string, userId: string, tx: Transaction): Promise<boolean> {
    const rows = await tx.query<unknown[]>(
      `SELECT 1 FROM credential_vending.group_members WHERE group_id = $1 AND user_id = $2`,
      [groupId, userId],
    );
    return rows.length > 0;
  }

  /** One page of the group's users, in name order. */
  async members(groupId: string, after: string | undefined, max: number): Promise<KeysetPage<StoredUser>> {
    const rows = await this.dataSource.query<UserRow[]>(
      `SELECT u.* FROM credential_vending.group_members m
         JOIN credential_vending.users u ON u.user_id = m.user_id
        WHERE m.group_id = $1 AND ($2::text IS NULL OR u.name_key > $2)
        ORDER BY u.name_key LIMIT $3`,
      [groupId, after ?? null, max + 1],
    );
    const page = rows.slice(0, max).map(userOf);
    return { page, ...(rows.length > max ? { next: page[page.length - 1].nameKey } : {}) };
  }

  /** One page of the groups the user belongs to, in name order. */
  async groupsOf(userId: string, after: string | undefined, max: number): Promise<KeysetPage<StoredGroup>> {
    const rows = await this.dataSource.query<GroupRow[]>(
      `SELECT g.* FROM credential_vending.group_members m
         JOIN credential_vending.groups g ON g.group_id = m.group_id
        WHERE m.user_id = $1 AND ($2::text IS NULL OR g.name_key > $2)
        ORDER BY g.name_key LIMIT $3`,
      [userId, after ?? null, max + 1],
    );
    const page = rows.slice(0, max).map(groupOf);
    return { page, ...(rows.length > max ? { next: page[page.length - 1].nameKey } : {}) };
  }

  // ------------------------------------------------------------------ inline policies

  /** The summed size of the group's inline policies other than `policyName` (the quota is per group). */
  async inlinePolicySizeWithout(groupId: string, policyName: string, tx: Transaction): Promise<number> {
    const [{ total }] = await tx.query<{ total: number }[]>(
      `SELECT COALESCE(SUM(document_size), 0)::int AS total FROM credential_vending.group_inline_policies
        WHERE group_id = $1 AND policy_name <> $2`,
      [groupId, policyName],
    );
    return total;
  }

  async putInlinePolicy(
    groupId: string,
    policyName: string,
    document: string,
    documentSize: number,
    tx: Transaction,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO credential_vending.group_inline_policies (group_id, policy_name, document, document_size, updated_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (group_id, policy_name) DO UPDATE
         SET document = EXCLUDED.document, document_size = EXCLUDED.document_size, updated_at = now()`,
      [groupId, policyName, document, documentSize],
    );
  }

  async findInlinePolicy(groupId: string, policyName: string): Promise<string | undefined> {
    const rows = await this.dataSource.query<{ document: string }[]>(
      `SELECT document FROM credential_vending.group_inline_policies WHERE group_id = $1 AND policy_name = $2`,
      [groupId, policyName],
    );
    return rows[0]?.document;
  }

  /** One page of the group's inline policy names, in order. */
  async inlinePolicyNames(
    groupId: string,
    after: string | undefined,
    max: number,
  ): Promise<KeysetPage<string>> {
    const rows = await this.dataSource.query<{ policy_name: string }[]>(
      `SELECT policy_name FROM credential_vending.group_inline_policies
        WHERE group_id = $1 AND ($2::text IS NULL OR policy_name > $2) ORDER BY policy_name LIMIT $3`,
      [groupId, after ?? null, max + 1],
    );
    const page = rows.slice(0, max).map((r) => r.policy_name);
    return { page, ...(rows.length > max ? { next: page[page.length - 1] } : {}) };
  }

  async deleteInlinePolicy(groupId: string, policyName: string, tx: Transaction): Promise<boolean> {
    const result = await tx.query<unknown>(
      `DELETE FROM credential_vending.group_inline_policies WHERE group_id = $1 AND policy_name = $2
       RETURNING policy_name`,
      [groupId, policyName],
    );
    return changedAny(result);
  }

  // ------------------------------------------------------------------ attached managed policies

  attachedCount(groupId: string, tx: Transaction): Promise<number> {
    return tx
      .query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM credential_vending.group_policy_attachments WHERE group_id = $1`,
        [groupId],
      )
      .then(([r]) => r.n);
  }

  async isAttached(groupId: string, policyId: string, tx: Transaction): Promise<boolean> {
    const rows = await tx.query<unknown[]>(
      `SELECT 1 FROM credential_vending.group_policy_attachments WHERE group_id = $1 AND policy_id = $2`,
      [groupId, policyId],
    );
    return rows.length > 0;
  }

  /** Attaches the policy (the group's row locked); 'policy-gone' when it was deleted meanwhile. */
  async attach(groupId: string, policyId: string, tx: Transaction): Promise<'attached' | 'policy-gone'> {
    try {
      await tx.query(
        `INSERT INTO credential_vending.group_policy_attachments (group_id, policy_id, attached_at) VALUES ($1, $2, now())`,
        [groupId, policyId],
      );
      return 'attached';
    } catch (err) {
      if (isForeignKeyViolation(err, 'policy_id')) return 'policy-gone';
      throw err;
    }
  }

  async detach(groupId: string, policyId: string, tx: Transaction): Promise<boolean> {
    const result = await tx.query<unknown>(
      `DELETE FROM credential_vending.group_policy_attachments WHERE group_id = $1 AND policy_id = $2
       RETURNING policy_id`,
      [groupId, policyId],
    );
    return changedAny(result);
  }

  /** One page of the policies attached to the group under a path prefix, in name order. */
  async attachedPolicies(
    groupId: string,
    pathPrefix: string,
    after: string | undefined,
    max: number,
  ): Promise<KeysetPage<{ name: string; arn: string }>> {
    const rows = await this.dataSource.query<{ name: string; arn: string; name_key: string }[]>(
      `SELECT p.name, p.arn, p.name_key FROM credential_vending.group_policy_attachments a
         JOIN credential_vending.managed_policies p ON p.policy_id = a.policy_id
        WHERE a.group_id = $1 AND p.path LIKE $2 AND ($3::text IS NULL OR p.name_key > $3)
        ORDER BY p.name_key LIMIT $4`,
      [groupId, likePrefix(pathPrefix), after ?? null, max + 1],
    );
    const page = rows.slice(0, max);
    return {
      page: page.map((r) => ({ name: r.name, arn: r.arn })),
      ...(rows.length > max ? { next: page[page.length - 1].name_key } : {}),
    };
  }

  /**
   * The policies of the group itself (for the policy simulator): its inline ones labelled
   * `inline/<name>` and the default versions of its attached managed policies, by ARN.
   */
  async permissionsOf(groupId: string): Promise<{ label: string; document: string }[]> {
    return this.dataSource.query<{ label: string; document: string }[]>(
      `SELECT 'inline/' || policy_name AS label, document FROM credential_vending.group_inline_policies
        WHERE group_id = $1
       UNION ALL
       SELECT p.arn AS label, v.document FROM credential_vending.group_policy_attachments a
         JOIN credential_vending.managed_policies p ON p.policy_id = a.policy_id
         JOIN credential_vending.managed_policy_versions v
           ON v.policy_id = p.policy_id AND v.version_id = p.default_version_id
        WHERE a.group_id = $1
       ORDER BY 1`,
      [groupId],
    );
  }
}
