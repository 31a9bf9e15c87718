import { CreateGroupRequest, GroupRequest } from '@idfed/contracts';
import { Transaction } from '@idfed/persistence';
import type { RequestValidator as AwsRequestValidator } from '@idfed/aws-protocol';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, Patterns, RequestValidator } from '../common/validate';
import { GroupEntity } from '../database/entities';
import { GroupsRepository } from './groups.repository';

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

/** The members GetGroup and DeleteGroup take. */
export function validateGroupRequest(req: GroupRequest): void {
  RequestValidator.of(req)
    .string('GroupName', Members.groupName)
    .string('UserPoolId', Members.userPoolId)
    .check();
}

/** Loads a group or fails as Cognito does; `lock` (inside `tx`) holds it for the transaction. */
export async function requireGroup(
  groups: GroupsRepository,
  poolId: string,
  name: string,
  tx?: Transaction,
  lock = false,
): Promise<GroupEntity> {
  const group = await groups.find(poolId, name, tx, lock);
  if (!group) throw CognitoErrors.groupNotFound();
  return group;
}
