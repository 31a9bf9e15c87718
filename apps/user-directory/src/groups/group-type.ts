import { GroupType } from '@idfed/contracts';
import { GroupEntity } from '../database/entities';

/** A group as the Cognito operations return it. */
export function toGroupType(group: GroupEntity): GroupType {
  return {
    GroupName: group.name,
    UserPoolId: group.poolId,
    ...(group.description !== null ? { Description: group.description } : {}),
    ...(group.roleArn !== null ? { RoleArn: group.roleArn } : {}),
    ...(group.precedence !== null ? { Precedence: group.precedence } : {}),
    LastModifiedDate: group.updatedAt.getTime() / 1000,
    CreationDate: group.createdAt.getTime() / 1000,
  };
}
