import {
  EmptyResult,
  GetRolePolicyResult,
  ListAttachedRolePoliciesRequest,
  ListAttachedRolePoliciesResult,
  ListRolePoliciesRequest,
  ListRolePoliciesResult,
  PutRolePolicyRequest,
  RolePermissionsResult,
  RolePolicyAttachmentRequest,
  RolePolicyRequest,
} from '@idfed/contracts';
import { POLICY_SIZE_LIMITS } from '@idfed/policy';
import { ServiceError } from '@idfed/messaging';
import { DataSource } from 'typeorm';
import { IamErrors } from '../common/iam-errors';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { readPolicy, urlEncodedDocument } from '../common/policy-documents';
import { Patterns, RequestValidator } from '../common/validate';
import { RoleInlinePolicyEntity, RolePolicyAttachmentEntity } from '../database/entities';
import { ManagedPoliciesService } from '../policies/managed-policies.service';
import { RolesService } from './roles.service';

/** IAM's default quota of managed policies attached to one role. */
export const MAX_ATTACHED_POLICIES_PER_ROLE = 10;

/** A role's permissions: inline policies and attached managed policies. */
export class RolePoliciesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly roles: RolesService,
    private readonly policies: ManagedPoliciesService,
  ) {}

  private validateNames(req: object, withPolicyName: boolean): void {
    const v = RequestValidator.of(req).string('RoleName', {
      required: true,
      min: 1,
      max: 64,
      pattern: Patterns.roleName,
    });
    if (withPolicyName)
      v.string('PolicyName', { required: true, min: 1, max: 128, pattern: Patterns.policyName });
    v.check();
  }

  /** Creates or replaces an inline policy; all inline policies of a role share IAM's 10,240-character quota. */
  async put(req: PutRolePolicyRequest): Promise<EmptyResult> {
    this.validateNames(req, true);
    RequestValidator.of(req)
      .string('PolicyDocument', { required: true, min: 1, max: 131072, pattern: Patterns.policyDocument })
      .check();
    const policy = readPolicy(req.PolicyDocument, 'identity', { label: req.PolicyName });
    const size = policy.size.withoutWhitespace;
    await this.dataSource.transaction(async (m) => {
      const role = await this.roles.require(m, req.RoleName, true);
      const [{ total }] = (await m.query(
        `SELECT COALESCE(SUM(document_size), 0)::int AS total FROM credential_vending.role_inline_policies
          WHERE role_id = $1 AND policy_name <> $2`,
        [role.roleId, req.PolicyName],
      )) as { total: number }[];
      if (total + size > POLICY_SIZE_LIMITS.inlineRolePolicy) {
        throw new ServiceError(
          'LimitExceeded',
          `Maximum policy size of ${POLICY_SIZE_LIMITS.inlineRolePolicy} bytes exceeded for role ${role.name}`,
        );
      }
      await m.query(
        `INSERT INTO credential_vending.role_inline_policies (role_id, policy_name, document, document_size, updated_at)
         VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (role_id, policy_name) DO UPDATE
           SET document = EXCLUDED.document, document_size = EXCLUDED.document_size, updated_at = now()`,
        [role.roleId, req.PolicyName, req.PolicyDocument, size],
      );
    });
    return {};
  }

  async get(req: RolePolicyRequest): Promise<GetRolePolicyResult> {
    this.validateNames(req, true);
    const m = this.dataSource.manager;
    const role = await this.roles.require(m, req.RoleName);
    const policy = await m.findOne(RoleInlinePolicyEntity, {
      where: { roleId: role.roleId, policyName: req.PolicyName },
    });
    if (!policy) throw IamErrors.noSuchRolePolicy(role.name, req.PolicyName);
    return {
      RoleName: role.name,
      PolicyName: policy.policyName,
      PolicyDocument: urlEncodedDocument(policy.document),
    };
  }

  async list(req: ListRolePoliciesRequest): Promise<ListRolePoliciesResult> {
    this.validateNames(req, false);
    RequestValidator.of(req)
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    const after = decodeMarker(req.Marker);
    const max = req.MaxItems ?? DEFAULT_MAX_ITEMS;
    const m = this.dataSource.manager;
    const role = await this.roles.require(m, req.RoleName);
    const rows = (await m.query(
      `SELECT policy_name FROM credential_vending.role_inline_policies
        WHERE role_id = $1 AND ($2::text IS NULL OR policy_name > $2) ORDER BY policy_name LIMIT $3`,
      [role.roleId, after ?? null, max + 1],
    )) as { policy_name: string }[];
    const page = rows.slice(0, max).map((r) => r.policy_name);
    const truncated = rows.length > max;
    return {
      PolicyNames: page,
      IsTruncated: truncated,
      ...(truncated ? { Marker: encodeMarker(page[page.length - 1]) } : {}),
    };
  }

  async delete(req: RolePolicyRequest): Promise<EmptyResult> {
    this.validateNames(req, true);
    await this.dataSource.transaction(async (m) => {
      const role = await this.roles.require(m, req.RoleName, true);
      const result = await m.delete(RoleInlinePolicyEntity, {
        roleId: role.roleId,
        policyName: req.PolicyName,
      });
      if (!result.affected) throw IamErrors.noSuchRolePolicy(role.name, req.PolicyName);
    });
    return {};
  }

  async attach(req: RolePolicyAttachmentRequest): Promise<EmptyResult> {
    this.validateAttachment(req);
    await this.dataSource.transaction(async (m) => {
      const role = await this.roles.require(m, req.RoleName, true);
      const policy = await this.policies.requireByArn(m, req.PolicyArn);
      const attached = await m.count(RolePolicyAttachmentEntity, { where: { roleId: role.roleId } });
      const already = await m.exists(RolePolicyAttachmentEntity, {
        where: { roleId: role.roleId, policyId: policy.policyId },
      });
      if (already) return; // attaching twice is a no-op in IAM
      if (attached >= MAX_ATTACHED_POLICIES_PER_ROLE) {
        throw IamErrors.limitExceeded('PoliciesPerRole', MAX_ATTACHED_POLICIES_PER_ROLE);
      }
      await m.insert(RolePolicyAttachmentEntity, {
        roleId: role.roleId,
        policyId: policy.policyId,
        attachedAt: new Date(),
      });
    });
    return {};
  }

  async detach(req: RolePolicyAttachmentRequest): Promise<EmptyResult> {
    this.validateAttachment(req);
    await this.dataSource.transaction(async (m) => {
      const role = await this.roles.require(m, req.RoleName, true);
      const policy = await this.policies.requireByArn(m, req.PolicyArn);
      const result = await m.delete(RolePolicyAttachmentEntity, {
        roleId: role.roleId,
        policyId: policy.policyId,
      });
      if (!result.affected) throw IamErrors.policyNotAttached(req.PolicyArn);
    });
    return {};
  }

  async listAttached(req: ListAttachedRolePoliciesRequest): Promise<ListAttachedRolePoliciesResult> {
    this.validateNames(req, false);
    RequestValidator.of(req)
      .string('PathPrefix', { min: 1, max: 512, pattern: Patterns.policyPath })
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    const after = decodeMarker(req.Marker);
    const max = req.MaxItems ?? DEFAULT_MAX_ITEMS;
    const m = this.dataSource.manager;
    const role = await this.roles.require(m, req.RoleName);
    const rows = (await m.query(
      `SELECT p.name, p.arn, p.name_key FROM credential_vending.role_policy_attachments a
         JOIN credential_vending.managed_policies p ON p.policy_id = a.policy_id
        WHERE a.role_id = $1 AND p.path LIKE $2 AND ($3::text IS NULL OR p.name_key > $3)
        ORDER BY p.name_key LIMIT $4`,
      [
        role.roleId,
        `${(req.PathPrefix ?? '/').replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
        after ?? null,
        max + 1,
      ],
    )) as { name: string; arn: string; name_key: string }[];
    const page = rows.slice(0, max);
    const truncated = rows.length > max;
    return {
      AttachedPolicies: page.map((r) => ({ PolicyName: r.name, PolicyArn: r.arn })),
      IsTruncated: truncated,
      ...(truncated ? { Marker: encodeMarker(page[page.length - 1].name_key) } : {}),
    };
  }

  /**
   * Everything that grants the role's sessions their permissions, for the authorizer: the inline
   * policies and the default version of each attached managed policy.
   */
  async permissions(roleArn: string): Promise<RolePermissionsResult> {
    RequestValidator.of({ RoleArn: roleArn })
      .string('RoleArn', { required: true, min: 20, max: 2048 })
      .check();
    const m = this.dataSource.manager;
    const role = await this.roles.findByArn(m, roleArn);
    if (!role) throw new ServiceError('NoSuchEntity', `The role with ARN ${roleArn} cannot be found.`);
    const inline = await m.find(RoleInlinePolicyEntity, {
      where: { roleId: role.roleId },
      order: { policyName: 'ASC' },
    });
    const managed = (await m.query(
      `SELECT p.arn, v.document FROM credential_vending.role_policy_attachments a
         JOIN credential_vending.managed_policies p ON p.policy_id = a.policy_id
         JOIN credential_vending.managed_policy_versions v
           ON v.policy_id = p.policy_id AND v.version_id = p.default_version_id
        WHERE a.role_id = $1 ORDER BY p.arn`,
      [role.roleId],
    )) as { arn: string; document: string }[];
    return {
      RoleArn: role.arn,
      RoleId: role.roleId,
      Policies: [
        ...inline.map((p) => ({ Label: `${role.name}/${p.policyName}`, Document: p.document })),
        ...managed.map((p) => ({ Label: p.arn, Document: p.document })),
      ],
    };
  }

  private validateAttachment(req: RolePolicyAttachmentRequest): void {
    this.validateNames(req, false);
    RequestValidator.of(req).string('PolicyArn', { required: true, min: 20, max: 2048 }).check();
  }
}
