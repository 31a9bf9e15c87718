import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, UpdateRoleRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { Patterns, RequestValidator } from '../common/validate';
import { RoleEntity } from '../database/entities';
import { RoleLookup } from './role.lookup';

@Injectable()
export class UpdateRoleHandler implements OperationHandler<typeof CredentialVendingOperations.UpdateRole> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(RoleLookup) private readonly roles: RoleLookup,
  ) {}

  async execute(req: UpdateRoleRequest): Promise<EmptyResult> {
    RequestValidator.of(req)
      .string('RoleName', { required: true, min: 1, max: 64, pattern: Patterns.roleName })
      .string('Description', { max: 1000, pattern: Patterns.description })
      .integer('MaxSessionDuration', { min: 3600, max: 43200 })
      .check();
    await this.dataSource.transaction(async (m) => {
      const role = await this.roles.require(req.RoleName, m, true);
      await m.update(
        RoleEntity,
        { roleId: role.roleId },
        {
          ...(req.Description !== undefined ? { description: req.Description || null } : {}),
          ...(req.MaxSessionDuration !== undefined ? { maxSessionDuration: req.MaxSessionDuration } : {}),
          updatedAt: new Date(),
        },
      );
    });
    return {};
  }
}
