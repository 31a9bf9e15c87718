import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, GetUserPolicyResult, UserPolicyRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { urlEncodedDocument } from '../common/policy-documents';
import { validateUserPolicyName } from './user-requests';
import { UserLookup } from './user.lookup';
import { UsersRepository } from './users.repository';

@Injectable()
export class GetUserPolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.GetUserPolicy
> {
  constructor(
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  async execute(req: UserPolicyRequest): Promise<GetUserPolicyResult> {
    validateUserPolicyName(req);
    const user = await this.lookup.require(req.UserName);
    const document = await this.users.findInlinePolicy(user.userId, req.PolicyName);
    if (document === undefined) throw IamErrors.noSuchUserPolicy(user.name, req.PolicyName);
    return { UserName: user.name, PolicyName: req.PolicyName, PolicyDocument: urlEncodedDocument(document) };
  }
}
