import { Inject, Injectable } from '@nestjs/common';
import {
  CreatePolicyVersionRequest,
  CredentialVendingOperations,
  PolicyVersionResult,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { readPolicy } from '../common/policy-documents';
import { Patterns, RequestValidator } from '../common/validate';
import { ManagedPoliciesRepository } from './managed-policies.repository';
import { ManagedPolicyLookup } from './managed-policy.lookup';
import { MAX_POLICY_VERSIONS, toPolicyVersion } from './policy-version-shape';

/**
 * A new version of a customer managed policy, `v<n>` with n one above the highest the policy ever
 * had, made the default if asked. At most five versions: the sixth is LimitExceeded. The policy's
 * row is locked, so two racing calls get two numbers and the quota holds. Roles with the policy
 * attached are decided by the new default within the authorizers' cache time.
 */
@Injectable()
export class CreatePolicyVersionHandler implements OperationHandler<
  typeof CredentialVendingOperations.CreatePolicyVersion
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(ManagedPoliciesRepository) private readonly repository: ManagedPoliciesRepository,
    @Inject(ManagedPolicyLookup) private readonly policies: ManagedPolicyLookup,
  ) {}

  async execute(req: CreatePolicyVersionRequest): Promise<PolicyVersionResult> {
    RequestValidator.of(req)
      .string('PolicyDocument', { required: true, min: 1, max: 131072, pattern: Patterns.policyDocument })
      .boolean('SetAsDefault')
      .check();
    readPolicy(req.PolicyDocument, 'identity', { label: req.PolicyArn, limit: 'managedPolicy' });
    const at = new Date();
    const setAsDefault = req.SetAsDefault === true;
    return this.transactions.run(async (tx) => {
      const policy = await this.policies.requireByArn(req.PolicyArn, tx, true);
      const versions = await this.repository.versionsOf(policy.policyId, tx);
      if (versions.length >= MAX_POLICY_VERSIONS) throw IamErrors.tooManyPolicyVersions();
      const number = (policy.lastVersionNumber ?? 1) + 1;
      const versionId = await this.repository.addVersion(
        policy.policyId,
        { number, document: req.PolicyDocument, setAsDefault, at },
        tx,
      );
      return {
        PolicyVersion: toPolicyVersion(
          { versionId, createdAt: at },
          setAsDefault ? versionId : policy.defaultVersionId,
        ),
      };
    });
  }
}
