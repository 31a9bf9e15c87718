import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CommandEnvelope, CredentialVendingCommands as C, RevokeRoleSessionsRequest } from '@idfed/contracts';
import { RevocationsService } from './revocations.service';

@Controller()
export class RevocationsHandlers {
  constructor(@Inject(RevocationsService) private readonly revocations: RevocationsService) {}

  @MessagePattern(C.revokeRoleSessions.pattern)
  revoke(@Payload() e: CommandEnvelope<RevokeRoleSessionsRequest>) {
    return this.revocations.revoke(e.payload, e.meta.requestId);
  }

  @MessagePattern(C.listRevocations.pattern)
  list() {
    return this.revocations.list();
  }
}
