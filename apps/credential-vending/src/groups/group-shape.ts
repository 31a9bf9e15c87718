import { IamGroup } from '@idfed/contracts';
import { awsTimestamp } from '../common/timestamps';
import { StoredGroup } from './groups.repository';

/** A group as IAM returns it. */
export function toGroup(group: StoredGroup): IamGroup {
  return {
    Path: group.path,
    GroupName: group.name,
    GroupId: group.groupId,
    Arn: group.arn,
    CreateDate: awsTimestamp(group.createdAt),
  };
}
