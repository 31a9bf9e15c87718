import { Inject, Injectable } from '@nestjs/common';
import {
  isForeignKeyViolation,
  isUniqueViolation,
  keysetPage,
  KeysetPage,
  Transaction,
} from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { GroupEntity, UserEntity, UserGroupEntity } from '../database/entities';
import { GroupClaim } from '../tokens/token-claims';
import { groupClaimsSubquery } from './user-group-claims';

/** CreateGroup's outcomes the use case names: the pool's foreign key refuses a group of a deleted pool. */
export type GroupInsert = 'created' | 'exists' | 'pool-gone';

/**
 * AddUserToGroup's outcomes: 'added' for a new row, 'member' when it was there already (adding
 * twice is a no-op); otherwise which foreign key refused it, the group's or the user's.
 */
export type MembershipInsert = 'added' | 'member' | 'group-gone' | 'user-gone';

/** A member of a group, as the group events name them. */
export interface GroupMember {
  sub: string;
  username: string;
}

export type GroupChanges = Partial<Pick<GroupEntity, 'description' | 'roleArn' | 'precedence'>> & {
  updatedAt: Date;
};

/**
 * Every query of the groups aggregate: `user_directory.groups` and the memberships in
 * `user_directory.user_groups` (deleting a group, its pool or a user deletes the memberships by
 * cascade). Group names are case-sensitive and unique in their pool.
 */
@Injectable()
export class GroupsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async insert(group: GroupEntity, tx: Transaction = this.dataSource.manager): Promise<GroupInsert> {
    try {
      await tx.insert(GroupEntity, group);
      return 'created';
    } catch (err) {
      if (isUniqueViolation(err)) return 'exists';
      if (isForeignKeyViolation(err)) return 'pool-gone';
      throw err;
    }
  }

  /** The group, or undefined; with `forUpdate` (inside `tx`) the row is held until commit. */
  async find(
    poolId: string,
    name: string,
    tx: Transaction = this.dataSource.manager,
    forUpdate = false,
  ): Promise<GroupEntity | undefined> {
    const qb = tx
      .createQueryBuilder(GroupEntity, 'g')
      .where('g.pool_id = :poolId', { poolId })
      .andWhere('g.name = :name', { name });
    if (forUpdate) qb.setLock('pessimistic_write');
    return (await qb.getOne()) ?? undefined;
  }

  async update(
    poolId: string,
    name: string,
    changes: GroupChanges,
    tx: Transaction = this.dataSource.manager,
  ): Promise<void> {
    await tx.update(GroupEntity, { poolId, name }, changes);
  }

  /** Deletes the group and its memberships; false when there was no such group. */
  async delete(poolId: string, name: string, tx: Transaction = this.dataSource.manager): Promise<boolean> {
    const result = await tx.delete(GroupEntity, { poolId, name });
    return !!result.affected;
  }

  /**
   * Every member of the group, in sub order. Under the group's row lock (`find` with `forUpdate`)
   * no membership can be added until commit: an insert waits for the lock on its foreign key.
   */
  async members(poolId: string, groupName: string, tx: Transaction): Promise<GroupMember[]> {
    const rows = await tx
      .createQueryBuilder(UserEntity, 'u')
      .innerJoin(UserGroupEntity, 'ug', 'ug.user_sub = u.sub')
      .where('ug.pool_id = :poolId', { poolId })
      .andWhere('ug.group_name = :groupName', { groupName })
      .select(['u.sub', 'u.username'])
      .orderBy('u.sub')
      .getMany();
    return rows.map((u) => ({ sub: u.sub, username: u.username }));
  }

  /** One page of the pool's groups in name order, after the name a page token carried. */
  page(poolId: string, after: string | undefined, max: number): Promise<KeysetPage<GroupEntity>> {
    return keysetPage(
      this.dataSource.manager.createQueryBuilder(GroupEntity, 'g').where('g.pool_id = :poolId', { poolId }),
      'g.name',
      after,
      max,
      (g) => g.name,
    );
  }

  /** One page of the groups a user is in, in name order. */
  pageForUser(
    poolId: string,
    userSub: string,
    after: string | undefined,
    max: number,
  ): Promise<KeysetPage<GroupEntity>> {
    return keysetPage(
      this.dataSource.manager
        .createQueryBuilder(GroupEntity, 'g')
        .innerJoin(UserGroupEntity, 'ug', 'ug.pool_id = g.pool_id AND ug.group_name = g.name')
        .where('g.pool_id = :poolId', { poolId })
        .andWhere('ug.user_sub = :sub', { sub: userSub }),
      'g.name',
      after,
      max,
      (g) => g.name,
    );
  }

  /** Adds the user to the group; a membership that exists already is left as it is. */
  async addMember(
    poolId: string,
    groupName: string,
    userSub: string,
    tx: Transaction = this.dataSource.manager,
  ): Promise<MembershipInsert> {
    try {
      const result = await tx
        .createQueryBuilder()
        .insert()
        .into(UserGroupEntity)
        .values({ poolId, groupName, userSub, createdAt: new Date() })
        .orIgnore()
        .returning('user_sub')
        .execute();
      return (result.raw as unknown[]).length > 0 ? 'added' : 'member';
    } catch (err) {
      // The group or the user went away between the caller's lookups and the insert.
      if (isForeignKeyViolation(err, 'user_sub')) return 'user-gone';
      if (isForeignKeyViolation(err)) return 'group-gone';
      throw err;
    }
  }

  /** Removes the user from the group; false when they were not a member. */
  async removeMember(
    poolId: string,
    groupName: string,
    userSub: string,
    tx: Transaction = this.dataSource.manager,
  ): Promise<boolean> {
    const result = await tx.delete(UserGroupEntity, { poolId, groupName, userSub });
    return !!result.affected;
  }

  /** One page of a group's members in sub order (ListUsersInGroup). */
  pageMembers(
    poolId: string,
    groupName: string,
    after: string | undefined,
    max: number,
  ): Promise<KeysetPage<UserEntity>> {
    return keysetPage(
      this.dataSource.manager
        .createQueryBuilder(UserEntity, 'u')
        .innerJoin(UserGroupEntity, 'ug', 'ug.user_sub = u.sub')
        .where('ug.pool_id = :poolId', { poolId })
        .andWhere('ug.group_name = :groupName', { groupName }),
      'u.sub',
      after,
      max,
      (u) => u.sub,
    );
  }

  /** The groups of a user as its tokens' claims need them (GetDerivedToken, ADR 0088). */
  async claimsOf(userSub: string): Promise<GroupClaim[]> {
    const rows: { groups: GroupClaim[] }[] = await this.dataSource.query(
      `SELECT ${groupClaimsSubquery('$1')} AS groups`,
      [userSub],
    );
    return rows[0]?.groups ?? [];
  }
}
