import { Inject, Injectable } from '@nestjs/common';
import { KeysetPage, Transaction } from '@idfed/persistence';
import { DataSource, In } from 'typeorm';
import { RoleEntity, TagRecord } from '../database/entities';
import { likePrefix } from '../roles/trust-policy';

/** An instance profile as stored, with the one role it may hold. */
export interface StoredInstanceProfile {
  instanceProfileId: string;
  name: string;
  path: string;
  arn: string;
  roleId: string | null;
  tags: TagRecord[];
  createdAt: Date;
}

interface ProfileRow {
  instance_profile_id: string;
  name: string;
  path: string;
  arn: string;
  role_id: string | null;
  tags: TagRecord[];
  created_at: Date;
}

const COLUMNS = 'instance_profile_id, name, path, arn, role_id, tags, created_at';

const profileOf = (r: ProfileRow): StoredInstanceProfile => ({
  instanceProfileId: r.instance_profile_id,
  name: r.name,
  path: r.path,
  arn: r.arn,
  roleId: r.role_id,
  tags: r.tags,
  createdAt: r.created_at,
});

/** Every query of `credential_vending.instance_profiles` (ADR 0085). */
@Injectable()
export class InstanceProfilesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Inserts the profile unless its name (in any case) is taken: then 'exists' and nothing is written. */
  async insert(profile: StoredInstanceProfile): Promise<'created' | 'exists'> {
    const inserted = await this.dataSource.query<unknown[]>(
      `INSERT INTO credential_vending.instance_profiles
         (instance_profile_id, name, name_key, path, arn, tags, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT DO NOTHING RETURNING instance_profile_id`,
      [
        profile.instanceProfileId,
        profile.name,
        profile.name.toLowerCase(),
        profile.path,
        profile.arn,
        JSON.stringify(profile.tags),
        profile.createdAt,
      ],
    );
    return inserted.length === 0 ? 'exists' : 'created';
  }

  /** The profile of that name, in any case; `forUpdate` locks its row until commit. */
  async findByName(
    name: string,
    tx: Transaction = this.dataSource.manager,
    forUpdate = false,
  ): Promise<StoredInstanceProfile | undefined> {
    const rows = await tx.query<ProfileRow[]>(
      `SELECT ${COLUMNS} FROM credential_vending.instance_profiles WHERE name_key = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [name.toLowerCase()],
    );
    return rows[0] && profileOf(rows[0]);
  }

  /** One page of the profiles under a path prefix, in name order, after the name a marker carried. */
  async page(
    pathPrefix: string,
    after: string | undefined,
    max: number,
  ): Promise<KeysetPage<StoredInstanceProfile>> {
    return this.pageWhere('path LIKE $1', likePrefix(pathPrefix), after, max);
  }

  /** One page of the profiles holding the role, in name order. */
  async pageOfRole(
    roleId: string,
    after: string | undefined,
    max: number,
  ): Promise<KeysetPage<StoredInstanceProfile>> {
    return this.pageWhere('role_id = $1', roleId, after, max);
  }

  private async pageWhere(
    where: string,
    value: string,
    after: string | undefined,
    max: number,
  ): Promise<KeysetPage<StoredInstanceProfile>> {
    const rows = await this.dataSource.query<(ProfileRow & { name_key: string })[]>(
      `SELECT ${COLUMNS}, name_key FROM credential_vending.instance_profiles
        WHERE ${where} AND ($2::text IS NULL OR name_key > $2) ORDER BY name_key LIMIT $3`,
      [value, after ?? null, max + 1],
    );
    const page = rows.slice(0, max);
    return {
      page: page.map(profileOf),
      ...(rows.length > max ? { next: page[page.length - 1].name_key } : {}),
    };
  }

  /** The profiles holding any of the roles, in name order, in one statement. */
  async holdingRoles(
    roleIds: readonly string[],
    tx: Transaction = this.dataSource.manager,
  ): Promise<StoredInstanceProfile[]> {
    if (!roleIds.length) return [];
    const rows = await tx.query<ProfileRow[]>(
      `SELECT ${COLUMNS} FROM credential_vending.instance_profiles
        WHERE role_id = ANY($1::text[]) ORDER BY name_key`,
      [roleIds],
    );
    return rows.map(profileOf);
  }

  /** The roles the profiles hold, by role id. */
  async rolesOf(
    profiles: readonly StoredInstanceProfile[],
    tx: Transaction = this.dataSource.manager,
  ): Promise<Map<string, RoleEntity>> {
    const ids = [...new Set(profiles.map((p) => p.roleId).filter((id): id is string => id !== null))];
    if (!ids.length) return new Map();
    const roles = await tx.find(RoleEntity, { where: { roleId: In(ids) } });
    return new Map(roles.map((r) => [r.roleId, r]));
  }

  async setRole(instanceProfileId: string, roleId: string | null, tx: Transaction): Promise<void> {
    await tx.query(
      `UPDATE credential_vending.instance_profiles SET role_id = $2 WHERE instance_profile_id = $1`,
      [instanceProfileId, roleId],
    );
  }

  async setTags(instanceProfileId: string, tags: readonly TagRecord[], tx: Transaction): Promise<void> {
    await tx.query(
      `UPDATE credential_vending.instance_profiles SET tags = $2 WHERE instance_profile_id = $1`,
      [instanceProfileId, JSON.stringify(tags)],
    );
  }

  async delete(instanceProfileId: string, tx: Transaction): Promise<void> {
    await tx.query(`DELETE FROM credential_vending.instance_profiles WHERE instance_profile_id = $1`, [
      instanceProfileId,
    ]);
  }

  /** Whether the role is in a profile: DeleteRole's DeleteConflict. */
  async roleInAny(roleId: string, tx: Transaction = this.dataSource.manager): Promise<boolean> {
    const rows = await tx.query<unknown[]>(
      `SELECT 1 FROM credential_vending.instance_profiles WHERE role_id = $1 LIMIT 1`,
      [roleId],
    );
    return rows.length > 0;
  }
}
