import { Inject, Injectable } from '@nestjs/common';
import {
  IdentityProviderNameRequest,
  IdentityProviderResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { PoolsService } from '../pools/pools.service';
import { IdentityProviderViews } from './identity-provider-views';
import { providerNameRequest } from './provider-requests';

/** DescribeIdentityProvider: the provider with Cognito's computed details; never the private key. */
@Injectable()
export class DescribeIdentityProviderUseCase implements OperationHandler<
  typeof UserDirectoryOperations.DescribeIdentityProvider
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(IdentityProviderViews) private readonly views: IdentityProviderViews,
  ) {}

  async execute(req: IdentityProviderNameRequest): Promise<IdentityProviderResponse> {
    providerNameRequest(req).check();
    await this.pools.require(req.UserPoolId);
    return {
      IdentityProvider: this.views.toType(await this.views.require(req.UserPoolId, req.ProviderName)),
    };
  }
}
