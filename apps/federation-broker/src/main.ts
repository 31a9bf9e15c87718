import { runServiceProcess, startServiceApp } from '@idfed/service-runtime';
import { FederationBrokerModule } from './federation-broker.module';

/** Distributed mode: federation-broker as its own process. */
void runServiceProcess('federation-broker', (_env, transport, databaseUrl, logger) =>
  startServiceApp(
    'federation-broker',
    FederationBrokerModule.register(transport, databaseUrl),
    transport,
    logger,
  ),
);
