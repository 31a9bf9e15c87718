import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, InstanceProfileRoleRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { RoleLookup } from '../roles/role.lookup';
import { InstanceProfilesRepository } from './instance-profiles.repository';
import { InstanceProfileErrors, InstanceProfileLookup } from './instance-profiles';

/**
 * IAM AddRoleToInstanceProfile: a profile holds one role (LimitExceeded for a second, or the same
 * one again). The profile's row, then the role's, stay locked until commit, so a concurrent
 * DeleteRole either went first (NoSuchEntity here) or sees the role in the profile.
 */
@Injectable()
export class AddRoleToInstanceProfileHandler implements OperationHandler<
  typeof CredentialVendingOperations.AddRoleToInstanceProfile
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(InstanceProfileLookup) private readonly lookup: InstanceProfileLookup,
    @Inject(InstanceProfilesRepository) private readonly profiles: InstanceProfilesRepository,
    @Inject(RoleLookup) private readonly roles: RoleLookup,
  ) {}

  async execute(req: InstanceProfileRoleRequest): Promise<EmptyResult> {
    await this.transactions.run(async (tx) => {
      const profile = await this.lookup.require(req.InstanceProfileName, tx, true);
      const role = await this.roles.require(req.RoleName, tx, true);
      if (profile.roleId) throw InstanceProfileErrors.oneRole();
      await this.profiles.setRole(profile.instanceProfileId, role.roleId, tx);
    });
    return {};
  }
}
