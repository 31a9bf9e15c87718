import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CommandEnvelope,
  CreateRoleRequest,
  CredentialVendingCommands as C,
  ListAttachedRolePoliciesRequest,
  ListRolePoliciesRequest,
  ListRolesRequest,
  PutRolePolicyRequest,
  RoleArnRequest,
  RoleNameRequest,
  RolePolicyAttachmentRequest,
  RolePolicyRequest,
  UpdateAssumeRolePolicyRequest,
  UpdateRoleRequest,
} from '@idfed/contracts';
import { RolePoliciesService } from './role-policies.service';
import { RolesService } from './roles.service';

@Controller()
export class RolesHandlers {
  constructor(
    @Inject(RolesService) private readonly roles: RolesService,
    @Inject(RolePoliciesService) private readonly rolePolicies: RolePoliciesService,
  ) {}

  @MessagePattern(C.createRole.pattern)
  create(@Payload() e: CommandEnvelope<CreateRoleRequest>) {
    return this.roles.create(e.payload);
  }

  @MessagePattern(C.getRole.pattern)
  get(@Payload() e: CommandEnvelope<RoleNameRequest>) {
    return this.roles.get(e.payload.RoleName);
  }

  @MessagePattern(C.listRoles.pattern)
  list(@Payload() e: CommandEnvelope<ListRolesRequest>) {
    return this.roles.list(e.payload);
  }

  @MessagePattern(C.updateRole.pattern)
  update(@Payload() e: CommandEnvelope<UpdateRoleRequest>) {
    return this.roles.update(e.payload);
  }

  @MessagePattern(C.updateAssumeRolePolicy.pattern)
  updateTrust(@Payload() e: CommandEnvelope<UpdateAssumeRolePolicyRequest>) {
    return this.roles.updateAssumeRolePolicy(e.payload);
  }

  @MessagePattern(C.deleteRole.pattern)
  delete(@Payload() e: CommandEnvelope<RoleNameRequest>) {
    return this.roles.delete(e.payload.RoleName);
  }

  @MessagePattern(C.putRolePolicy.pattern)
  putPolicy(@Payload() e: CommandEnvelope<PutRolePolicyRequest>) {
    return this.rolePolicies.put(e.payload);
  }

  @MessagePattern(C.getRolePolicy.pattern)
  getPolicy(@Payload() e: CommandEnvelope<RolePolicyRequest>) {
    return this.rolePolicies.get(e.payload);
  }

  @MessagePattern(C.listRolePolicies.pattern)
  listPolicies(@Payload() e: CommandEnvelope<ListRolePoliciesRequest>) {
    return this.rolePolicies.list(e.payload);
  }

  @MessagePattern(C.deleteRolePolicy.pattern)
  deletePolicy(@Payload() e: CommandEnvelope<RolePolicyRequest>) {
    return this.rolePolicies.delete(e.payload);
  }

  @MessagePattern(C.attachRolePolicy.pattern)
  attach(@Payload() e: CommandEnvelope<RolePolicyAttachmentRequest>) {
    return this.rolePolicies.attach(e.payload);
  }

  @MessagePattern(C.detachRolePolicy.pattern)
  detach(@Payload() e: CommandEnvelope<RolePolicyAttachmentRequest>) {
    return this.rolePolicies.detach(e.payload);
  }

  @MessagePattern(C.listAttachedRolePolicies.pattern)
  listAttached(@Payload() e: CommandEnvelope<ListAttachedRolePoliciesRequest>) {
    return this.rolePolicies.listAttached(e.payload);
  }

  @MessagePattern(C.getRolePermissions.pattern)
  permissions(@Payload() e: CommandEnvelope<RoleArnRequest>) {
    return this.rolePolicies.permissions(e.payload.RoleArn);
  }
}
