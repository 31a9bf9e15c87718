import { Inject, Injectable } from '@nestjs/common';
import {
  FederationBrokerOperations,
  GetPrincipalTagAttributeMapRequest,
  PrincipalTagAttributeMapResponse,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { RequestValidator } from '../common/validate';
import { IdentityPoolLookup } from './identity-pool.lookup';
import { effectivePrincipalTags } from './principal-tag-maps';

/** A provider's principal tag map; a provider never mapped answers UseDefaults false and no tags. */
@Injectable()
export class GetPrincipalTagAttributeMapHandler implements OperationHandler<
  typeof FederationBrokerOperations.GetPrincipalTagAttributeMap
> {
  constructor(@Inject(IdentityPoolLookup) private readonly pools: IdentityPoolLookup) {}

  async execute(req: GetPrincipalTagAttributeMapRequest): Promise<PrincipalTagAttributeMapResponse> {
    RequestValidator.of(req ?? {})
      .string('IdentityProviderName', { required: true, min: 1, max: 128 })
      .check();
    const pool = await this.pools.require(req.IdentityPoolId);
    const map = pool.principalTagMaps?.[req.IdentityProviderName];
    return {
      IdentityPoolId: pool.id,
      IdentityProviderName: req.IdentityProviderName,
      UseDefaults: map?.useDefaults ?? false,
      ...(map ? { PrincipalTags: effectivePrincipalTags(req.IdentityProviderName, map) } : {}),
    };
  }
}
