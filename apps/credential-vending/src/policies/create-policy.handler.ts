import { Inject, Injectable } from '@nestjs/common';
import { CreatePolicyRequest, CredentialVendingOperations, PolicyResult } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { IamArns } from '../common/arns';
import { IamErrors } from '../common/iam-errors';
import { newPolicyId } from '../common/ids';
import { readPolicy } from '../common/policy-documents';
import { Patterns, RequestValidator } from '../common/validate';
import { ManagedPolicyEntity, ManagedPolicyVersionEntity, TagRecord } from '../database/entities';
import { toManagedPolicy } from './managed-policy-shape';

/** A customer managed policy with one version (v1), the default. */
@Injectable()
export class CreatePolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.CreatePolicy
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(IamArns) private readonly arns: IamArns,
  ) {}

  async execute(req: CreatePolicyRequest): Promise<PolicyResult> {
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
      const inserted = await m.query<unknown[]>(
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
      );
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
}
