import { runServiceProcess, startServiceApp } from '@idfed/service-runtime';
import { CredentialVendingModule } from './credential-vending.module';

/** Distributed mode: credential-vending as its own process. */
void runServiceProcess('credential-vending', (_env, transport, databaseUrl, logger) =>
  startServiceApp(
    'credential-vending',
    CredentialVendingModule.register(transport, databaseUrl),
    transport,
    logger,
  ),
);
