import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  CredentialVendingOperations,
  GetFederationTokenRequest,
  GetFederationTokenResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { IamArns } from '../common/arns';
import { StsErrors } from '../common/iam-errors';
import { ManagedPolicyLookup } from '../policies/managed-policy.lookup';
import { LongTermKeySessions } from './long-term-key-session';
import { readSessionPolicies } from './session-policies';

/**
 * STS GetFederationToken (ADR 0039): a federated user's session, `arn:aws:sts::<acct>:federated-user/<Name>`,
 * whose permissions are the intersection of the calling IAM user's policies with the session
 * policies passed (Policy, PolicyArns). With no session policy the session has no permissions, as
 * on AWS. The gateway has already decided `sts:GetFederationToken` against the user's policies.
 */
@Injectable()
export class GetFederationTokenUseCase implements OperationHandler<
  typeof CredentialVendingOperations.GetFederationToken
> {
  constructor(
    @Inject(IamArns) private readonly arns: IamArns,
    @Inject(LongTermKeySessions) private readonly sessions: LongTermKeySessions,
    @Inject(ManagedPolicyLookup) private readonly policies: ManagedPolicyLookup,
  ) {}

  async execute(req: GetFederationTokenRequest, meta: CommandMeta): Promise<GetFederationTokenResult> {
    const caller = await this.sessions.callerOf(meta.caller, 'GetFederationToken');
    if (req.Tags?.length) {
      // Session tags are carried by another part of idfed (ADR 0041's scope); not for federated users yet.
      throw StsErrors.validation('Session tags are not supported by GetFederationToken in idfed.');
    }
    const sessionPolicies = await readSessionPolicies(this.policies, req);
    const duration = this.sessions.durationFor(caller, req.DurationSeconds);
    const Credentials = this.sessions.issue(caller, duration, 'federation', {
      federatedName: req.Name,
      sessionPolicies: sessionPolicies.documents,
    });
    return {
      Credentials,
      FederatedUser: {
        FederatedUserId: `${this.arns.accountId}:${req.Name}`,
        Arn: `arn:aws:sts::${this.arns.accountId}:federated-user/${req.Name}`,
      },
      ...(sessionPolicies.packedPercent !== undefined
        ? { PackedPolicySize: sessionPolicies.packedPercent }
        : {}),
    };
  }
}
