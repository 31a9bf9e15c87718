import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, DeviceSyncOperations, DeviceSyncWire as W } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { IdentityPools } from './identity-pools';
import { poolConfigurationView } from './pool-configuration.view';
import { PoolConfigurationsRepository } from './pool-configurations.repository';

/** GetIdentityPoolConfiguration (developer credentials only): an existing pool's configuration. */
@Injectable()
export class GetIdentityPoolConfigurationUseCase implements OperationHandler<
  typeof DeviceSyncOperations.GetIdentityPoolConfiguration
> {
  constructor(
    @Inject(PoolConfigurationsRepository) private readonly configurations: PoolConfigurationsRepository,
    @Inject(IdentityPools) private readonly pools: IdentityPools,
  ) {}

  async execute(
    request: W.IdentityPoolConfigurationRequest,
    meta: CommandMeta,
  ): Promise<W.IdentityPoolConfiguration> {
    await this.pools.assertExists(request.IdentityPoolId, meta);
    const stored = await this.configurations.find(request.IdentityPoolId);
    return poolConfigurationView(request.IdentityPoolId, stored);
  }
}
