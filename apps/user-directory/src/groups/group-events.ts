import { GroupChangedEvent, UserDirectoryTopics, UserGroupsChangedEvent } from '@idfed/contracts';
import { DomainEvent } from '@idfed/messaging';
import { GroupEntity } from '../database/entities';
import { GroupMember } from './groups.repository';

/** The outbox message of a group's definition changing, keyed by its pool (ordered per pool). */
export function groupChanged(
  group: GroupEntity,
  change: GroupChangedEvent['change'],
  at: Date,
  correlationId: string | undefined,
): DomainEvent {
  const payload: GroupChangedEvent = {
    userPoolId: group.poolId,
    groupName: group.name,
    change,
    ...(group.roleArn !== null ? { roleArn: group.roleArn } : {}),
    ...(group.precedence !== null ? { precedence: group.precedence } : {}),
    occurredAt: at.toISOString(),
  };
  return { topic: UserDirectoryTopics.groupChanged, key: group.poolId, payload, correlationId };
}

/** The outbox message of a user joining or leaving a group, keyed by the user's sub. */
export function userGroupsChanged(
  poolId: string,
  member: GroupMember,
  groupName: string,
  change: UserGroupsChangedEvent['change'],
  at: Date,
  correlationId: string | undefined,
): DomainEvent {
  const payload: UserGroupsChangedEvent = {
    userPoolId: poolId,
    sub: member.sub,
    username: member.username,
    groupName,
    change,
    occurredAt: at.toISOString(),
  };
  return { topic: UserDirectoryTopics.userGroupsChanged, key: member.sub, payload, correlationId };
}
