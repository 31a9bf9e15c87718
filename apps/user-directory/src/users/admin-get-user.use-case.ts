import { Inject, Injectable } from '@nestjs/common';
import { AdminGetUserResponse, AdminUserRequest, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { toAttributeList } from './user-attributes';
import { UserLookup } from './user-lookup';

/** AdminGetUser: a user's attributes and state, for an administrator. */
@Injectable()
export class AdminGetUserUseCase implements OperationHandler<typeof UserDirectoryOperations.AdminGetUser> {
  constructor(@Inject(UserLookup) private readonly lookup: UserLookup) {}

  async execute(req: AdminUserRequest): Promise<AdminGetUserResponse> {
    const { user } = await this.lookup.requireAdminUser(req, undefined, false);
    return {
      Username: user.username,
      UserAttributes: toAttributeList(user.sub, user.attributes),
      UserCreateDate: user.createdAt.getTime() / 1000,
      UserLastModifiedDate: user.updatedAt.getTime() / 1000,
      Enabled: user.enabled,
      UserStatus: user.status,
    };
  }
}
