import { runServiceProcess } from '@idfed/service-runtime';
import { startCredentialVending } from './credential-vending.bootstrap';

/** Distributed mode: credential vending as its own process, on Kafka and IDFED_DATABASE_URL. */
void runServiceProcess('credential-vending', (env, transport, databaseUrl, logger) =>
  startCredentialVending(env, transport, databaseUrl, logger),
);
