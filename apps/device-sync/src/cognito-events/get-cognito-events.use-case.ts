import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, DeviceSyncOperations, DeviceSyncWire as W } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoEventsRepository } from './cognito-events.repository';
import { IdentityPools } from '../pools/identity-pools';

/** GetCognitoEvents (admin key only): the pool's event types and the functions they name. */
@Injectable()
export class GetCognitoEventsUseCase implements OperationHandler<
  typeof DeviceSyncOperations.GetCognitoEvents
> {
  constructor(
    @Inject(CognitoEventsRepository) private readonly events: CognitoEventsRepository,
    @Inject(IdentityPools) private readonly pools: IdentityPools,
  ) {}

  async execute(request: W.GetCognitoEventsRequest, meta: CommandMeta): Promise<W.GetCognitoEventsResponse> {
    await this.pools.assertExists(request.IdentityPoolId, meta);
    return { Events: await this.events.ofPool(request.IdentityPoolId) };
  }
}
