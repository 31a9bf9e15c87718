import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AccessTokenRequest,
  AdminInitiateAuthRequest,
  AdminRespondToAuthChallengeRequest,
  AdminUserRequest,
  CommandEnvelope,
  InitiateAuthRequest,
  RespondToAuthChallengeRequest,
  RevokeTokenRequest,
  UserDirectoryCommands as C,
} from '@idfed/contracts';
import { AdminInitiateAuthUseCase } from './admin-initiate-auth.use-case';
import { GetUserUseCase } from './get-user.use-case';
import { InitiateAuthUseCase } from './initiate-auth.use-case';
import { RespondToAuthChallengeUseCase } from './respond-to-auth-challenge.use-case';
import { SignOutUseCases } from './sign-out.use-cases';

@Controller()
export class AuthHandlers {
  constructor(
    @Inject(InitiateAuthUseCase) private readonly initiateAuth: InitiateAuthUseCase,
    @Inject(RespondToAuthChallengeUseCase) private readonly respondToChallenge: RespondToAuthChallengeUseCase,
    @Inject(GetUserUseCase) private readonly getUser: GetUserUseCase,
    @Inject(SignOutUseCases) private readonly signOut: SignOutUseCases,
    @Inject(AdminInitiateAuthUseCase) private readonly adminInitiateAuth: AdminInitiateAuthUseCase,
  ) {}

  @MessagePattern(C.adminInitiateAuth.pattern)
  adminInitiate(@Payload() e: CommandEnvelope<AdminInitiateAuthRequest>) {
    return this.adminInitiateAuth.execute(e.payload);
  }

  @MessagePattern(C.adminRespondToAuthChallenge.pattern)
  adminRespond(@Payload() e: CommandEnvelope<AdminRespondToAuthChallengeRequest>) {
    return this.respondToChallenge.adminExecute(e.payload);
  }

  @MessagePattern(C.initiateAuth.pattern)
  initiate(@Payload() e: CommandEnvelope<InitiateAuthRequest>) {
    return this.initiateAuth.execute(e.payload);
  }

  @MessagePattern(C.respondToAuthChallenge.pattern)
  respond(@Payload() e: CommandEnvelope<RespondToAuthChallengeRequest>) {
    return this.respondToChallenge.execute(e.payload);
  }

  @MessagePattern(C.getUser.pattern)
  user(@Payload() e: CommandEnvelope<AccessTokenRequest>) {
    return this.getUser.execute(e.payload);
  }

  @MessagePattern(C.globalSignOut.pattern)
  globalSignOut(@Payload() e: CommandEnvelope<AccessTokenRequest>) {
    return this.signOut.global(e.payload, e.meta.requestId);
  }

  @MessagePattern(C.adminUserGlobalSignOut.pattern)
  adminGlobalSignOut(@Payload() e: CommandEnvelope<AdminUserRequest>) {
    return this.signOut.adminGlobal(e.payload, e.meta.requestId);
  }

  @MessagePattern(C.revokeToken.pattern)
  revoke(@Payload() e: CommandEnvelope<RevokeTokenRequest>) {
    return this.signOut.revokeToken(e.payload);
  }
}
