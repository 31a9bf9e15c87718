import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  GetContextKeysForCustomPolicyRequest,
  GetContextKeysForPolicyResponse,
  GetContextKeysForPrincipalPolicyRequest,
} from '@idfed/contracts';
import { contextKeysOf } from '@idfed/policy';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { RequestValidator } from '../common/validate';
import { PolicySimulation } from './policy-simulation';
import { PrincipalPolicyReader } from './principal-policies';

/** Every condition key and policy variable the given policies read, once each. */
@Injectable()
export class GetContextKeysForCustomPolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.GetContextKeysForCustomPolicy
> {
  constructor(@Inject(PolicySimulation) private readonly simulation: PolicySimulation) {}

  execute(req: GetContextKeysForCustomPolicyRequest): Promise<GetContextKeysForPolicyResponse> {
    if (!Array.isArray(req.PolicyInputList) || req.PolicyInputList.length === 0) {
      throw IamErrors.invalidInput('PolicyInputList must contain at least one policy.');
    }
    const policies = this.simulation.parse(req.PolicyInputList, 'PolicyInputList');
    return Promise.resolve({ ContextKeyNames: contextKeysOf(policies.map((p) => p.document)) });
  }
}

/** The same over the policies of a user (its groups' and boundary too), group or role, and any given. */
@Injectable()
export class GetContextKeysForPrincipalPolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.GetContextKeysForPrincipalPolicy
> {
  constructor(
    @Inject(PolicySimulation) private readonly simulation: PolicySimulation,
    @Inject(PrincipalPolicyReader) private readonly principals: PrincipalPolicyReader,
  ) {}

  async execute(req: GetContextKeysForPrincipalPolicyRequest): Promise<GetContextKeysForPolicyResponse> {
    RequestValidator.of(req).string('PolicySourceArn', { required: true, min: 20, max: 2048 }).check();
    const extra = this.simulation.parse(req.PolicyInputList, 'PolicyInputList');
    const stored = await this.principals.of(req.PolicySourceArn);
    const all = [...stored.identity, ...stored.boundary, ...extra];
    return { ContextKeyNames: contextKeysOf(all.map((p) => p.document)) };
  }
}
