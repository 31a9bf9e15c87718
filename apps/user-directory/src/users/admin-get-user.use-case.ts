import { Inject, Injectable } from '@nestjs/common';
import { AdminGetUserResponse, AdminUserRequest, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { userMfaSettings } from '../mfa/mfa-preferences';
import { UserMfaRepository } from '../mfa/user-mfa.repository';
import { toAttributeList } from './user-attributes';
import { UserLookup } from './user-lookup';

/** AdminGetUser: a user's attributes, state and MFA settings, for an administrator. */
@Injectable()
export class AdminGetUserUseCase implements OperationHandler<typeof UserDirectoryOperations.AdminGetUser> {
  constructor(
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UserMfaRepository) private readonly mfa: UserMfaRepository,
  ) {}

  async execute(req: AdminUserRequest): Promise<AdminGetUserResponse> {
    const { user } = await this.lookup.requireAdminUser(req, undefined, false);
    return {
      Username: user.username,
      UserAttributes: toAttributeList(user.sub, user.attributes),
      UserCreateDate: user.createdAt.getTime() / 1000,
      UserLastModifiedDate: user.updatedAt.getTime() / 1000,
      Enabled: user.enabled,
      UserStatus: user.status,
      ...userMfaSettings(await this.mfa.find(user.sub)),
    };
  }
}
