import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, freshDatabase, startApp } from '../support/processes';

/**
 * A service or gateway started while Kafka is out of reach ends with one clear fatal line and the
 * documented exit code 3 (docs/deployment.md), not an unhandled rejection.
 */
describe('starting without a reachable Kafka', () => {
  it.each(['user-directory', 'gateway', 'device-gateway'])(
    '%s logs a fatal line naming Kafka and exits with code 3',
    async (app) => {
      const logDir = mkdtempSync(join(tmpdir(), `idfed-no-kafka-${app}-`));
      const nobody = await freePort(); // nothing listens here
      const started = startApp(
        app,
        {
          IDFED_KAFKA_BROKERS: `127.0.0.1:${nobody}`,
          IDFED_DATABASE_URL: await freshDatabase(process.env.IDFED_TEST_DATABASE_URL!, 'idfed_no_kafka'),
          IDFED_DATA_DIR: join(logDir, 'data'),
          IDFED_HTTP_PORT: String(await freePort()),
          // The device gateway's port: any free one (several systems run side by side).
          IDFED_WS_PORT: '0',
          IDFED_GRPC_PORT: '0',
          IDFED_KEY_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
          IDFED_SESSION_TOKEN_KEY: Buffer.alloc(32, 2).toString('base64'),
        },
        logDir,
      );
      const code = await new Promise<number | null>((resolve) => started.child.once('exit', resolve));
      const log = readFileSync(started.logFile, 'utf8');
      expect(code).toBe(3);
      expect(log).toMatch(new RegExp(`fatal: ${app} cannot reach Kafka at 127\\.0\\.0\\.1:${nobody}`));
      expect(log).not.toMatch(/UnhandledPromiseRejection|unhandled/i);
    },
    180_000,
  );
});
