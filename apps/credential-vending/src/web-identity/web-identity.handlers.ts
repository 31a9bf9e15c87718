import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CommandEnvelope, VerifyWebIdentityTokenRequest, WebIdentityCommands } from '@idfed/contracts';
import { VerifyWebIdentityTokenUseCase } from './verify-web-identity-token.use-case';

@Controller()
export class WebIdentityHandlers {
  constructor(
    @Inject(VerifyWebIdentityTokenUseCase) private readonly verify: VerifyWebIdentityTokenUseCase,
  ) {}

  @MessagePattern(WebIdentityCommands.verifyWebIdentityToken.pattern)
  verifyToken(@Payload() e: CommandEnvelope<VerifyWebIdentityTokenRequest>) {
    return this.verify.execute(e.payload);
  }
}
