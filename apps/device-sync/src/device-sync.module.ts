import { DynamicModule } from '@nestjs/common';
import { IdfedEnv } from '@idfed/config';
import { TransportConfig } from '@idfed/messaging';
import { peerBusProviders, ServiceModule } from '@idfed/service-runtime';
import { CognitoEventsRepository } from './cognito-events/cognito-events.repository';
import { COGNITO_SYNC_LIMITS, DEVICE_SYNC_CONFIG, SyncClock } from './common/device-sync.config';
import { deviceSyncMigrations } from './database/migrations';
import { DEVICE_SYNC_SCHEMA } from './database/schema';
import { DatasetRemoval } from './datasets/dataset-removal';
import { DatasetsRepository } from './datasets/datasets.repository';
import { deviceSyncOperations } from './device-sync.operations';
import { IdentityData } from './identities/identity-data';
import { IdentityEventsConsumer } from './identities/identity-events.consumer';
import { DeviceSubscriptions } from './devices/device-subscriptions';
import { DeviceTokens } from './devices/device-tokens';
import { DevicesRepository } from './devices/devices.repository';
import { DatasetChangesConsumer } from './push/dataset-changes.consumer';
import { PushDeliveriesRepository } from './push/push-deliveries.repository';
import { PushDeliveryWorker } from './push/push-delivery.worker';
import { PUSH_RETRY_POLICY, PushProviders } from './push/push-providers';
import { PushTriggers } from './push/push-triggers';
import { IdentityPools } from './pools/identity-pools';
import { PoolConfigurationsRepository } from './pools/pool-configurations.repository';
import { RecordsRepository } from './records/records.repository';
import { SyncSessionTokens } from './sessions/sync-session.tokens';
import { SyncSessionsRepository } from './sessions/sync-sessions.repository';
import { BulkPublishesRepository } from './streams/bulk-publishes.repository';
import { CognitoStreams } from './streams/cognito-streams';
import { SyncTrigger } from './sync-trigger/sync-trigger';
import { SyncTriggerClient } from './sync-trigger/sync-trigger.client';
import { SYNC_TRIGGER_CONFIG, syncTriggerConfig } from './sync-trigger/sync-trigger.config';
import { PoolUsage } from './usage/pool-usage';
import { syncRegionScope } from './common/region-scope';

export interface DeviceSyncOptions {
  env: IdfedEnv;
  transport: TransportConfig;
  databaseUrl: string;
  /** Seals devices' push tokens (the deployment's key-encryption key, ADR 0006). */
  keyEncryptionKey: Buffer;
}

/**
 * The device-sync service: Cognito Sync's datasets and records (its operation registry), the
 * consumer of the federation broker's identity events, the repositories of its schema and the
 * helpers its use cases share. It asks the federation broker whether a pool exists (its own reply
 * group) and calls the operator's sync trigger endpoints.
 */
export const DeviceSyncModule = {
  register(options: DeviceSyncOptions): DynamicModule {
    return ServiceModule.register({
      service: 'device-sync',
      schema: DEVICE_SYNC_SCHEMA,
      transport: options.transport,
      databaseUrl: options.databaseUrl,
      entities: [],
      migrations: deviceSyncMigrations,
      rateLimits: options.env.rateLimits,
      audit: { accountId: options.env.accountId, region: options.env.region, reads: options.env.auditReads },
      operations: deviceSyncOperations,
      regionScope: syncRegionScope,
      controllers: [IdentityEventsConsumer, DatasetChangesConsumer],
      providers: [
        { provide: DEVICE_SYNC_CONFIG, useValue: COGNITO_SYNC_LIMITS },
        SyncClock,
        DatasetsRepository,
        RecordsRepository,
        SyncSessionsRepository,
        SyncSessionTokens,
        DatasetRemoval,
        PoolUsage,
        IdentityData,
        PoolConfigurationsRepository,
        IdentityPools,
        DevicesRepository,
        DeviceSubscriptions,
        { provide: DeviceTokens, useValue: new DeviceTokens(options.keyEncryptionKey) },
        { provide: SYNC_TRIGGER_CONFIG, useValue: syncTriggerConfig(options.env) },
        CognitoEventsRepository,
        SyncTriggerClient,
        SyncTrigger,
        CognitoStreams,
        PushDeliveriesRepository,
        PushTriggers,
        PushDeliveryWorker,
        { provide: PushProviders, useFactory: () => PushProviders.fromEnv(options.env.push) },
        { provide: PUSH_RETRY_POLICY, useValue: options.env.push },
        BulkPublishesRepository,
        ...peerBusProviders('device-sync', options.transport, options.env.requestTimeoutMs),
      ],
    });
  },
};
