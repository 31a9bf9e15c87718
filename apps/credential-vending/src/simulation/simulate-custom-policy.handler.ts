import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  SimulateCustomPolicyRequest,
  SimulatePolicyResponse,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { PolicySimulation } from './policy-simulation';

/** The policies given as text, simulated alone; CallerArn is the principal of a ResourcePolicy. */
@Injectable()
export class SimulateCustomPolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.SimulateCustomPolicy
> {
  constructor(@Inject(PolicySimulation) private readonly simulation: PolicySimulation) {}

  execute(req: SimulateCustomPolicyRequest): Promise<SimulatePolicyResponse> {
    this.simulation.validateScenario(req);
    if (!Array.isArray(req.PolicyInputList) || req.PolicyInputList.length === 0) {
      throw IamErrors.invalidInput('PolicyInputList must contain at least one policy.');
    }
    if (req.OrderedOrganizationPolicyInputList?.length) {
      // idfed has no AWS Organizations: a service control policy has nothing to be simulated against.
      throw IamErrors.invalidInput('OrderedOrganizationPolicyInputList is not supported by idfed.');
    }
    return Promise.resolve(
      this.simulation.run(req, {
        identity: this.simulation.parse(req.PolicyInputList, 'PolicyInputList'),
        boundary: this.simulation.parse(
          req.PermissionsBoundaryPolicyInputList,
          'PermissionsBoundaryPolicyInputList',
        ),
        ...(req.CallerArn ? { caller: req.CallerArn } : {}),
      }),
    );
  }
}
