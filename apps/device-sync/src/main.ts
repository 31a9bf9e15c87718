import { runServiceProcess } from '@idfed/service-runtime';
import { startDeviceSync } from './device-sync.bootstrap';

/** Distributed mode: device-sync as its own process. */
// Start failures exit with their code inside; anything else is an unhandled rejection, which ends
// the process with its stack (Node's default), as a crash should.
void runServiceProcess('device-sync', (env, transport, databaseUrl, logger) =>
  startDeviceSync(env, transport, databaseUrl, logger),
);
