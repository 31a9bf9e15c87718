import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { IamErrors } from '../common/iam-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { RoleEntity } from '../database/entities';
import { RolesRepository } from './roles.repository';

/** Finds the role an operation names, by name (for IAM) or by ARN (for STS and the authorizer). */
@Injectable()
export class RoleLookup {
  constructor(@Inject(RolesRepository) private readonly roles: RolesRepository) {}

  /** Loads a role by name (case-insensitively, as IAM) or fails with NoSuchEntity; `lock` holds it. */
  async require(roleName: string, tx?: Transaction, lock = false): Promise<RoleEntity> {
    RequestValidator.of({ RoleName: roleName })
      .string('RoleName', { required: true, min: 1, max: 64, pattern: Patterns.roleName })
      .check();
    const role = await this.roles.findByName(roleName, tx, lock);
    if (!role) throw IamErrors.noSuchRole(roleName);
    return role;
  }

  /** Loads a role by ARN, or undefined: STS answers AccessDenied rather than revealing what exists. */
  findByArn(roleArn: string): Promise<RoleEntity | undefined> {
    return this.roles.findByArn(roleArn);
  }
}
