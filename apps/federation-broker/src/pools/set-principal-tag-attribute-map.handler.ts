import { Inject, Injectable } from '@nestjs/common';
import {
  FederationBrokerOperations,
  PrincipalTagAttributeMapResponse,
  SetPrincipalTagAttributeMapRequest,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { RequestValidator } from '../common/validate';
import { IdentityPoolLookup } from './identity-pool.lookup';
import { IdentityPoolsRepository } from './identity-pools.repository';
import { effectivePrincipalTags } from './principal-tag-maps';

/**
 * Which claims of a provider's tokens become session tags of the pool's credentials: explicit
 * `PrincipalTags` (tag key -> claim name) or AWS's defaults (`UseDefaults`). Replaces the
 * provider's previous map; answers the map as stored.
 */
@Injectable()
export class SetPrincipalTagAttributeMapHandler implements OperationHandler<
  typeof FederationBrokerOperations.SetPrincipalTagAttributeMap
> {
  constructor(
    @Inject(IdentityPoolsRepository) private readonly repository: IdentityPoolsRepository,
    @Inject(IdentityPoolLookup) private readonly pools: IdentityPoolLookup,
    @Inject(Transactions) private readonly transactions: Transactions,
  ) {}

  async execute(req: SetPrincipalTagAttributeMapRequest): Promise<PrincipalTagAttributeMapResponse> {
    RequestValidator.of(req)
      .string('IdentityProviderName', { required: true, min: 1, max: 128 })
      .boolean('UseDefaults')
      .stringMap('PrincipalTags', { maxEntries: 50 })
      .check();
    const map = { useDefaults: req.UseDefaults === true, principalTags: req.PrincipalTags ?? {} };
    const pool = await this.transactions.run(async (tx) => {
      const found = await this.pools.require(req.IdentityPoolId, tx, true);
      await this.repository.update(
        found.id,
        { principalTagMaps: { ...(found.principalTagMaps ?? {}), [req.IdentityProviderName]: map } },
        tx,
      );
      return found;
    });
    return {
      IdentityPoolId: pool.id,
      IdentityProviderName: req.IdentityProviderName,
      UseDefaults: map.useDefaults,
      PrincipalTags: effectivePrincipalTags(req.IdentityProviderName, map),
    };
  }
}
