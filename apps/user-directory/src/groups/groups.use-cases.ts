import {
  AdminAddUserToGroupResponse,
  AdminGroupMembershipRequest,
  AdminListGroupsForUserRequest,
  AdminListGroupsForUserResponse,
  AdminRemoveUserFromGroupResponse,
  CreateGroupRequest,
  CreateGroupResponse,
  DeleteGroupResponse,
  GetGroupResponse,
  GroupRequest,
  ListGroupsRequest,
  ListGroupsResponse,
  ListUsersInGroupRequest,
  ListUsersInGroupResponse,
  UpdateGroupRequest,
  UpdateGroupResponse,
} from '@idfed/contracts';
import { keysetPage } from '@idfed/persistence';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestValidator as AwsRequestValidator } from '@idfed/aws-protocol';
import { CognitoErrors } from '../common/cognito-errors';
import { decodePageToken, encodePageToken } from '../common/page-token';
import { isUniqueViolation } from '../common/unique-violation';
import { Members, Patterns, RequestValidator } from '../common/validate';
import { GroupEntity, UserEntity, UserGroupEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { requireAdminUser } from '../users/user-lookup';
import { toUserType } from '../users/user-type';
import { toGroupType } from './group-type';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_PAGE = 60;

/** The members CreateGroup and UpdateGroup share. */
function groupMembers(req: CreateGroupRequest): AwsRequestValidator {
  return RequestValidator.of(req)
    .string('GroupName', Members.groupName)
    .string('UserPoolId', Members.userPoolId)
    .string('Description', { max: 2048 })
    .string('RoleArn', { min: 20, max: 2048, pattern: Patterns.roleArn })
    .integer('Precedence', { min: 0 });
}

function pageMembers(req: { Limit?: number; NextToken?: string }, v: AwsRequestValidator): void {
  v.integer('Limit', { min: 0, max: MAX_PAGE }).string('NextToken', { min: 1, pattern: /^\S+$/ }).check();
}

/** Is a Postgres error a foreign key the row broke (a group or user deleted meanwhile)? */
function isForeignKeyViolation(err: unknown): boolean {
  return (err as { driverError?: { code?: string } })?.driverError?.code === '23503';
}

/** Which row went away under a membership insert: the user's foreign key names its column. */
function missingUser(err: unknown): boolean {
  const constraint = (err as { driverError?: { constraint?: string } })?.driverError?.constraint ?? '';
  return constraint.includes('user_sub');
}

/**
 * User pool groups: CreateGroup, GetGroup, UpdateGroup, DeleteGroup, ListGroups and the
 * memberships (AdminAddUserToGroup, AdminRemoveUserFromGroup, AdminListGroupsForUser,
 * ListUsersInGroup). Group names are case-sensitive.
 */
export class GroupsUseCases {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pools: PoolsService,
  ) {}

  async create(req: CreateGroupRequest): Promise<CreateGroupResponse> {
    groupMembers(req).check();
    const m = this.dataSource.manager;
    const pool = await this.pools.require(m, req.UserPoolId);
    const now = new Date();
    const group: GroupEntity = {
      poolId: pool.id,
      name: req.GroupName,
      description: req.Description ?? null,
      roleArn: req.RoleArn ?? null,
      precedence: req.Precedence ?? null,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await m.insert(GroupEntity, group);
    } catch (err) {
      if (isUniqueViolation(err)) throw CognitoErrors.groupExists(req.GroupName);
      if (isForeignKeyViolation(err)) throw CognitoErrors.poolNotFound(req.UserPoolId);
      throw err;
    }
    return { Group: toGroupType(group) };
  }

  async get(req: GroupRequest): Promise<GetGroupResponse> {
    this.validateGroupRequest(req);
    const m = this.dataSource.manager;
    const pool = await this.pools.require(m, req.UserPoolId);
    return { Group: toGroupType(await this.requireGroup(m, pool.id, req.GroupName)) };
  }

  /** Changes the members the request names; the others keep their values. */
  async update(req: UpdateGroupRequest): Promise<UpdateGroupResponse> {
    groupMembers(req).check();
    return this.dataSource.transaction(async (m) => {
      const pool = await this.pools.require(m, req.UserPoolId);
      const group = await this.requireGroup(m, pool.id, req.GroupName, true);
      const changes: Partial<GroupEntity> = { updatedAt: new Date() };
      if (req.Description !== undefined && req.Description !== null) changes.description = req.Description;
      if (req.RoleArn !== undefined && req.RoleArn !== null) changes.roleArn = req.RoleArn;
      if (req.Precedence !== undefined && req.Precedence !== null) changes.precedence = req.Precedence;
      await m.update(GroupEntity, { poolId: pool.id, name: group.name }, changes);
      return { Group: toGroupType({ ...group, ...changes }) };
    });
  }

  async delete(req: GroupRequest): Promise<DeleteGroupResponse> {
    this.validateGroupRequest(req);
    const m = this.dataSource.manager;
    const pool = await this.pools.require(m, req.UserPoolId);
    const result = await m.delete(GroupEntity, { poolId: pool.id, name: req.GroupName });
    if (!result.affected) throw CognitoErrors.groupNotFound();
    return {};
  }

  async list(req: ListGroupsRequest): Promise<ListGroupsResponse> {
    pageMembers(req, RequestValidator.of(req).string('UserPoolId', Members.userPoolId));
    const m = this.dataSource.manager;
    const pool = await this.pools.require(m, req.UserPoolId);
    const query = m.createQueryBuilder(GroupEntity, 'g').where('g.pool_id = :poolId', { poolId: pool.id });
    const { page, next } = await keysetPage(
      query,
      'g.name',
      decodePageToken(req.NextToken),
      req.Limit || MAX_PAGE,
      (g) => g.name,
    );
    return {
      Groups: page.map(toGroupType),
      ...(next !== undefined ? { NextToken: encodePageToken(next) } : {}),
    };
  }

  async addUser(req: AdminGroupMembershipRequest): Promise<AdminAddUserToGroupResponse> {
    RequestValidator.of(req).string('GroupName', Members.groupName).check();
    const m = this.dataSource.manager;
    const { pool, user } = await requireAdminUser(m, this.pools, req, false);
    await this.requireGroup(m, pool.id, req.GroupName);
    try {
      await m
        .createQueryBuilder()
        .insert()
        .into(UserGroupEntity)
        .values({ poolId: pool.id, groupName: req.GroupName, userSub: user.sub, createdAt: new Date() })
        .orIgnore()
        .execute();
    } catch (err) {
      // The group or the user went away between the lookups and the insert.
      if (isForeignKeyViolation(err))
        throw missingUser(err) ? CognitoErrors.userNotFound() : CognitoErrors.groupNotFound();
      throw err;
    }
    return {};
  }

  async removeUser(req: AdminGroupMembershipRequest): Promise<AdminRemoveUserFromGroupResponse> {
    RequestValidator.of(req).string('GroupName', Members.groupName).check();
    const m = this.dataSource.manager;
    const { pool, user } = await requireAdminUser(m, this.pools, req, false);
    await this.requireGroup(m, pool.id, req.GroupName);
    await m.delete(UserGroupEntity, { poolId: pool.id, groupName: req.GroupName, userSub: user.sub });
    return {};
  }

  async groupsForUser(req: AdminListGroupsForUserRequest): Promise<AdminListGroupsForUserResponse> {
    pageMembers(req, RequestValidator.of(req));
    const m = this.dataSource.manager;
    const { pool, user } = await requireAdminUser(m, this.pools, req, false);
    const query = m
      .createQueryBuilder(GroupEntity, 'g')
      .innerJoin(UserGroupEntity, 'ug', 'ug.pool_id = g.pool_id AND ug.group_name = g.name')
      .where('g.pool_id = :poolId', { poolId: pool.id })
      .andWhere('ug.user_sub = :sub', { sub: user.sub });
    const { page, next } = await keysetPage(
      query,
      'g.name',
      decodePageToken(req.NextToken),
      req.Limit || MAX_PAGE,
      (g) => g.name,
    );
    return {
      Groups: page.map(toGroupType),
      ...(next !== undefined ? { NextToken: encodePageToken(next) } : {}),
    };
  }

  async usersInGroup(req: ListUsersInGroupRequest): Promise<ListUsersInGroupResponse> {
    pageMembers(
      req,
      RequestValidator.of(req)
        .string('UserPoolId', Members.userPoolId)
        .string('GroupName', Members.groupName),
    );
    const m = this.dataSource.manager;
    const pool = await this.pools.require(m, req.UserPoolId);
    await this.requireGroup(m, pool.id, req.GroupName);
    const after = decodePageToken(req.NextToken);
    if (after !== undefined && !UUID.test(after))
      throw CognitoErrors.invalidParameter('Invalid pagination token.');
    const query = m
      .createQueryBuilder(UserEntity, 'u')
      .innerJoin(UserGroupEntity, 'ug', 'ug.user_sub = u.sub')
      .where('ug.pool_id = :poolId', { poolId: pool.id })
      .andWhere('ug.group_name = :groupName', { groupName: req.GroupName });
    const { page, next } = await keysetPage(query, 'u.sub', after, req.Limit || MAX_PAGE, (u) => u.sub);
    return {
      Users: page.map((u) => toUserType(u)),
      ...(next !== undefined ? { NextToken: encodePageToken(next) } : {}),
    };
  }

  private validateGroupRequest(req: GroupRequest): void {
    RequestValidator.of(req)
      .string('GroupName', Members.groupName)
      .string('UserPoolId', Members.userPoolId)
      .check();
  }

  private async requireGroup(
    m: EntityManager,
    poolId: string,
    name: string,
    lock = false,
  ): Promise<GroupEntity> {
    const qb = m
      .createQueryBuilder(GroupEntity, 'g')
      .where('g.pool_id = :poolId', { poolId })
      .andWhere('g.name = :name', { name });
    if (lock) qb.setLock('pessimistic_write');
    const group = await qb.getOne();
    if (!group) throw CognitoErrors.groupNotFound();
    return group;
  }
}
