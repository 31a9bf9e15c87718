import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { IamErrors } from '../common/iam-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { RoleEntity } from '../database/entities';

/** Finds the role an operation names, by name (for IAM) or by ARN (for STS and the authorizer). */
@Injectable()
export class RoleLookup {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Loads a role by name (case-insensitively, as IAM) or fails with NoSuchEntity; `lock` holds it. */
  async require(roleName: string, manager: EntityManager = this.dataSource.manager, lock = false) {
    RequestValidator.of({ RoleName: roleName })
      .string('RoleName', { required: true, min: 1, max: 64, pattern: Patterns.roleName })
      .check();
    const role = await manager.findOne(RoleEntity, {
      where: { nameKey: roleName.toLowerCase() },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!role) throw IamErrors.noSuchRole(roleName);
    return role;
  }

  /** Loads a role by ARN, or undefined: STS answers AccessDenied rather than revealing what exists. */
  async findByArn(roleArn: string, manager: EntityManager = this.dataSource.manager) {
    return (await manager.findOne(RoleEntity, { where: { arn: roleArn } })) ?? undefined;
  }
}
