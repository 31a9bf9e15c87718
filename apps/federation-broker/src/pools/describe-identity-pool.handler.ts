import { Inject, Injectable } from '@nestjs/common';
import { FederationBrokerOperations, IdentityPoolIdRequest, IdentityPoolType } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { IdentityPoolLookup } from './identity-pool.lookup';
import { toIdentityPoolType } from './identity-pool-config';

@Injectable()
export class DescribeIdentityPoolHandler implements OperationHandler<
  typeof FederationBrokerOperations.DescribeIdentityPool
> {
  constructor(@Inject(IdentityPoolLookup) private readonly pools: IdentityPoolLookup) {}

  async execute(req: IdentityPoolIdRequest): Promise<IdentityPoolType> {
    return toIdentityPoolType(await this.pools.require(req?.IdentityPoolId));
  }
}
