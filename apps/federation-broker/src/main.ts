import { runServiceProcess } from '@idfed/service-runtime';
import { startFederationBroker } from './federation-broker.bootstrap';

/** Distributed mode: the federation broker as its own process, on Kafka and IDFED_DATABASE_URL. */
// Start failures exit with their code inside; anything else is an unhandled rejection, which ends
// the process with its stack (Node's default), as a crash should.
void runServiceProcess('federation-broker', startFederationBroker);
