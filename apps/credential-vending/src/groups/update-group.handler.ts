import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, UpdateIamGroupRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamArns } from '../common/arns';
import { IamErrors } from '../common/iam-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { validateGroupName } from './group-requests';
import { GroupLookup } from './group.lookup';
import { GroupsRepository } from './groups.repository';

/** Renames and/or moves a group; its ARN follows, its id, members and policies stay. */
@Injectable()
export class UpdateGroupHandler implements OperationHandler<typeof CredentialVendingOperations.UpdateGroup> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(GroupLookup) private readonly lookup: GroupLookup,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
    @Inject(IamArns) private readonly arns: IamArns,
  ) {}

  async execute(req: UpdateIamGroupRequest): Promise<EmptyResult> {
    validateGroupName(req);
    validateGroupName(req, 'NewGroupName', false);
    RequestValidator.of(req).string('NewPath', { min: 1, max: 512, pattern: Patterns.path }).check();
    await this.transactions.run(async (tx) => {
      const group = await this.lookup.require(req.GroupName, tx, true);
      const name = req.NewGroupName ?? group.name;
      const path = req.NewPath ?? group.path;
      const outcome = await this.groups.rename(
        group.groupId,
        { name, path, arn: this.arns.group(path, name) },
        tx,
      );
      if (outcome === 'exists') throw IamErrors.groupExists(name);
    });
    return {};
  }
}
