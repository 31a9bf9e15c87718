import { Inject, Injectable } from '@nestjs/common';
import { FederationBrokerOperations, SetIdentityPoolRolesRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { BrokerErrors } from '../common/broker-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { IdentityPoolEntity } from '../database/entities';
import { validateRoleMappings } from '../roles/role-mappings.validation';
import { IdentityPoolLookup } from './identity-pool.lookup';

@Injectable()
export class SetIdentityPoolRolesHandler implements OperationHandler<
  typeof FederationBrokerOperations.SetIdentityPoolRoles
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(IdentityPoolLookup) private readonly pools: IdentityPoolLookup,
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
    await this.dataSource.transaction(async (m) => {
      await this.pools.require(req.IdentityPoolId, m, true);
      await m.update(
        IdentityPoolEntity,
        { id: req.IdentityPoolId },
        { roles: req.Roles, roleMappings: mappings, updatedAt: new Date() },
      );
    });
    return {};
  }
}
