import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  SimulatePolicyResponse,
  SimulatePrincipalPolicyRequest,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { RequestValidator } from '../common/validate';
import { PolicySimulation } from './policy-simulation';
import { PrincipalPolicyReader } from './principal-policies';

/**
 * The stored policies of a user (with its groups' and its boundary), group or role, plus any
 * PolicyInputList, simulated. A PermissionsBoundaryPolicyInputList replaces the entity's boundary.
 */
@Injectable()
export class SimulatePrincipalPolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.SimulatePrincipalPolicy
> {
  constructor(
    @Inject(PolicySimulation) private readonly simulation: PolicySimulation,
    @Inject(PrincipalPolicyReader) private readonly principals: PrincipalPolicyReader,
  ) {}

  async execute(req: SimulatePrincipalPolicyRequest): Promise<SimulatePolicyResponse> {
    RequestValidator.of(req).string('PolicySourceArn', { required: true, min: 20, max: 2048 }).check();
    this.simulation.validateScenario(req);
    if (req.PolicyExclusionList?.length) {
      throw IamErrors.invalidInput('PolicyExclusionList is not supported by idfed.');
    }
    const extra = this.simulation.parse(req.PolicyInputList, 'PolicyInputList');
    const givenBoundary = this.simulation.parse(
      req.PermissionsBoundaryPolicyInputList,
      'PermissionsBoundaryPolicyInputList',
    );
    const stored = await this.principals.of(req.PolicySourceArn);
    if (req.ResourcePolicy !== undefined && !stored.caller) {
      // IAM: a resource-based policy is simulated "for IAM users only" ("isn't supported for IAM roles").
      throw IamErrors.invalidInput('A ResourcePolicy can be simulated only for an IAM user.');
    }
    const caller = req.CallerArn ?? stored.caller;
    return this.simulation.run(req, {
      identity: [...stored.identity, ...extra],
      boundary: givenBoundary.length ? givenBoundary : stored.boundary,
      ...(caller ? { caller } : {}),
    });
  }
}
