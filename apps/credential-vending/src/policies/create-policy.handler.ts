import { Inject, Injectable } from '@nestjs/common';
import { CreatePolicyRequest, CredentialVendingOperations, PolicyResult } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamArns } from '../common/arns';
import { IamErrors } from '../common/iam-errors';
import { newPolicyId } from '../common/ids';
import { readPolicy } from '../common/policy-documents';
import { Patterns, RequestValidator } from '../common/validate';
import { ManagedPolicyEntity, TagRecord } from '../database/entities';
import { ManagedPoliciesRepository } from './managed-policies.repository';
import { toManagedPolicy } from './managed-policy-shape';
import { refuseReservedTagKeys } from '../common/iam-tags';

/** A customer managed policy with one version (v1), the default. */
@Injectable()
export class CreatePolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.CreatePolicy
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(ManagedPoliciesRepository) private readonly policies: ManagedPoliciesRepository,
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
    refuseReservedTagKeys(req.Tags);
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
    const outcome = await this.transactions.run((tx) => this.policies.insert(entity, req.PolicyDocument, tx));
    if (outcome === 'exists') throw IamErrors.policyExists(req.PolicyName);
    return { Policy: toManagedPolicy(entity, 0) };
  }
}
