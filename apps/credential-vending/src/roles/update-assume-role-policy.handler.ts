import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, UpdateAssumeRolePolicyRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { Patterns, RequestValidator } from '../common/validate';
import { RoleEntity } from '../database/entities';
import { RoleLookup } from './role.lookup';
import { readTrustPolicy } from './trust-policy';

@Injectable()
export class UpdateAssumeRolePolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.UpdateAssumeRolePolicy
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(RoleLookup) private readonly roles: RoleLookup,
  ) {}

  async execute(req: UpdateAssumeRolePolicyRequest): Promise<EmptyResult> {
    RequestValidator.of(req)
      .string('RoleName', { required: true, min: 1, max: 64, pattern: Patterns.roleName })
      .string('PolicyDocument', { required: true, min: 1, max: 131072, pattern: Patterns.policyDocument })
      .check();
    readTrustPolicy(req.PolicyDocument);
    await this.dataSource.transaction(async (m) => {
      const role = await this.roles.require(req.RoleName, m, true);
      await m.update(
        RoleEntity,
        { roleId: role.roleId },
        { assumeRolePolicy: req.PolicyDocument, updatedAt: new Date() },
      );
    });
    return {};
  }
}
