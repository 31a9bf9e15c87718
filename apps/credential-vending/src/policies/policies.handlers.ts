import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CommandEnvelope,
  CreatePolicyRequest,
  CredentialVendingCommands as C,
  PolicyArnRequest,
} from '@idfed/contracts';
import { ManagedPoliciesService } from './managed-policies.service';

@Controller()
export class PoliciesHandlers {
  constructor(@Inject(ManagedPoliciesService) private readonly policies: ManagedPoliciesService) {}

  @MessagePattern(C.createPolicy.pattern)
  create(@Payload() e: CommandEnvelope<CreatePolicyRequest>) {
    return this.policies.create(e.payload);
  }

  @MessagePattern(C.getPolicy.pattern)
  get(@Payload() e: CommandEnvelope<PolicyArnRequest>) {
    return this.policies.get(e.payload.PolicyArn);
  }

  @MessagePattern(C.deletePolicy.pattern)
  delete(@Payload() e: CommandEnvelope<PolicyArnRequest>) {
    return this.policies.delete(e.payload.PolicyArn);
  }
}
