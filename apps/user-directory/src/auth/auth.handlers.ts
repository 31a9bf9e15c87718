import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AccessTokenRequest,
  CommandEnvelope,
  InitiateAuthRequest,
  RespondToAuthChallengeRequest,
  UserDirectoryCommands as C,
} from '@idfed/contracts';
import { GetUserUseCase } from './get-user.use-case';
import { InitiateAuthUseCase } from './initiate-auth.use-case';
import { RespondToAuthChallengeUseCase } from './respond-to-auth-challenge.use-case';

@Controller()
export class AuthHandlers {
  constructor(
    @Inject(InitiateAuthUseCase) private readonly initiateAuth: InitiateAuthUseCase,
    @Inject(RespondToAuthChallengeUseCase) private readonly respondToChallenge: RespondToAuthChallengeUseCase,
    @Inject(GetUserUseCase) private readonly getUser: GetUserUseCase,
  ) {}

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
}
