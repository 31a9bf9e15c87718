import { User } from '@idfed/contracts';
import { awsTimestamp } from '../common/timestamps';
import { StoredUser } from './users.repository';

/** A user as IAM returns it; ListUsers leaves out the tags and the boundary, as IAM does. */
export function toUser(user: StoredUser, options: { full: boolean } = { full: true }): User {
  return {
    Path: user.path,
    UserName: user.name,
    UserId: user.userId,
    Arn: user.arn,
    CreateDate: awsTimestamp(user.createdAt),
    ...(options.full && user.permissionsBoundary
      ? {
          PermissionsBoundary: {
            PermissionsBoundaryType: 'PermissionsBoundaryPolicy' as const,
            PermissionsBoundaryArn: user.permissionsBoundary,
          },
        }
      : {}),
    ...(options.full && user.tags.length ? { Tags: user.tags } : {}),
  };
}
