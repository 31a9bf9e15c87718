import { runServiceProcess } from '@idfed/service-runtime';
import { startUserDirectory } from './user-directory.bootstrap';

/** Distributed mode: the user directory as its own process, on Kafka and IDFED_DATABASE_URL. */
// Start failures exit with their code inside; anything else is an unhandled rejection, which ends
// the process with its stack (Node's default), as a crash should.
void runServiceProcess('user-directory', (env, transport, databaseUrl, logger) =>
  startUserDirectory(env, transport, databaseUrl, logger),
);
