import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, UpdateRoleRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Transactions } from '@idfed/persistence';
import { Patterns, RequestValidator } from '../common/validate';
import { RoleLookup } from './role.lookup';
import { RolesRepository } from './roles.repository';

@Injectable()
export class UpdateRoleHandler implements OperationHandler<typeof CredentialVendingOperations.UpdateRole> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(RoleLookup) private readonly lookup: RoleLookup,
    @Inject(RolesRepository) private readonly roles: RolesRepository,
  ) {}

  async execute(req: UpdateRoleRequest): Promise<EmptyResult> {
    RequestValidator.of(req)
      .string('RoleName', { required: true, min: 1, max: 64, pattern: Patterns.roleName })
      .string('Description', { max: 1000, pattern: Patterns.description })
      .integer('MaxSessionDuration', { min: 3600, max: 43200 })
      .check();
    await this.transactions.run(async (tx) => {
      const role = await this.lookup.require(req.RoleName, tx, true);
      await this.roles.update(
        role.roleId,
        {
          ...(req.Description !== undefined ? { description: req.Description || null } : {}),
          ...(req.MaxSessionDuration !== undefined ? { maxSessionDuration: req.MaxSessionDuration } : {}),
        },
        tx,
      );
    });
    return {};
  }
}
