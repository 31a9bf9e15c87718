import { Inject, Injectable } from '@nestjs/common';
import { isForeignKeyViolation, KeysetPage, Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { TagRecord } from '../database/entities';
import { likePrefix } from '../roles/trust-policy';

/** An IAM user as stored. */
export interface StoredUser {
  userId: string;
  name: string;
  nameKey: string;
  path: string;
  arn: string;
  /** The ARN of the managed policy that bounds the user's permissions, if any. */
  permissionsBoundary: string | null;
  tags: TagRecord[];
  createdAt: Date;
  updatedAt: Date;
}

/** An access key as stored: the secret sealed, never in clear. */
export interface StoredAccessKey {
  accessKeyId: string;
  userId: string;
  secretEnc: Buffer;
  status: 'Active' | 'Inactive';
  createdAt: Date;
  lastUsedAt: Date | null;
  lastUsedService: string | null;
  lastUsedRegion: string | null;
}

interface UserRow {
  user_id: string;
  name: string;
  name_key: string;
  path: string;
  arn: string;
  permissions_boundary: string | null;
  tags: TagRecord[];
  created_at: Date;
  updated_at: Date;
}

interface AccessKeyRow {
  access_key_id: string;
  user_id: string;
  secret_enc: Buffer;
  status: 'Active' | 'Inactive';
  created_at: Date;
  last_used_at: Date | null;
  last_used_service: string | null;
  last_used_region: string | null;
}

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

const keyOf = (r: AccessKeyRow): StoredAccessKey => ({
  accessKeyId: r.access_key_id,
  userId: r.user_id,
  secretEnc: r.secret_enc,
  status: r.status,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  lastUsedService: r.last_used_service,
  lastUsedRegion: r.last_used_region,
});

/**
 * Whether an UPDATE or DELETE changed a row: TypeORM answers such a statement on PostgreSQL with
 * `[rows, affected]` rather than the rows alone.
 */
function changedAny(result: unknown): boolean {
  if (Array.isArray(result) && result.length === 2 && typeof result[1] === 'number') return result[1] > 0;
  return Array.isArray(result) && result.length > 0;
}

/** A managed policy attached to a user, as ListAttachedUserPolicies names it. */
export interface AttachedUserPolicy {
  name: string;
  arn: string;
}

/**
 * Every query of the IAM users aggregate: `credential_vending.users`, their `access_keys`,
 * `user_inline_policies` and `user_policy_attachments` (all cascading with the user; an attachment
 * refuses its managed policy's deletion).
 */
@Injectable()
export class UsersRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Inserts the user unless its name (in any case) or ARN is taken; then 'exists' and nothing is written. */
  async insert(user: StoredUser, tx: Transaction = this.dataSource.manager): Promise<'created' | 'exists'> {
    const inserted = await tx.query<unknown[]>(
      `INSERT INTO credential_vending.users
         (user_id, name, name_key, path, arn, permissions_boundary, tags, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [
        user.userId,
        user.name,
        user.nameKey,
        user.path,
        user.arn,
        user.permissionsBoundary,
        JSON.stringify(user.tags),
        user.createdAt,
      ],
    );
    return inserted.length === 0 ? 'exists' : 'created';
  }

  /** The user of that name, in any case (IAM's names are case-insensitive); `forUpdate` locks its row. */
  async findByName(
    userName: string,
    tx: Transaction = this.dataSource.manager,
    forUpdate = false,
  ): Promise<StoredUser | undefined> {
    const rows = await tx.query<UserRow[]>(
      `SELECT * FROM credential_vending.users WHERE name_key = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [userName.toLowerCase()],
    );
    return rows[0] ? userOf(rows[0]) : undefined;
  }

  async findById(userId: string, tx: Transaction = this.dataSource.manager): Promise<StoredUser | undefined> {
    const rows = await tx.query<UserRow[]>(`SELECT * FROM credential_vending.users WHERE user_id = $1`, [
      userId,
    ]);
    return rows[0] ? userOf(rows[0]) : undefined;
  }

  /** One page of the users under a path prefix, in name order, after the name a marker carried. */
  async page(pathPrefix: string, after: string | undefined, max: number): Promise<KeysetPage<StoredUser>> {
    const rows = await this.dataSource.query<UserRow[]>(
      `SELECT * FROM credential_vending.users
        WHERE path LIKE $1 AND ($2::text IS NULL OR name_key > $2) ORDER BY name_key LIMIT $3`,
      [likePrefix(pathPrefix), after ?? null, max + 1],
    );
    const page = rows.slice(0, max).map(userOf);
    return { page, ...(rows.length > max ? { next: page[page.length - 1].nameKey } : {}) };
  }

  /** Renames or moves the user; 'exists' when the new name is taken (nothing changes then). */
  async rename(
    userId: string,
    changes: { name: string; path: string; arn: string },
    tx: Transaction,
  ): Promise<'updated' | 'exists'> {
    const result = await tx.query<unknown>(
      `UPDATE credential_vending.users u SET name = $2, name_key = $3, path = $4, arn = $5, updated_at = now()
        WHERE u.user_id = $1
          AND NOT EXISTS (SELECT 1 FROM credential_vending.users o WHERE o.user_id <> $1 AND (o.name_key = $3 OR o.arn = $5))
        RETURNING u.user_id`,
      [userId, changes.name, changes.name.toLowerCase(), changes.path, changes.arn],
    );
    return changedAny(result) ? 'updated' : 'exists';
  }

  /** Replaces the user's tags (the caller holds the user's row locked). */
  async setTags(userId: string, tags: TagRecord[], tx: Transaction): Promise<void> {
    await tx.query(`UPDATE credential_vending.users SET tags = $2, updated_at = now() WHERE user_id = $1`, [
      userId,
      JSON.stringify(tags),
    ]);
  }

  async setPermissionsBoundary(userId: string, policyArn: string | null, tx: Transaction): Promise<void> {
    await tx.query(
      `UPDATE credential_vending.users SET permissions_boundary = $2, updated_at = now() WHERE user_id = $1`,
      [userId, policyArn],
    );
  }

  /**
   * What stops IAM from deleting a user: keys, inline policies, attached policies, group
   * memberships (in that order).
   */
  async dependents(
    userId: string,
    tx: Transaction,
  ): Promise<{ accessKeys: boolean; inlinePolicies: boolean; attachedPolicies: boolean; groups: boolean }> {
    const [row] = await tx.query<{ k: boolean; i: boolean; a: boolean; g: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM credential_vending.access_keys WHERE user_id = $1) AS k,
              EXISTS (SELECT 1 FROM credential_vending.user_inline_policies WHERE user_id = $1) AS i,
              EXISTS (SELECT 1 FROM credential_vending.user_policy_attachments WHERE user_id = $1) AS a,
              EXISTS (SELECT 1 FROM credential_vending.group_members WHERE user_id = $1) AS g`,
      [userId],
    );
    return { accessKeys: row.k, inlinePolicies: row.i, attachedPolicies: row.a, groups: row.g };
  }

  async delete(userId: string, tx: Transaction): Promise<void> {
    await tx.query(`DELETE FROM credential_vending.users WHERE user_id = $1`, [userId]);
  }

  // ------------------------------------------------------------------ access keys

  async insertAccessKey(key: StoredAccessKey, tx: Transaction): Promise<void> {
    await tx.query(
      `INSERT INTO credential_vending.access_keys (access_key_id, user_id, secret_enc, status, created_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [key.accessKeyId, key.userId, key.secretEnc, key.status, key.createdAt],
    );
  }

  countAccessKeys(userId: string, tx: Transaction): Promise<number> {
    return tx
      .query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM credential_vending.access_keys WHERE user_id = $1`,
        [userId],
      )
      .then(([r]) => r.n);
  }

  /** The user's access keys in creation order (a user has at most two). */
  accessKeysOf(userId: string, tx: Transaction = this.dataSource.manager): Promise<StoredAccessKey[]> {
    return tx
      .query<AccessKeyRow[]>(
        `SELECT * FROM credential_vending.access_keys WHERE user_id = $1 ORDER BY created_at, access_key_id`,
        [userId],
      )
      .then((rows) => rows.map(keyOf));
  }

  async findAccessKey(
    accessKeyId: string,
    tx: Transaction = this.dataSource.manager,
  ): Promise<StoredAccessKey | undefined> {
    const rows = await tx.query<AccessKeyRow[]>(
      `SELECT * FROM credential_vending.access_keys WHERE access_key_id = $1`,
      [accessKeyId],
    );
    return rows[0] ? keyOf(rows[0]) : undefined;
  }

  /**
   * A gateway's report of the key's use (ADR 0078), kept only when newer than the one kept: reports
   * from several replicas may arrive out of order. Whether the row changed.
   */
  async recordAccessKeyUse(
    accessKeyId: string,
    usedAt: Date,
    serviceName: string,
    region: string,
  ): Promise<boolean> {
    const result = await this.dataSource.manager.query<unknown>(
      `UPDATE credential_vending.access_keys
          SET last_used_at = $2, last_used_service = $3, last_used_region = $4
        WHERE access_key_id = $1 AND (last_used_at IS NULL OR last_used_at < $2)
       RETURNING access_key_id`,
      [accessKeyId, usedAt, serviceName, region],
    );
    return changedAny(result);
  }

  /** Whether the user had that key to change. */
  async setAccessKeyStatus(
    userId: string,
    accessKeyId: string,
    status: 'Active' | 'Inactive',
    tx: Transaction,
  ): Promise<boolean> {
    const result = await tx.query<unknown>(
      `UPDATE credential_vending.access_keys SET status = $3 WHERE user_id = $1 AND access_key_id = $2
       RETURNING access_key_id`,
      [userId, accessKeyId, status],
    );
    return changedAny(result);
  }

  /** Whether the user had that key to delete. */
  async deleteAccessKey(userId: string, accessKeyId: string, tx: Transaction): Promise<boolean> {
    const result = await tx.query<unknown>(
      `DELETE FROM credential_vending.access_keys WHERE user_id = $1 AND access_key_id = $2
       RETURNING access_key_id`,
      [userId, accessKeyId],
    );
    return changedAny(result);
  }

  // ------------------------------------------------------------------ inline policies

  /** The summed size of the user's inline policies other than `policyName` (the quota is per user). */
  async inlinePolicySizeWithout(userId: string, policyName: string, tx: Transaction): Promise<number> {
    const [{ total }] = await tx.query<{ total: number }[]>(
      `SELECT COALESCE(SUM(document_size), 0)::int AS total FROM credential_vending.user_inline_policies
        WHERE user_id = $1 AND policy_name <> $2`,
      [userId, policyName],
    );
    return total;
  }

  async putInlinePolicy(
    userId: string,
    policyName: string,
    document: string,
    documentSize: number,
    tx: Transaction,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO credential_vending.user_inline_policies (user_id, policy_name, document, document_size, updated_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (user_id, policy_name) DO UPDATE
         SET document = EXCLUDED.document, document_size = EXCLUDED.document_size, updated_at = now()`,
      [userId, policyName, document, documentSize],
    );
  }

  async findInlinePolicy(userId: string, policyName: string): Promise<string | undefined> {
    const rows = await this.dataSource.query<{ document: string }[]>(
      `SELECT document FROM credential_vending.user_inline_policies WHERE user_id = $1 AND policy_name = $2`,
      [userId, policyName],
    );
    return rows[0]?.document;
  }

  /** One page of the user's inline policy names, in order, after the name a marker carried. */
  async inlinePolicyNames(
    userId: string,
    after: string | undefined,
    max: number,
  ): Promise<KeysetPage<string>> {
    const rows = await this.dataSource.query<{ policy_name: string }[]>(
      `SELECT policy_name FROM credential_vending.user_inline_policies
        WHERE user_id = $1 AND ($2::text IS NULL OR policy_name > $2) ORDER BY policy_name LIMIT $3`,
      [userId, after ?? null, max + 1],
    );
    const page = rows.slice(0, max).map((r) => r.policy_name);
    return { page, ...(rows.length > max ? { next: page[page.length - 1] } : {}) };
  }

  async deleteInlinePolicy(userId: string, policyName: string, tx: Transaction): Promise<boolean> {
    const result = await tx.query<unknown>(
      `DELETE FROM credential_vending.user_inline_policies WHERE user_id = $1 AND policy_name = $2
       RETURNING policy_name`,
      [userId, policyName],
    );
    return changedAny(result);
  }

  // ------------------------------------------------------------------ attached managed policies

  attachedCount(userId: string, tx: Transaction): Promise<number> {
    return tx
      .query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM credential_vending.user_policy_attachments WHERE user_id = $1`,
        [userId],
      )
      .then(([r]) => r.n);
  }

  async isAttached(userId: string, policyId: string, tx: Transaction): Promise<boolean> {
    const rows = await tx.query<unknown[]>(
      `SELECT 1 FROM credential_vending.user_policy_attachments WHERE user_id = $1 AND policy_id = $2`,
      [userId, policyId],
    );
    return rows.length > 0;
  }

  /**
   * Attaches the policy (the caller holds the user's row locked). 'policy-gone' when the policy was
   * deleted after it was read: the foreign key refused the row and the unit of work is aborted.
   */
  async attach(userId: string, policyId: string, tx: Transaction): Promise<'attached' | 'policy-gone'> {
    try {
      await tx.query(
        `INSERT INTO credential_vending.user_policy_attachments (user_id, policy_id, attached_at) VALUES ($1, $2, now())`,
        [userId, policyId],
      );
      return 'attached';
    } catch (err) {
      if (isForeignKeyViolation(err, 'policy_id')) return 'policy-gone';
      throw err;
    }
  }

  async detach(userId: string, policyId: string, tx: Transaction): Promise<boolean> {
    const result = await tx.query<unknown>(
      `DELETE FROM credential_vending.user_policy_attachments WHERE user_id = $1 AND policy_id = $2
       RETURNING policy_id`,
      [userId, policyId],
    );
    return changedAny(result);
  }

  /** One page of the policies attached to the user under a path prefix, in name order. */
  async attachedPolicies(
    userId: string,
    pathPrefix: string,
    after: string | undefined,
    max: number,
  ): Promise<KeysetPage<AttachedUserPolicy>> {
    const rows = await this.dataSource.query<{ name: string; arn: string; name_key: string }[]>(
      `SELECT p.name, p.arn, p.name_key FROM credential_vending.user_policy_attachments a
         JOIN credential_vending.managed_policies p ON p.policy_id = a.policy_id
        WHERE a.user_id = $1 AND p.path LIKE $2 AND ($3::text IS NULL OR p.name_key > $3)
        ORDER BY p.name_key LIMIT $4`,
      [userId, likePrefix(pathPrefix), after ?? null, max + 1],
    );
    const page = rows.slice(0, max);
    return {
      page: page.map((r) => ({ name: r.name, arn: r.arn })),
      ...(rows.length > max ? { next: page[page.length - 1].name_key } : {}),
    };
  }

  // ------------------------------------------------------------------ permissions

  /**
   * Every policy that grants the user anything, in a stable order: its own inline ones labelled
   * `inline/<name>`, its groups' inline ones labelled `group/<group>/inline/<name>` (ADR 0046), and
   * the default versions of the managed policies attached to it or to one of its groups, by ARN
   * (once each). The one place a user's permissions are read: the gateways' decisions for its keys
   * and for the sessions made from them all come from here, on every request.
   */
  async permissionsOf(userId: string): Promise<{ label: string; document: string }[]> {
    return this.dataSource.query<{ label: string; document: string }[]>(
      `SELECT 'inline/' || policy_name AS label, document FROM credential_vending.user_inline_policies
        WHERE user_id = $1
       UNION ALL
       SELECT 'group/' || g.name || '/inline/' || gp.policy_name AS label, gp.document
         FROM credential_vending.group_members m
         JOIN credential_vending.groups g ON g.group_id = m.group_id
         JOIN credential_vending.group_inline_policies gp ON gp.group_id = m.group_id
        WHERE m.user_id = $1
       UNION ALL
       SELECT p.arn AS label, v.document FROM credential_vending.managed_policies p
         JOIN credential_vending.managed_policy_versions v
           ON v.policy_id = p.policy_id AND v.version_id = p.default_version_id
        WHERE p.policy_id IN (
          SELECT a.policy_id FROM credential_vending.user_policy_attachments a WHERE a.user_id = $1
          UNION
          SELECT ga.policy_id FROM credential_vending.group_members m
            JOIN credential_vending.group_policy_attachments ga ON ga.group_id = m.group_id
           WHERE m.user_id = $1)
       ORDER BY 1`,
      [userId],
    );
  }

  /** The default version's document of a managed policy, by ARN (a user's boundary). */
  async defaultDocument(policyArn: string): Promise<string | undefined> {
    const rows = await this.dataSource.query<{ document: string }[]>(
      `SELECT v.document FROM credential_vending.managed_policies p
         JOIN credential_vending.managed_policy_versions v
           ON v.policy_id = p.policy_id AND v.version_id = p.default_version_id
        WHERE p.arn = $1`,
      [policyArn],
    );
    return rows[0]?.document;
  }

  /** When the account root came to be (GetUser of the root): the row written with the schema. */
  async accountCreatedAt(): Promise<Date> {
    const [row] = await this.dataSource.query<{ created_at: Date }[]>(
      `SELECT created_at FROM credential_vending.account_root`,
    );
    return row.created_at;
  }
}
