import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  InstanceProfileNameRequest,
  InstanceProfileResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { InstanceProfileLookup } from './instance-profiles';

/** IAM GetInstanceProfile: the profile, its role and its tags. */
@Injectable()
export class GetInstanceProfileHandler implements OperationHandler<
  typeof CredentialVendingOperations.GetInstanceProfile
> {
  constructor(@Inject(InstanceProfileLookup) private readonly lookup: InstanceProfileLookup) {}

  async execute(req: InstanceProfileNameRequest): Promise<InstanceProfileResult> {
    const profile = await this.lookup.require(req.InstanceProfileName);
    return { InstanceProfile: await this.lookup.answer(profile) };
  }
}
