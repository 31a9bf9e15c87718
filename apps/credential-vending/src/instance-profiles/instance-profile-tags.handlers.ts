import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  EmptyResult,
  ListInstanceProfileTagsRequest,
  ListInstanceProfileTagsResult,
  TagInstanceProfileRequest,
  UntagInstanceProfileRequest,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { checkPaging, checkTagKeys, checkTagList, mergeTags, tagPage, withoutTags } from '../common/iam-tags';
import { RequestValidator } from '../common/validate';
import { InstanceProfilesRepository } from './instance-profiles.repository';
import { InstanceProfileLookup, validateInstanceProfileName } from './instance-profiles';

/** IAM TagInstanceProfile: a key already there (in any case) takes the new value; 50 tags at most. */
@Injectable()
export class TagInstanceProfileHandler implements OperationHandler<
  typeof CredentialVendingOperations.TagInstanceProfile
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(InstanceProfileLookup) private readonly lookup: InstanceProfileLookup,
    @Inject(InstanceProfilesRepository) private readonly profiles: InstanceProfilesRepository,
  ) {}

  async execute(req: TagInstanceProfileRequest): Promise<EmptyResult> {
    validateInstanceProfileName(req);
    const added = checkTagList(RequestValidator.of(req), req.Tags);
    await this.transactions.run(async (tx) => {
      const profile = await this.lookup.require(req.InstanceProfileName, tx, true);
      const tags = mergeTags(profile.tags, added, 'TagsPerInstanceProfile');
      await this.profiles.setTags(profile.instanceProfileId, tags, tx);
    });
    return {};
  }
}

/** IAM UntagInstanceProfile: removes the keys given (in any case); absent keys are no error. */
@Injectable()
export class UntagInstanceProfileHandler implements OperationHandler<
  typeof CredentialVendingOperations.UntagInstanceProfile
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(InstanceProfileLookup) private readonly lookup: InstanceProfileLookup,
    @Inject(InstanceProfilesRepository) private readonly profiles: InstanceProfilesRepository,
  ) {}

  async execute(req: UntagInstanceProfileRequest): Promise<EmptyResult> {
    validateInstanceProfileName(req);
    checkTagKeys(RequestValidator.of(req)).check();
    await this.transactions.run(async (tx) => {
      const profile = await this.lookup.require(req.InstanceProfileName, tx, true);
      const kept = withoutTags(profile.tags, req.TagKeys);
      if (kept) await this.profiles.setTags(profile.instanceProfileId, kept, tx);
    });
    return {};
  }
}

/** IAM ListInstanceProfileTags: the tags in the order they were added, paged by MaxItems. */
@Injectable()
export class ListInstanceProfileTagsHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListInstanceProfileTags
> {
  constructor(@Inject(InstanceProfileLookup) private readonly lookup: InstanceProfileLookup) {}

  async execute(req: ListInstanceProfileTagsRequest): Promise<ListInstanceProfileTagsResult> {
    validateInstanceProfileName(req);
    checkPaging(RequestValidator.of(req)).check();
    const profile = await this.lookup.require(req.InstanceProfileName);
    return tagPage(profile.tags, req);
  }
}
