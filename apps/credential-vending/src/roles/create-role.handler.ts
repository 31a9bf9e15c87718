import { Inject, Injectable } from '@nestjs/common';
import { CreateRoleRequest, CredentialVendingOperations, RoleResult } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamArns } from '../common/arns';
import { IamErrors } from '../common/iam-errors';
import { newRoleId } from '../common/ids';
import { Patterns, RequestValidator } from '../common/validate';
import { RoleEntity, TagRecord } from '../database/entities';
import { ManagedPolicyLookup } from '../policies/managed-policy.lookup';
import { RolesRepository } from './roles.repository';
import { toRole } from './role-shape';
import { DEFAULT_MAX_SESSION_DURATION, readTrustPolicy } from './trust-policy';
import { refuseReservedTagKeys } from '../common/iam-tags';

@Injectable()
export class CreateRoleHandler implements OperationHandler<typeof CredentialVendingOperations.CreateRole> {
  constructor(
    @Inject(RolesRepository) private readonly roles: RolesRepository,
    @Inject(IamArns) private readonly arns: IamArns,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(ManagedPolicyLookup) private readonly policies: ManagedPolicyLookup,
  ) {}

  async execute(req: CreateRoleRequest): Promise<RoleResult> {
    RequestValidator.of(req)
      .string('RoleName', { required: true, min: 1, max: 64, pattern: Patterns.roleName })
      .string('Path', { min: 1, max: 512, pattern: Patterns.path })
      .string('AssumeRolePolicyDocument', {
        required: true,
        min: 1,
        max: 131072,
        pattern: Patterns.policyDocument,
      })
      .string('Description', { max: 1000, pattern: Patterns.description })
      .integer('MaxSessionDuration', { min: 3600, max: 43200 })
      .string('PermissionsBoundary', { min: 20, max: 2048 })
      .tags()
      .check();
    refuseReservedTagKeys(req.Tags);
    readTrustPolicy(req.AssumeRolePolicyDocument);
    const path = req.Path ?? '/';
    const now = new Date();
    const role: RoleEntity = {
      roleId: newRoleId(),
      name: req.RoleName,
      nameKey: req.RoleName.toLowerCase(),
      path,
      arn: this.arns.role(path, req.RoleName),
      assumeRolePolicy: req.AssumeRolePolicyDocument,
      description: req.Description ?? null,
      maxSessionDuration: req.MaxSessionDuration ?? DEFAULT_MAX_SESSION_DURATION,
      tags: (req.Tags ?? []).map((t): TagRecord => ({ Key: t.Key, Value: t.Value ?? '' })),
      permissionsBoundary: req.PermissionsBoundary ?? null,
      createdAt: now,
      updatedAt: now,
    };
    await this.transactions.run(async (tx) => {
      // The boundary's row is locked (shared with DeletePolicy's check) until the role is written.
      if (req.PermissionsBoundary !== undefined) await this.requireBoundary(req.PermissionsBoundary, tx);
      if ((await this.roles.insert(role, tx)) === 'exists') throw IamErrors.roleExists(req.RoleName);
    });
    return { Role: toRole(role) };
  }

  /** The boundary's row, locked (shared with DeletePolicy's check) until the role is written. */
  private async requireBoundary(arn: string, tx: Transaction): Promise<void> {
    try {
      await this.policies.requireByArn(arn, tx, true);
    } catch (err) {
      if (err instanceof ServiceError && err.errorName === 'NoSuchEntity') {
        throw new ServiceError('NoSuchEntity', `Scope ARN: ${arn} does not exist or is not attachable.`);
      }
      throw err;
    }
  }
}
