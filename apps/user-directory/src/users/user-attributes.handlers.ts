import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AccessTokenRequest,
  AdminDeleteUserAttributesRequest,
  AdminUpdateUserAttributesRequest,
  CommandEnvelope,
  DeleteUserAttributesRequest,
  GetUserAttributeVerificationCodeRequest,
  ListUsersRequest,
  UpdateUserAttributesRequest,
  UserDirectoryCommands as C,
  VerifyUserAttributeRequest,
} from '@idfed/contracts';
import { AdminUsersUseCases } from './admin-users.use-cases';
import { ListUsersUseCase } from './list-users.use-case';
import { UserAttributesUseCases } from './user-attributes.use-cases';

/** Reading and editing users: ListUsers, attribute updates and deletions, their verification, DeleteUser. */
@Controller()
export class UserAttributesHandlers {
  constructor(
    @Inject(ListUsersUseCase) private readonly listUsers: ListUsersUseCase,
    @Inject(UserAttributesUseCases) private readonly attributes: UserAttributesUseCases,
    @Inject(AdminUsersUseCases) private readonly admin: AdminUsersUseCases,
  ) {}

  @MessagePattern(C.listUsers.pattern)
  list(@Payload() e: CommandEnvelope<ListUsersRequest>) {
    return this.listUsers.execute(e.payload);
  }

  @MessagePattern(C.adminUpdateUserAttributes.pattern)
  adminUpdate(@Payload() e: CommandEnvelope<AdminUpdateUserAttributesRequest>) {
    return this.attributes.adminUpdate(e.payload);
  }

  @MessagePattern(C.updateUserAttributes.pattern)
  update(@Payload() e: CommandEnvelope<UpdateUserAttributesRequest>) {
    return this.attributes.update(e.payload);
  }

  @MessagePattern(C.adminDeleteUserAttributes.pattern)
  adminDelete(@Payload() e: CommandEnvelope<AdminDeleteUserAttributesRequest>) {
    return this.attributes.adminDelete(e.payload);
  }

  @MessagePattern(C.deleteUserAttributes.pattern)
  delete(@Payload() e: CommandEnvelope<DeleteUserAttributesRequest>) {
    return this.attributes.delete(e.payload);
  }

  @MessagePattern(C.getUserAttributeVerificationCode.pattern)
  verificationCode(@Payload() e: CommandEnvelope<GetUserAttributeVerificationCodeRequest>) {
    return this.attributes.getVerificationCode(e.payload);
  }

  @MessagePattern(C.verifyUserAttribute.pattern)
  verify(@Payload() e: CommandEnvelope<VerifyUserAttributeRequest>) {
    return this.attributes.verify(e.payload);
  }

  @MessagePattern(C.deleteUser.pattern)
  deleteUser(@Payload() e: CommandEnvelope<AccessTokenRequest>) {
    return this.admin.deleteSelf(e.payload, e.meta.requestId);
  }
}
