import { Inject, Injectable } from '@nestjs/common';
import {
  CreateInstanceProfileRequest,
  CredentialVendingOperations,
  InstanceProfileResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { IamArns } from '../common/arns';
import { newInstanceProfileId } from '../common/ids';
import { refuseReservedTagKeys } from '../common/iam-tags';
import { Patterns, RequestValidator } from '../common/validate';
import { TagRecord } from '../database/entities';
import { InstanceProfilesRepository } from './instance-profiles.repository';
import { INSTANCE_PROFILE_NAME, InstanceProfileErrors, InstanceProfileLookup } from './instance-profiles';

/**
 * IAM CreateInstanceProfile (ADR 0085): `arn:aws:iam::<account>:instance-profile<path><name>`, an
 * `AIPA` id, no role yet; names unique in any case.
 */
@Injectable()
export class CreateInstanceProfileHandler implements OperationHandler<
  typeof CredentialVendingOperations.CreateInstanceProfile
> {
  constructor(
    @Inject(IamArns) private readonly arns: IamArns,
    @Inject(InstanceProfilesRepository) private readonly profiles: InstanceProfilesRepository,
    @Inject(InstanceProfileLookup) private readonly lookup: InstanceProfileLookup,
  ) {}

  async execute(req: CreateInstanceProfileRequest): Promise<InstanceProfileResult> {
    RequestValidator.of(req)
      .string('InstanceProfileName', { required: true, min: 1, max: 128, pattern: INSTANCE_PROFILE_NAME })
      .string('Path', { min: 1, max: 512, pattern: Patterns.path })
      .tags()
      .check();
    refuseReservedTagKeys(req.Tags);
    const path = req.Path ?? '/';
    const profile = {
      instanceProfileId: newInstanceProfileId(),
      name: req.InstanceProfileName,
      path,
      arn: `arn:aws:iam::${this.arns.accountId}:instance-profile${path}${req.InstanceProfileName}`,
      roleId: null,
      tags: (req.Tags ?? []).map((t): TagRecord => ({ Key: t.Key, Value: t.Value ?? '' })),
      createdAt: new Date(),
    };
    if ((await this.profiles.insert(profile)) === 'exists') {
      throw InstanceProfileErrors.profileExists(req.InstanceProfileName);
    }
    return { InstanceProfile: await this.lookup.answer(profile) };
  }
}
