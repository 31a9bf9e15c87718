import { runServiceProcess } from '@idfed/service-runtime';
import { startFederationBroker } from './federation-broker.bootstrap';

/** Distributed mode: the federation broker as its own process, on Kafka and IDFED_DATABASE_URL. */
void runServiceProcess('federation-broker', startFederationBroker);
