import { Inject, Injectable } from '@nestjs/common';
import { GetUserPoolMfaConfigResponse, UserDirectoryOperations, UserPoolIdRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { PoolsService } from '../pools/pools.service';
import { toMfaConfigResponse } from './pool-mfa';

/** GetUserPoolMfaConfig: the pool's MfaConfiguration and its factors' settings. */
@Injectable()
export class GetUserPoolMfaConfigUseCase implements OperationHandler<
  typeof UserDirectoryOperations.GetUserPoolMfaConfig
> {
  constructor(@Inject(PoolsService) private readonly pools: PoolsService) {}

  async execute({ UserPoolId }: UserPoolIdRequest): Promise<GetUserPoolMfaConfigResponse> {
    const pool = await this.pools.require(UserPoolId);
    return toMfaConfigResponse(pool.config);
  }
}
