import { CreatePolicyRequest, EmptyResult, ManagedPolicy, PolicyResult } from '@idfed/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { IamArns } from '../common/arns';
import { IamErrors } from '../common/iam-errors';
import { newPolicyId } from '../common/ids';
import { readPolicy } from '../common/policy-documents';
import { awsTimestamp } from '../common/timestamps';
import { Patterns, RequestValidator } from '../common/validate';
import {
  ManagedPolicyEntity,
  ManagedPolicyVersionEntity,
  RolePolicyAttachmentEntity,
  TagRecord,
} from '../database/entities';

/** Customer managed policies: CreatePolicy, GetPolicy, DeletePolicy. One version (v1), the default. */
export class ManagedPoliciesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly arns: IamArns,
  ) {}

  async create(req: CreatePolicyRequest): Promise<PolicyResult> {
    RequestValidator.of(req)
      .string('PolicyName', { required: true, min: 1, max: 128, pattern: Patterns.policyName })
      .string('Path', { min: 1, max: 512, pattern: Patterns.policyPath })
      .string('PolicyDocument', { required: true, min: 1, max: 131072, pattern: Patterns.policyDocument })
      .string('Description', { max: 1000 })
      .tags()
      .check();
    readPolicy(req.PolicyDocument, 'identity', { label: req.PolicyName, limit: 'managedPolicy' });
    const path = req.Path ?? '/';
    const now = new Date();
    const entity: ManagedPolicyEntity = {
      policyId: newPolicyId(),
      name: req.PolicyName,
      nameKey: req.PolicyName.toLowerCase(),
      path,
      arn: this.arns.policy(path, req.PolicyName),
      description: req.Description ?? null,
      defaultVersionId: 'v1',
      tags: (req.Tags ?? []).map((t): TagRecord => ({ Key: t.Key, Value: t.Value ?? '' })),
      createdAt: now,
      updatedAt: now,
    };
    await this.dataSource.transaction(async (m) => {
      const inserted = (await m.query(
        `INSERT INTO credential_vending.managed_policies
           (policy_id, name, name_key, path, arn, description, default_version_id, tags, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'v1', $7, $8, $8) ON CONFLICT DO NOTHING RETURNING policy_id`,
        [
          entity.policyId,
          entity.name,
          entity.nameKey,
          entity.path,
          entity.arn,
          entity.description,
          JSON.stringify(entity.tags),
          now,
        ],
      )) as unknown[];
      if (inserted.length === 0) throw IamErrors.policyExists(req.PolicyName);
      await m.insert(ManagedPolicyVersionEntity, {
        policyId: entity.policyId,
        versionId: 'v1',
        document: req.PolicyDocument,
        createdAt: now,
      });
    });
    return { Policy: toManagedPolicy(entity, 0) };
  }

  async get(policyArn: string): Promise<PolicyResult> {
    const m = this.dataSource.manager;
    const policy = await this.requireByArn(m, policyArn);
    const attachments = await m.count(RolePolicyAttachmentEntity, { where: { policyId: policy.policyId } });
    return { Policy: toManagedPolicy(policy, attachments) };
  }

  /** Like IAM: a policy still attached to a role cannot be deleted (DeleteConflict). */
  async delete(policyArn: string): Promise<EmptyResult> {
    await this.dataSource.transaction(async (m) => {
      const policy = await this.requireByArn(m, policyArn, true);
      if (await m.exists(RolePolicyAttachmentEntity, { where: { policyId: policy.policyId } })) {
        throw IamErrors.policyInUse();
      }
      await m.delete(ManagedPolicyEntity, { policyId: policy.policyId });
    });
    return {};
  }

  /** The default version's document of each ARN, in order; NoSuchEntity naming the first unknown one. */
  async documents(manager: EntityManager, policyArns: readonly string[]): Promise<string[]> {
    if (policyArns.length === 0) return [];
    const rows = (await manager.query(
      `SELECT p.arn, v.document FROM credential_vending.managed_policies p
         JOIN credential_vending.managed_policy_versions v
           ON v.policy_id = p.policy_id AND v.version_id = p.default_version_id
        WHERE p.arn = ANY($1::text[])`,
      [policyArns],
    )) as { arn: string; document: string }[];
    const byArn = new Map(rows.map((r) => [r.arn, r.document]));
    return policyArns.map((arn) => {
      const document = byArn.get(arn);
      if (document === undefined) throw IamErrors.noSuchPolicy(arn);
      return document;
    });
  }

  async requireByArn(manager: EntityManager, policyArn: string, lock = false): Promise<ManagedPolicyEntity> {
    RequestValidator.of({ PolicyArn: policyArn })
      .string('PolicyArn', { required: true, min: 20, max: 2048 })
      .check();
    if (policyArn.startsWith('arn:aws:iam::aws:policy/')) {
      // AWS managed policies are AWS's own documents; idfed does not ship copies of them.
      throw IamErrors.noSuchPolicy(policyArn);
    }
    if (!this.arns.parsePolicy(policyArn)) throw IamErrors.invalidInput(`ARN ${policyArn} is not valid.`);
    const policy = await manager.findOne(ManagedPolicyEntity, {
      where: { arn: policyArn },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!policy) throw IamErrors.noSuchPolicy(policyArn);
    return policy;
  }
}

export function toManagedPolicy(policy: ManagedPolicyEntity, attachmentCount: number): ManagedPolicy {
  return {
    PolicyName: policy.name,
    PolicyId: policy.policyId,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: attachmentCount,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    ...(policy.description ? { Description: policy.description } : {}),
    CreateDate: awsTimestamp(policy.createdAt),
    UpdateDate: awsTimestamp(policy.updatedAt),
    ...(policy.tags.length ? { Tags: policy.tags } : {}),
  };
}
