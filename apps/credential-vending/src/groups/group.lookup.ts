import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { IamErrors } from '../common/iam-errors';
import { GroupsRepository, StoredGroup } from './groups.repository';
import { validateGroupName } from './group-requests';

/** Finds the group an operation names (case-insensitively, as IAM), or fails with NoSuchEntity. */
@Injectable()
export class GroupLookup {
  constructor(@Inject(GroupsRepository) private readonly groups: GroupsRepository) {}

  /** `lock` holds the group's row until the unit of work ends. */
  async require(groupName: string, tx?: Transaction, lock = false): Promise<StoredGroup> {
    validateGroupName({ GroupName: groupName });
    const group = await this.groups.findByName(groupName, tx, lock);
    if (!group) throw IamErrors.noSuchGroup(groupName);
    return group;
  }
}
