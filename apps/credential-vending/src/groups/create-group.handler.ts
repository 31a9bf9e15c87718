import { Inject, Injectable } from '@nestjs/common';
import { CreateIamGroupRequest, CreateIamGroupResult, CredentialVendingOperations } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamArns } from '../common/arns';
import { IamErrors } from '../common/iam-errors';
import { newGroupId } from '../common/ids';
import { Patterns, RequestValidator } from '../common/validate';
import { toGroup } from './group-shape';
import { validateGroupName } from './group-requests';
import { GroupsRepository, StoredGroup } from './groups.repository';

@Injectable()
export class CreateGroupHandler implements OperationHandler<typeof CredentialVendingOperations.CreateGroup> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
    @Inject(IamArns) private readonly arns: IamArns,
  ) {}

  async execute(req: CreateIamGroupRequest): Promise<CreateIamGroupResult> {
    validateGroupName(req);
    RequestValidator.of(req).string('Path', { min: 1, max: 512, pattern: Patterns.path }).check();
    const path = req.Path ?? '/';
    const now = new Date();
    const group: StoredGroup = {
      groupId: newGroupId(),
      name: req.GroupName,
      nameKey: req.GroupName.toLowerCase(),
      path,
      arn: this.arns.group(path, req.GroupName),
      createdAt: now,
      updatedAt: now,
    };
    await this.transactions.run(async (tx) => {
      if ((await this.groups.insert(group, tx)) === 'exists') throw IamErrors.groupExists(req.GroupName);
    });
    return { Group: toGroup(group) };
  }
}
