import { Inject, Injectable } from '@nestjs/common';
import { InstanceProfile } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { Transaction } from '@idfed/persistence';
import { awsTimestamp } from '../common/timestamps';
import { RequestValidator } from '../common/validate';
import { RoleEntity } from '../database/entities';
import { toRole } from '../roles/role-shape';
import { InstanceProfilesRepository, StoredInstanceProfile } from './instance-profiles.repository';

/** IAM's pattern of instance profile names (botocore's instanceProfileNameType). */
export const INSTANCE_PROFILE_NAME = /^(?:[\w+=,.@-]+)$/;

/** InstanceProfileName: 1..128 characters of IAM's name set. */
export function validateInstanceProfileName(req: unknown): void {
  RequestValidator.of(req)
    .string('InstanceProfileName', { required: true, min: 1, max: 128, pattern: INSTANCE_PROFILE_NAME })
    .check();
}

/** The refusals of instance profile operations, in IAM's wording. */
export const InstanceProfileErrors = {
  noSuchProfile: (name: string): ServiceError<'NoSuchEntity'> =>
    new ServiceError('NoSuchEntity', `Instance Profile ${name} cannot be found.`),
  profileExists: (name: string): ServiceError<'EntityAlreadyExists'> =>
    new ServiceError('EntityAlreadyExists', `Instance Profile ${name} already exists.`),
  oneRole: (): ServiceError<'LimitExceeded'> =>
    new ServiceError('LimitExceeded', 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1'),
  roleNotInProfile: (roleName: string, profileName: string): ServiceError<'NoSuchEntity'> =>
    new ServiceError(
      'NoSuchEntity',
      `The role with name ${roleName} cannot be found in instance profile ${profileName}.`,
    ),
  /** DeleteInstanceProfile with a role, and DeleteRole of a role in a profile. */
  hasRole: (): ServiceError<'DeleteConflict'> =>
    new ServiceError(
      'DeleteConflict',
      'Cannot delete entity, must remove roles from instance profile first.',
    ),
};

/** An instance profile as IAM answers it: `Roles` holds its role (with no tags), or none. */
export function toInstanceProfile(
  profile: StoredInstanceProfile,
  role: RoleEntity | undefined,
  options: { tags: boolean },
): InstanceProfile {
  return {
    Path: profile.path,
    InstanceProfileName: profile.name,
    InstanceProfileId: profile.instanceProfileId,
    Arn: profile.arn,
    CreateDate: awsTimestamp(profile.createdAt),
    Roles: role ? [toRole(role, { tags: false })] : [],
    ...(options.tags && profile.tags.length ? { Tags: profile.tags } : {}),
  };
}

/** Finds the profile an operation names, or NoSuchEntity. */
@Injectable()
export class InstanceProfileLookup {
  constructor(@Inject(InstanceProfilesRepository) private readonly profiles: InstanceProfilesRepository) {}

  async require(name: string, tx?: Transaction, lock = false): Promise<StoredInstanceProfile> {
    validateInstanceProfileName({ InstanceProfileName: name });
    const profile = await this.profiles.findByName(name, tx, lock);
    if (!profile) throw InstanceProfileErrors.noSuchProfile(name);
    return profile;
  }

  /** The profile as answered, its role read in the same transaction. */
  async answer(profile: StoredInstanceProfile, tx?: Transaction): Promise<InstanceProfile> {
    const roles = await this.profiles.rolesOf([profile], tx);
    return toInstanceProfile(profile, profile.roleId ? roles.get(profile.roleId) : undefined, { tags: true });
  }
}
