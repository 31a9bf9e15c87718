import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, UntagRoleRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { Patterns, RequestValidator } from '../common/validate';
import { MAX_ROLE_TAGS, roleName } from './role-tags';
import { RoleLookup } from './role.lookup';
import { RolesRepository } from './roles.repository';

/** IAM UntagRole: removes the named keys (in any case); a key the role lacks is ignored. */
@Injectable()
export class UntagRoleHandler implements OperationHandler<typeof CredentialVendingOperations.UntagRole> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(RoleLookup) private readonly lookup: RoleLookup,
    @Inject(RolesRepository) private readonly roles: RolesRepository,
  ) {}

  async execute(req: UntagRoleRequest): Promise<EmptyResult> {
    roleName(RequestValidator.of(req))
      .stringList('TagKeys', {
        required: true,
        maxItems: MAX_ROLE_TAGS,
        item: { min: 1, max: 128, pattern: Patterns.tagKey },
      })
      .check();
    await this.transactions.run(async (tx) => {
      const role = await this.lookup.require(req.RoleName, tx, true);
      const removed = new Set(req.TagKeys.map((k) => k.toLowerCase()));
      const tags = role.tags.filter((t) => !removed.has(t.Key.toLowerCase()));
      if (tags.length !== role.tags.length) await this.roles.update(role.roleId, { tags }, tx);
    });
    return {};
  }
}
