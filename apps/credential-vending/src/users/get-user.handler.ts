import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, OptionalUserNameRequest, UserResult } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { requireNamedUser } from './user-requests';
import { UserLookup } from './user.lookup';
import { toUser } from './user-shape';

@Injectable()
export class GetUserHandler implements OperationHandler<typeof CredentialVendingOperations.GetUser> {
  constructor(@Inject(UserLookup) private readonly lookup: UserLookup) {}

  async execute(req: OptionalUserNameRequest): Promise<UserResult> {
    return { User: toUser(await this.lookup.require(requireNamedUser(req.UserName))) };
  }
}
