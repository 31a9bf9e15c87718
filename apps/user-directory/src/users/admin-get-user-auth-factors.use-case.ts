import { Inject, Injectable } from '@nestjs/common';
import { AdminUserRequest, UserAuthFactorsResponse, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { UserAuthFactors } from '../auth/user-auth-factors';
import { UserLookup } from './user-lookup';

/** AdminGetUserAuthFactors: GetUserAuthFactors' answer about any user, for an administrator. */
@Injectable()
export class AdminGetUserAuthFactorsUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminGetUserAuthFactors
> {
  constructor(
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UserAuthFactors) private readonly factors: UserAuthFactors,
  ) {}

  async execute(req: AdminUserRequest): Promise<UserAuthFactorsResponse> {
    const { pool, user } = await this.lookup.requireAdminUser(req, undefined, false);
    return this.factors.of(pool, user);
  }
}
