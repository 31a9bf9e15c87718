import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  CreateGroupRequest,
  CreateGroupResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { GroupEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { GroupsRepository } from './groups.repository';
import { toGroupType } from './group-type';
import { groupMembers } from './group-requests';
import { groupChanged } from './group-events';

/**
 * CreateGroup: a group of a user pool; group names are case-sensitive. The group and its
 * `group.changed` event (`created`) commit together.
 */
@Injectable()
export class CreateGroupUseCase implements OperationHandler<typeof UserDirectoryOperations.CreateGroup> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
  ) {}

  async execute(req: CreateGroupRequest, meta: CommandMeta): Promise<CreateGroupResponse> {
    groupMembers(req).check();
    const pool = await this.pools.require(req.UserPoolId);
    const now = new Date();
    const group: GroupEntity = {
      poolId: pool.id,
      name: req.GroupName,
      description: req.Description ?? null,
      roleArn: req.RoleArn ?? null,
      precedence: req.Precedence ?? null,
      createdAt: now,
      updatedAt: now,
    };
    await this.transactions.run(async (tx) => {
      switch (await this.groups.insert(group, tx)) {
        case 'created':
          await this.outbox.add(tx, groupChanged(group, 'created', now, meta.requestId));
          return;
        case 'exists':
          throw CognitoErrors.groupExists(req.GroupName);
        case 'pool-gone':
          throw CognitoErrors.poolNotFound(req.UserPoolId);
      }
    });
    return { Group: toGroupType(group) };
  }
}
