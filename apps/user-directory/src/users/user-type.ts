import { UserType } from '@idfed/contracts';
import { UserEntity } from '../database/entities';
import { toAttributeList } from './user-attributes';

/** A user as ListUsers and AdminCreateUser return it; `only` limits the attributes (AttributesToGet). */
export function toUserType(user: UserEntity, only?: string[]): UserType {
  const attributes = toAttributeList(user.sub, user.attributes);
  return {
    Username: user.username,
    Attributes: only ? attributes.filter((a) => only.includes(a.Name)) : attributes,
    UserCreateDate: user.createdAt.getTime() / 1000,
    UserLastModifiedDate: user.updatedAt.getTime() / 1000,
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}
