import { Inject, Injectable } from '@nestjs/common';
import {
  FederationBrokerOperations,
  GetIdentityPoolRolesResponse,
  IdentityPoolIdRequest,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { IdentityPoolLookup } from './identity-pool.lookup';

@Injectable()
export class GetIdentityPoolRolesHandler implements OperationHandler<
  typeof FederationBrokerOperations.GetIdentityPoolRoles
> {
  constructor(@Inject(IdentityPoolLookup) private readonly pools: IdentityPoolLookup) {}

  async execute(req: IdentityPoolIdRequest): Promise<GetIdentityPoolRolesResponse> {
    const pool = await this.pools.require(req?.IdentityPoolId);
    return {
      IdentityPoolId: pool.id,
      Roles: pool.roles,
      ...(Object.keys(pool.roleMappings).length ? { RoleMappings: pool.roleMappings } : {}),
    };
  }
}
