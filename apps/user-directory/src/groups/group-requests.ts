import { CreateGroupRequest, GroupRequest } from '@idfed/contracts';
import { EntityManager } from 'typeorm';
import { isForeignKeyViolation } from '@idfed/persistence';
import type { RequestValidator as AwsRequestValidator } from '@idfed/aws-protocol';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, Patterns, RequestValidator } from '../common/validate';
import { GroupEntity } from '../database/entities';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const MAX_PAGE = 60;

/** The members CreateGroup and UpdateGroup share. */
export function groupMembers(req: CreateGroupRequest): AwsRequestValidator {
  return RequestValidator.of(req)
    .string('GroupName', Members.groupName)
    .string('UserPoolId', Members.userPoolId)
    .string('Description', { max: 2048 })
    .string('RoleArn', { min: 20, max: 2048, pattern: Patterns.roleArn })
    .integer('Precedence', { min: 0 });
}

export function pageMembers(req: { Limit?: number; NextToken?: string }, v: AwsRequestValidator): void {
  v.integer('Limit', { min: 0, max: MAX_PAGE }).string('NextToken', { min: 1, pattern: /^\S+$/ }).check();
}

/** Which row went away under a membership insert: the user's foreign key names its column. */
export function missingUser(err: unknown): boolean {
  return isForeignKeyViolation(err, 'user_sub');
}

/** The members GetGroup and DeleteGroup take. */
export function validateGroupRequest(req: GroupRequest): void {
  RequestValidator.of(req)
    .string('GroupName', Members.groupName)
    .string('UserPoolId', Members.userPoolId)
    .check();
}

/** Loads a group or fails as Cognito does; `lock` holds it for the transaction. */
export async function requireGroup(
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
