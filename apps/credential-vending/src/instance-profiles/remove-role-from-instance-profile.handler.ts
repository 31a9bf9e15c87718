import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, InstanceProfileRoleRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { RoleLookup } from '../roles/role.lookup';
import { InstanceProfilesRepository } from './instance-profiles.repository';
import { InstanceProfileErrors, InstanceProfileLookup } from './instance-profiles';

/** IAM RemoveRoleFromInstanceProfile: a role not in the profile is NoSuchEntity. */
@Injectable()
export class RemoveRoleFromInstanceProfileHandler implements OperationHandler<
  typeof CredentialVendingOperations.RemoveRoleFromInstanceProfile
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
      const role = await this.roles.require(req.RoleName, tx);
      if (profile.roleId !== role.roleId) {
        throw InstanceProfileErrors.roleNotInProfile(req.RoleName, req.InstanceProfileName);
      }
      await this.profiles.setRole(profile.instanceProfileId, null, tx);
    });
    return {};
  }
}
