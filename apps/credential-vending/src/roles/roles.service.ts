import {
  CreateRoleRequest,
  EmptyResult,
  ListRolesRequest,
  ListRolesResult,
  RoleResult,
  UpdateAssumeRolePolicyRequest,
  UpdateRoleRequest,
} from '@idfed/contracts';
import { keysetPage } from '@idfed/persistence';
import { DataSource, EntityManager } from 'typeorm';
import { IamArns } from '../common/arns';
import { IamErrors } from '../common/iam-errors';
import { newRoleId } from '../common/ids';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { readPolicy } from '../common/policy-documents';
import { Patterns, RequestValidator } from '../common/validate';
import {
  RoleEntity,
  RoleInlinePolicyEntity,
  RolePolicyAttachmentEntity,
  TagRecord,
} from '../database/entities';
import { toRole } from './role-shape';

export const DEFAULT_MAX_SESSION_DURATION = 3600;

/** IAM's role actions: CreateRole, GetRole, ListRoles, UpdateRole, UpdateAssumeRolePolicy, DeleteRole. */
export class RolesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly arns: IamArns,
  ) {}

  async create(req: CreateRoleRequest): Promise<RoleResult> {
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
    if (req.PermissionsBoundary !== undefined) {
      throw IamErrors.invalidInput('Permissions boundaries are not supported by idfed.');
    }
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
      createdAt: now,
      updatedAt: now,
    };
    const inserted = (await this.dataSource.query(
      `INSERT INTO credential_vending.roles
         (role_id, name, name_key, path, arn, assume_role_policy, description, max_session_duration, tags, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
       ON CONFLICT DO NOTHING RETURNING role_id`,
      [
        role.roleId,
        role.name,
        role.nameKey,
        role.path,
        role.arn,
        role.assumeRolePolicy,
        role.description,
        role.maxSessionDuration,
        JSON.stringify(role.tags),
        now,
      ],
    )) as unknown[];
    if (inserted.length === 0) throw IamErrors.roleExists(req.RoleName);
    return { Role: toRole(role) };
  }

  async get(roleName: string): Promise<RoleResult> {
    return { Role: toRole(await this.require(this.dataSource.manager, roleName)) };
  }

  async list(req: ListRolesRequest): Promise<ListRolesResult> {
    RequestValidator.of(req)
      .string('PathPrefix', { min: 1, max: 512, pattern: Patterns.pathPrefix })
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    const after = decodeMarker(req.Marker);
    const max = req.MaxItems ?? DEFAULT_MAX_ITEMS;
    const query = this.dataSource
      .getRepository(RoleEntity)
      .createQueryBuilder('r')
      .where('r.path LIKE :prefix', { prefix: `${escapeLike(req.PathPrefix ?? '/')}%` });
    const { page, next } = await keysetPage(query, 'r.name_key', after, max, (r) => r.nameKey);
    return {
      Roles: page.map((r) => toRole(r, { tags: false })),
      IsTruncated: next !== undefined,
      ...(next !== undefined ? { Marker: encodeMarker(next) } : {}),
    };
  }

  async update(req: UpdateRoleRequest): Promise<EmptyResult> {
    RequestValidator.of(req)
      .string('RoleName', { required: true, min: 1, max: 64, pattern: Patterns.roleName })
      .string('Description', { max: 1000, pattern: Patterns.description })
      .integer('MaxSessionDuration', { min: 3600, max: 43200 })
      .check();
    await this.dataSource.transaction(async (m) => {
      const role = await this.require(m, req.RoleName, true);
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

  async updateAssumeRolePolicy(req: UpdateAssumeRolePolicyRequest): Promise<EmptyResult> {
    RequestValidator.of(req)
      .string('RoleName', { required: true, min: 1, max: 64, pattern: Patterns.roleName })
      .string('PolicyDocument', { required: true, min: 1, max: 131072, pattern: Patterns.policyDocument })
      .check();
    readTrustPolicy(req.PolicyDocument);
    await this.dataSource.transaction(async (m) => {
      const role = await this.require(m, req.RoleName, true);
      await m.update(
        RoleEntity,
        { roleId: role.roleId },
        { assumeRolePolicy: req.PolicyDocument, updatedAt: new Date() },
      );
    });
    return {};
  }

  /** Like IAM: a role with inline or attached policies cannot be deleted (DeleteConflict). */
  async delete(roleName: string): Promise<EmptyResult> {
    await this.dataSource.transaction(async (m) => {
      const role = await this.require(m, roleName, true);
      if (await m.exists(RoleInlinePolicyEntity, { where: { roleId: role.roleId } })) {
        throw IamErrors.roleHasInlinePolicies();
      }
      if (await m.exists(RolePolicyAttachmentEntity, { where: { roleId: role.roleId } })) {
        throw IamErrors.roleHasAttachedPolicies();
      }
      await m.delete(RoleEntity, { roleId: role.roleId });
    });
    return {};
  }

  /** Loads a role by name (case-insensitively, as IAM) or fails with NoSuchEntity; `lock` holds it. */
  async require(manager: EntityManager, roleName: string, lock = false): Promise<RoleEntity> {
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
  async findByArn(manager: EntityManager, roleArn: string): Promise<RoleEntity | undefined> {
    return (await manager.findOne(RoleEntity, { where: { arn: roleArn } })) ?? undefined;
  }
}

/** A trust policy: Principal required, no Resource, at most 2,048 characters (IAM's default quota). */
export function readTrustPolicy(text: string) {
  return readPolicy(text, 'trust', { limit: 'trustPolicy', quotaName: 'ACLSizePerRole' });
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
