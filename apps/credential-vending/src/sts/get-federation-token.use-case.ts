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
import { RequestValidator } from '../common/validate';
import { ManagedPolicyLookup } from '../policies/managed-policy.lookup';
import { LongTermKeySessions } from './long-term-key-session';
import { readSessionPolicies } from './session-policies';
import { planSessionTags, refuseDuplicateTagKeys } from './session-tags';

/**
 * STS GetFederationToken (ADR 0039): a federated user's session, `arn:aws:sts::<acct>:federated-user/<Name>`,
 * whose permissions are the intersection of the calling IAM user's policies with the session
 * policies passed (Policy, PolicyArns). With no session policy the session has no permissions, as
 * on AWS. The gateway has already decided `sts:GetFederationToken` against the user's policies,
 * and `sts:TagSession` when Tags are passed (ADR 0047). Tags are checked as STS checks AssumeRole's
 * (50, case-insensitive duplicate keys InvalidParameterValue), count in PackedPolicySize, and are
 * sealed in the session, where they are the federated user's `aws:PrincipalTag/<key>`. The operation
 * has no TransitiveTagKeys: a federated user cannot chain sessions.
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
    refuseDuplicateTagKeys(req.Tags);
    RequestValidator.of(req).tags().check(StsErrors.validation);
    const tags = planSessionTags({ Tags: req.Tags }, []);
    const sessionPolicies = await readSessionPolicies(this.policies, req, tags.tags);
    const duration = this.sessions.durationFor(caller, req.DurationSeconds);
    const Credentials = this.sessions.issue(caller, duration, 'federation', {
      federatedName: req.Name,
      sessionPolicies: sessionPolicies.documents,
      sessionTags: tags.tags,
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
