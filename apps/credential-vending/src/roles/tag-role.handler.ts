import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, TagRoleRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { RequestValidator } from '../common/validate';
import { MAX_ROLE_TAGS, roleName } from './role-tags';
import { TagRecord } from '../database/entities';
import { RoleLookup } from './role.lookup';
import { RolesRepository } from './roles.repository';
import { refuseReservedTagKeys } from '../common/iam-tags';

/**
 * IAM TagRole: adds tags to a role, a key already there (in any case: IAM role tag keys are
 * case-insensitive, case kept) taking the new key and value; more than 50 in all is LimitExceeded.
 * Role tags are `aws:PrincipalTag` of the role's sessions, under their session tags (ADR 0041).
 */
@Injectable()
export class TagRoleHandler implements OperationHandler<typeof CredentialVendingOperations.TagRole> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(RoleLookup) private readonly lookup: RoleLookup,
    @Inject(RolesRepository) private readonly roles: RolesRepository,
  ) {}

  async execute(req: TagRoleRequest): Promise<EmptyResult> {
    roleName(RequestValidator.of(req)).tags().check();
    if (!Array.isArray(req.Tags)) throw IamErrors.validation('Tags is required.');
    refuseReservedTagKeys(req.Tags);
    await this.transactions.run(async (tx) => {
      const role = await this.lookup.require(req.RoleName, tx, true);
      const added = req.Tags.map((t): TagRecord => ({ Key: t.Key, Value: t.Value ?? '' }));
      const addedKeys = new Set(added.map((t) => t.Key.toLowerCase()));
      const tags = [...role.tags.filter((t) => !addedKeys.has(t.Key.toLowerCase())), ...added];
      if (tags.length > MAX_ROLE_TAGS) throw IamErrors.limitExceeded('TagsPerRole', MAX_ROLE_TAGS);
      await this.roles.update(role.roleId, { tags }, tx);
    });
    return {};
  }
}
