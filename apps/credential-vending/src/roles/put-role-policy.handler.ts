import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, PutRolePolicyRequest } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { POLICY_SIZE_LIMITS } from '@idfed/policy';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { readPolicy } from '../common/policy-documents';
import { Patterns, RequestValidator } from '../common/validate';
import { RoleLookup } from './role.lookup';
import { validateRolePolicyNames } from './role-policy-requests';

/** Creates or replaces an inline policy; all inline policies of a role share IAM's 10,240-character quota. */
@Injectable()
export class PutRolePolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.PutRolePolicy
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(RoleLookup) private readonly roles: RoleLookup,
  ) {}

  async execute(req: PutRolePolicyRequest): Promise<EmptyResult> {
    validateRolePolicyNames(req, true);
    RequestValidator.of(req)
      .string('PolicyDocument', { required: true, min: 1, max: 131072, pattern: Patterns.policyDocument })
      .check();
    const policy = readPolicy(req.PolicyDocument, 'identity', { label: req.PolicyName });
    const size = policy.size.withoutWhitespace;
    await this.dataSource.transaction(async (m) => {
      const role = await this.roles.require(req.RoleName, m, true);
      const [{ total }] = await m.query<{ total: number }[]>(
        `SELECT COALESCE(SUM(document_size), 0)::int AS total FROM credential_vending.role_inline_policies
          WHERE role_id = $1 AND policy_name <> $2`,
        [role.roleId, req.PolicyName],
      );
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
}
