import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, PutUserPolicyRequest } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { POLICY_SIZE_LIMITS } from '@idfed/policy';
import { OperationHandler } from '@idfed/service-runtime';
import { readPolicy } from '../common/policy-documents';
import { Patterns, RequestValidator } from '../common/validate';
import { validateUserPolicyName } from './user-requests';
import { UserLookup } from './user.lookup';
import { UsersRepository } from './users.repository';

/** Creates or replaces an inline policy; a user's inline policies share IAM's 2,048-character quota. */
@Injectable()
export class PutUserPolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.PutUserPolicy
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  async execute(req: PutUserPolicyRequest): Promise<EmptyResult> {
    validateUserPolicyName(req);
    RequestValidator.of(req)
      .string('PolicyDocument', { required: true, min: 1, max: 131072, pattern: Patterns.policyDocument })
      .check();
    const size = readPolicy(req.PolicyDocument, 'identity', { label: req.PolicyName }).size.withoutWhitespace;
    await this.transactions.run(async (tx) => {
      const user = await this.lookup.require(req.UserName, tx, true);
      const total = await this.users.inlinePolicySizeWithout(user.userId, req.PolicyName, tx);
      if (total + size > POLICY_SIZE_LIMITS.inlineUserPolicy) {
        throw new ServiceError(
          'LimitExceeded',
          `Maximum policy size of ${POLICY_SIZE_LIMITS.inlineUserPolicy} bytes exceeded for user ${user.name}`,
        );
      }
      await this.users.putInlinePolicy(user.userId, req.PolicyName, req.PolicyDocument, size, tx);
    });
    return {};
  }
}
