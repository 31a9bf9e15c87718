import { runServiceProcess, startServiceApp } from '@idfed/service-runtime';
import { DeviceSyncModule } from './device-sync.module';

/** Distributed mode: device-sync as its own process. */
// Start failures exit with their code inside; anything else is an unhandled rejection, which ends
// the process with its stack (Node's default), as a crash should.
void runServiceProcess('device-sync', (env, transport, databaseUrl, logger) =>
  startServiceApp(
    'device-sync',
    DeviceSyncModule.register({ env, transport, databaseUrl }),
    transport,
    logger,
  ),
);
