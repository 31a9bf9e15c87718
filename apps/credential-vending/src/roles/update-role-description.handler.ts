import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, RoleResult, UpdateRoleDescriptionRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { Patterns, RequestValidator } from '../common/validate';
import { RoleLookup } from './role.lookup';
import { RolesRepository } from './roles.repository';
import { toRole } from './role-shape';

/** IAM's older UpdateRole for the description alone; unlike UpdateRole it answers the role. */
@Injectable()
export class UpdateRoleDescriptionHandler implements OperationHandler<
  typeof CredentialVendingOperations.UpdateRoleDescription
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(RoleLookup) private readonly lookup: RoleLookup,
    @Inject(RolesRepository) private readonly roles: RolesRepository,
  ) {}

  async execute(req: UpdateRoleDescriptionRequest): Promise<RoleResult> {
    RequestValidator.of(req)
      .string('Description', { required: true, max: 1000, pattern: Patterns.description })
      .check();
    const role = await this.transactions.run(async (tx) => {
      const found = await this.lookup.require(req.RoleName, tx, true);
      await this.roles.update(found.roleId, { description: req.Description || null }, tx);
      return { ...found, description: req.Description || null };
    });
    return { Role: toRole(role) };
  }
}
