import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AssumeRoleRequest,
  AssumeRoleWithWebIdentityRequest,
  CommandEnvelope,
  CredentialVendingCommands as C,
} from '@idfed/contracts';
import { AssumeRoleUseCase } from './assume-role.use-case';
import { AssumeRoleWithWebIdentityUseCase } from './assume-role-with-web-identity.use-case';

@Controller()
export class StsHandlers {
  constructor(
    @Inject(AssumeRoleWithWebIdentityUseCase) private readonly webIdentity: AssumeRoleWithWebIdentityUseCase,
    @Inject(AssumeRoleUseCase) private readonly assumeRole: AssumeRoleUseCase,
  ) {}

  @MessagePattern(C.assumeRoleWithWebIdentity.pattern)
  assumeWithWebIdentity(@Payload() e: CommandEnvelope<AssumeRoleWithWebIdentityRequest>) {
    return this.webIdentity.execute(e.payload, e.meta);
  }

  @MessagePattern(C.assumeRole.pattern)
  assume(@Payload() e: CommandEnvelope<AssumeRoleRequest>) {
    return this.assumeRole.execute(e.payload, e.meta);
  }
}
