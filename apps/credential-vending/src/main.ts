import { runServiceProcess } from '@idfed/service-runtime';
import { startCredentialVending } from './credential-vending.bootstrap';

/** Distributed mode: credential vending as its own process, on Kafka and IDFED_DATABASE_URL. */
// Start failures exit with their code inside; anything else is an unhandled rejection, which ends
// the process with its stack (Node's default), as a crash should.
void runServiceProcess('credential-vending', (env, transport, databaseUrl, logger) =>
  startCredentialVending(env, transport, databaseUrl, logger),
);
