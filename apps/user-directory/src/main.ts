import { runServiceProcess } from '@idfed/service-runtime';
import { startUserDirectory } from './user-directory.bootstrap';

/** Distributed mode: the user directory as its own process, on Kafka and IDFED_DATABASE_URL. */
void runServiceProcess('user-directory', (env, transport, databaseUrl, logger) =>
  startUserDirectory(env, transport, databaseUrl, logger),
);
