import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, DeviceSyncOperations, DeviceSyncWire as W } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { SyncClock } from '../common/device-sync.config';
import { SyncErrors } from '../common/sync-errors';
import { SyncTriggerClient } from '../sync-trigger/sync-trigger.client';
import { SYNC_TRIGGER_EVENT } from '../sync-trigger/sync-trigger.config';
import { CognitoEventsRepository } from './cognito-events.repository';
import { IdentityPools } from '../pools/identity-pools';

/**
 * SetCognitoEvents (admin key only): sets or, with an empty value, removes the function of the
 * event types named, leaving the others. The one event type is SyncTrigger, and the function must
 * be one of the operator's configured triggers (ADR 0016): a caller names a trigger, it never
 * gives idfed an address to call.
 */
@Injectable()
export class SetCognitoEventsUseCase implements OperationHandler<
  typeof DeviceSyncOperations.SetCognitoEvents
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(CognitoEventsRepository) private readonly events: CognitoEventsRepository,
    @Inject(SyncTriggerClient) private readonly triggers: SyncTriggerClient,
    @Inject(IdentityPools) private readonly pools: IdentityPools,
    @Inject(SyncClock) private readonly clock: SyncClock,
  ) {}

  async execute(request: W.SetCognitoEventsRequest, meta: CommandMeta): Promise<Record<string, never>> {
    const entries = Object.entries(request.Events ?? {});
    for (const [type, arn] of entries) {
      if (type !== SYNC_TRIGGER_EVENT) {
        throw SyncErrors.invalidParameter(
          `Event type ${type} is not supported; the one event type is SyncTrigger.`,
        );
      }
      if (arn && !this.triggers.knows(arn)) {
        throw SyncErrors.invalidParameter(
          `${arn} is not a configured sync trigger (IDFED_SYNC_TRIGGERS names the functions this deployment may call).`,
        );
      }
    }
    await this.pools.assertExists(request.IdentityPoolId, meta);
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      for (const [type, arn] of entries) {
        if (arn) await this.events.put(request.IdentityPoolId, type, arn, now, tx);
        else await this.events.remove(request.IdentityPoolId, type, tx);
      }
    });
    return {};
  }
}
