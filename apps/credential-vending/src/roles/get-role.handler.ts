import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, RoleNameRequest, RoleResult } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { RoleLookup } from './role.lookup';
import { toRole } from './role-shape';

@Injectable()
export class GetRoleHandler implements OperationHandler<typeof CredentialVendingOperations.GetRole> {
  constructor(@Inject(RoleLookup) private readonly roles: RoleLookup) {}

  async execute(req: RoleNameRequest): Promise<RoleResult> {
    return { Role: toRole(await this.roles.require(req.RoleName)) };
  }
}
