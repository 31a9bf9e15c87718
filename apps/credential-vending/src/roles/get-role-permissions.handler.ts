import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, RoleArnRequest, RolePermissionsResult } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { RolePermissions } from './role-permissions';

/** The gateway's authorizer asks for a session's role permissions (cached there). */
@Injectable()
export class GetRolePermissionsHandler implements OperationHandler<
  typeof CredentialVendingOperations.GetRolePermissions
> {
  constructor(@Inject(RolePermissions) private readonly permissions: RolePermissions) {}

  execute(req: RoleArnRequest): Promise<RolePermissionsResult> {
    return this.permissions.of(req.RoleArn);
  }
}
