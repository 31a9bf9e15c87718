import { Inject, Injectable } from '@nestjs/common';
import { KeysetPage, keysetPage, Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { RoleEntity, RoleInlinePolicyEntity } from '../database/entities';
import { likePrefix } from './trust-policy';

/** What UpdateRole and UpdateAssumeRolePolicy may change; `updated_at` moves with every change. */
export type RoleChanges = Partial<
  Pick<RoleEntity, 'assumeRolePolicy' | 'description' | 'maxSessionDuration' | 'tags' | 'permissionsBoundary'>
>;

/**
 * Every query of the roles aggregate: `credential_vending.roles` (trust policy and tags are
 * columns of the role) and `role_inline_policies`, which go with their role (foreign key cascade).
 */
@Injectable()
export class RolesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Inserts the role unless its name (in any case) or ARN is taken; then 'exists' and nothing is written. */
  async insert(role: RoleEntity, tx: Transaction = this.dataSource.manager): Promise<'created' | 'exists'> {
    // ON CONFLICT DO NOTHING rather than catching the violation: concurrent creations of one name
    // wait for the first to commit, then find the key taken, without an aborted statement.
    const inserted = await tx.query<unknown[]>(
      `INSERT INTO credential_vending.roles
         (role_id, name, name_key, path, arn, assume_role_policy, description, max_session_duration, tags,
          permissions_boundary, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $11, $10, $10)
       ON CONFLICT DO NOTHING RETURNING role_id`,
      [
        role.roleId,
        role.name,
        role.nameKey,
        role.path,
        role.arn,
        role.assumeRolePolicy,
        role.description,
        role.maxSessionDuration,
        JSON.stringify(role.tags),
        role.createdAt,
        role.permissionsBoundary ?? null,
      ],
    );
    return inserted.length === 0 ? 'exists' : 'created';
  }

  /** The role of that name, in any case (IAM's names are case-insensitive); `forUpdate` locks its row. */
  async findByName(
    roleName: string,
    tx: Transaction = this.dataSource.manager,
    forUpdate = false,
  ): Promise<RoleEntity | undefined> {
    const role = await tx.findOne(RoleEntity, {
      where: { nameKey: roleName.toLowerCase() },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return role ?? undefined;
  }

  /** STS's and the authorizer's lookup, on every AssumeRole*: one indexed read, nothing more. */
  async findByArn(
    roleArn: string,
    tx: Transaction = this.dataSource.manager,
  ): Promise<RoleEntity | undefined> {
    return (await tx.findOne(RoleEntity, { where: { arn: roleArn } })) ?? undefined;
  }

  /** One page of the roles under a path prefix, in name order, after the name a marker carried. */
  page(pathPrefix: string, after: string | undefined, max: number): Promise<KeysetPage<RoleEntity>> {
    const query = this.dataSource
      .getRepository(RoleEntity)
      .createQueryBuilder('r')
      .where('r.path LIKE :prefix', { prefix: likePrefix(pathPrefix) });
    return keysetPage(query, 'r.name_key', after, max, (r) => r.nameKey);
  }

  async update(roleId: string, changes: RoleChanges, tx: Transaction): Promise<void> {
    await tx.update(RoleEntity, { roleId }, { ...changes, updatedAt: new Date() });
  }

  /** Deletes the role; its inline policies and attachments go with it (foreign keys cascade). */
  async delete(roleId: string, tx: Transaction): Promise<void> {
    await tx.delete(RoleEntity, { roleId });
  }

  hasInlinePolicies(roleId: string, tx: Transaction = this.dataSource.manager): Promise<boolean> {
    return tx.exists(RoleInlinePolicyEntity, { where: { roleId } });
  }

  async findInlinePolicy(roleId: string, policyName: string): Promise<RoleInlinePolicyEntity | undefined> {
    const policy = await this.dataSource.manager.findOne(RoleInlinePolicyEntity, {
      where: { roleId, policyName },
    });
    return policy ?? undefined;
  }

  /** Every inline policy of the role, in name order. */
  inlinePolicies(roleId: string): Promise<RoleInlinePolicyEntity[]> {
    return this.dataSource.manager.find(RoleInlinePolicyEntity, {
      where: { roleId },
      order: { policyName: 'ASC' },
    });
  }

  /** One page of the role's inline policy names, in order, after the name a marker carried. */
  async inlinePolicyNames(
    roleId: string,
    after: string | undefined,
    max: number,
  ): Promise<KeysetPage<string>> {
    const rows = await this.dataSource.query<{ policy_name: string }[]>(
      `SELECT policy_name FROM credential_vending.role_inline_policies
        WHERE role_id = $1 AND ($2::text IS NULL OR policy_name > $2) ORDER BY policy_name LIMIT $3`,
      [roleId, after ?? null, max + 1],
    );
    const page = rows.slice(0, max).map((r) => r.policy_name);
    return { page, ...(rows.length > max ? { next: page[page.length - 1] } : {}) };
  }

  /** The summed size of the role's inline policies other than `policyName` (the quota is per role). */
  async inlinePolicySizeWithout(roleId: string, policyName: string, tx: Transaction): Promise<number> {
    const [{ total }] = await tx.query<{ total: number }[]>(
      `SELECT COALESCE(SUM(document_size), 0)::int AS total FROM credential_vending.role_inline_policies
        WHERE role_id = $1 AND policy_name <> $2`,
      [roleId, policyName],
    );
    return total;
  }

  /** Creates the inline policy or replaces its document. */
  async putInlinePolicy(
    roleId: string,
    policyName: string,
    document: string,
    documentSize: number,
    tx: Transaction,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO credential_vending.role_inline_policies (role_id, policy_name, document, document_size, updated_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (role_id, policy_name) DO UPDATE
         SET document = EXCLUDED.document, document_size = EXCLUDED.document_size, updated_at = now()`,
      [roleId, policyName, document, documentSize],
    );
  }

  /** Whether there was such an inline policy to delete. */
  async deleteInlinePolicy(roleId: string, policyName: string, tx: Transaction): Promise<boolean> {
    const result = await tx.delete(RoleInlinePolicyEntity, { roleId, policyName });
    return Boolean(result.affected);
  }
}
