import { runServiceProcess, startServiceApp } from '@idfed/service-runtime';
import { DeviceSyncModule } from './device-sync.module';

/** Distributed mode: device-sync as its own process. */
void runServiceProcess('device-sync', (_env, transport, databaseUrl, logger) =>
  startServiceApp('device-sync', DeviceSyncModule.register(transport, databaseUrl), transport, logger),
);
