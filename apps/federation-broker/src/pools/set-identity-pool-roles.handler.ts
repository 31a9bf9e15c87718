import { Inject, Injectable } from '@nestjs/common';
import { FederationBrokerOperations, SetIdentityPoolRolesRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { BrokerErrors } from '../common/broker-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { validateRoleMappings } from '../roles/role-mappings.validation';
import { IdentityPoolLookup } from './identity-pool.lookup';
import { IdentityPoolsRepository } from './identity-pools.repository';

@Injectable()
export class SetIdentityPoolRolesHandler implements OperationHandler<
  typeof FederationBrokerOperations.SetIdentityPoolRoles
> {
  constructor(
    @Inject(IdentityPoolsRepository) private readonly repository: IdentityPoolsRepository,
    @Inject(IdentityPoolLookup) private readonly pools: IdentityPoolLookup,
    @Inject(Transactions) private readonly transactions: Transactions,
  ) {}

  async execute(req: SetIdentityPoolRolesRequest): Promise<Record<string, never>> {
    RequestValidator.of(req)
      .string('IdentityPoolId', { required: true, min: 1, max: 55, pattern: Patterns.identityPoolId })
      .stringMap('Roles', { required: true, maxEntries: 2 })
      .check();
    for (const [kind, arn] of Object.entries(req.Roles)) {
      if (kind !== 'authenticated' && kind !== 'unauthenticated') {
        throw BrokerErrors.invalidParameter(
          `Roles keys must be authenticated or unauthenticated, not ${kind}.`,
        );
      }
      if (!Patterns.roleArn.test(arn)) throw BrokerErrors.invalidParameter(`Invalid role ARN: ${arn}`);
    }
    const mappings = req.RoleMappings ?? {};
    validateRoleMappings(mappings);
    await this.transactions.run(async (tx) => {
      await this.pools.require(req.IdentityPoolId, tx, true);
      await this.repository.update(req.IdentityPoolId, { roles: req.Roles, roleMappings: mappings }, tx);
    });
    return {};
  }
}
