import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AdminUserRequest,
  CommandEnvelope,
  ConfirmSignUpRequest,
  ResendConfirmationCodeRequest,
  SignUpRequest,
  UserDirectoryCommands as C,
} from '@idfed/contracts';
import { AccountStateUseCases } from './account-state.use-cases';
import { AdminUsersUseCases } from './admin-users.use-cases';
import { ConfirmationUseCases } from './confirmation.use-cases';
import { SignUpUseCase } from './sign-up.use-case';

@Controller()
export class UsersHandlers {
  constructor(
    @Inject(SignUpUseCase) private readonly signUp: SignUpUseCase,
    @Inject(ConfirmationUseCases) private readonly confirmation: ConfirmationUseCases,
    @Inject(AdminUsersUseCases) private readonly admin: AdminUsersUseCases,
    @Inject(AccountStateUseCases) private readonly accountState: AccountStateUseCases,
  ) {}

  @MessagePattern(C.signUp.pattern)
  handleSignUp(@Payload() e: CommandEnvelope<SignUpRequest>) {
    return this.signUp.execute(e.payload, e.meta.requestId);
  }

  @MessagePattern(C.confirmSignUp.pattern)
  confirm(@Payload() e: CommandEnvelope<ConfirmSignUpRequest>) {
    return this.confirmation.confirm(e.payload, e.meta.requestId);
  }

  @MessagePattern(C.resendConfirmationCode.pattern)
  resend(@Payload() e: CommandEnvelope<ResendConfirmationCodeRequest>) {
    return this.confirmation.resend(e.payload);
  }

  @MessagePattern(C.adminConfirmSignUp.pattern)
  adminConfirm(@Payload() e: CommandEnvelope<AdminUserRequest>) {
    return this.confirmation.adminConfirm(e.payload, e.meta.requestId);
  }

  @MessagePattern(C.adminGetUser.pattern)
  adminGet(@Payload() e: CommandEnvelope<AdminUserRequest>) {
    return this.admin.get(e.payload);
  }

  @MessagePattern(C.adminDeleteUser.pattern)
  adminDelete(@Payload() e: CommandEnvelope<AdminUserRequest>) {
    return this.admin.delete(e.payload, e.meta.requestId);
  }

  @MessagePattern(C.adminDisableUser.pattern)
  adminDisable(@Payload() e: CommandEnvelope<AdminUserRequest>) {
    return this.accountState.disable(e.payload, e.meta.requestId);
  }

  @MessagePattern(C.adminEnableUser.pattern)
  adminEnable(@Payload() e: CommandEnvelope<AdminUserRequest>) {
    return this.accountState.enable(e.payload, e.meta.requestId);
  }
}
