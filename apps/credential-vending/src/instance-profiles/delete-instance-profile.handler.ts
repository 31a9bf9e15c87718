import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, InstanceProfileNameRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { InstanceProfilesRepository } from './instance-profiles.repository';
import { InstanceProfileErrors, InstanceProfileLookup } from './instance-profiles';

/** IAM DeleteInstanceProfile: a profile holding a role is DeleteConflict until the role is removed. */
@Injectable()
export class DeleteInstanceProfileHandler implements OperationHandler<
  typeof CredentialVendingOperations.DeleteInstanceProfile
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(InstanceProfileLookup) private readonly lookup: InstanceProfileLookup,
    @Inject(InstanceProfilesRepository) private readonly profiles: InstanceProfilesRepository,
  ) {}

  async execute(req: InstanceProfileNameRequest): Promise<EmptyResult> {
    await this.transactions.run(async (tx) => {
      const profile = await this.lookup.require(req.InstanceProfileName, tx, true);
      if (profile.roleId) throw InstanceProfileErrors.hasRole();
      await this.profiles.delete(profile.instanceProfileId, tx);
    });
    return {};
  }
}
