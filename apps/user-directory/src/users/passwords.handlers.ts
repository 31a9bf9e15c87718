import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AdminCreateUserRequest,
  AdminSetUserPasswordRequest,
  ChangePasswordRequest,
  CommandEnvelope,
  ConfirmForgotPasswordRequest,
  ForgotPasswordRequest,
  UserDirectoryCommands as C,
} from '@idfed/contracts';
import { AdminCreateUserUseCase } from './admin-create-user.use-case';
import { AdminSetUserPasswordUseCase } from './admin-set-user-password.use-case';
import { ChangePasswordUseCase } from './change-password.use-case';
import { PasswordResetUseCases } from './password-reset.use-cases';

/** The password lifecycle: reset, change, and passwords an administrator sets. */
@Controller()
export class PasswordsHandlers {
  constructor(
    @Inject(PasswordResetUseCases) private readonly reset: PasswordResetUseCases,
    @Inject(ChangePasswordUseCase) private readonly change: ChangePasswordUseCase,
    @Inject(AdminSetUserPasswordUseCase) private readonly adminSet: AdminSetUserPasswordUseCase,
    @Inject(AdminCreateUserUseCase) private readonly adminCreate: AdminCreateUserUseCase,
  ) {}

  @MessagePattern(C.forgotPassword.pattern)
  forgotPassword(@Payload() e: CommandEnvelope<ForgotPasswordRequest>) {
    return this.reset.forgot(e.payload);
  }

  @MessagePattern(C.confirmForgotPassword.pattern)
  confirmForgotPassword(@Payload() e: CommandEnvelope<ConfirmForgotPasswordRequest>) {
    return this.reset.confirm(e.payload);
  }

  @MessagePattern(C.changePassword.pattern)
  changePassword(@Payload() e: CommandEnvelope<ChangePasswordRequest>) {
    return this.change.execute(e.payload);
  }

  @MessagePattern(C.adminSetUserPassword.pattern)
  adminSetUserPassword(@Payload() e: CommandEnvelope<AdminSetUserPasswordRequest>) {
    return this.adminSet.execute(e.payload, e.meta.requestId);
  }

  @MessagePattern(C.adminCreateUser.pattern)
  adminCreateUser(@Payload() e: CommandEnvelope<AdminCreateUserRequest>) {
    return this.adminCreate.execute(e.payload, e.meta.requestId);
  }
}
