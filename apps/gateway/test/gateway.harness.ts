import { INestApplication, INestMicroservice } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import { loadEnv } from '@idfed/config';
import { SERVICE_NAMES, ServiceName } from '@idfed/contracts';
import { createRootLogger } from '@idfed/logging';
import { InProcessBus } from '@idfed/messaging';
import { createGatewayApp } from '../src/gateway.bootstrap';
import { AdminCredentials } from '../src/gateway.options';
import { startPeerService } from './peer-services.double';

export const ADMIN: AdminCredentials = {
  accessKeyId: 'AKIAIDFEDTESTADMIN01',
  secretAccessKey: 'idfed-test-secret-key/0123456789abcdefghi',
};
export const PUBLIC_URL = 'https://id.example.test';
/** The session-token master key the harness gateway opens tokens with (tests seal with it too). */
export const SESSION_TOKEN_KEY = Buffer.alloc(32, 7);

export interface GatewayHarness {
  app: INestApplication;
  url: string;
  peers: Map<ServiceName, INestMicroservice>;
  close(): Promise<void>;
}

/** The real gateway on an ephemeral port, with every peer service served by the doubles over an in-process bus. */
export async function startGateway(envOverrides: Record<string, string> = {}): Promise<GatewayHarness> {
  const bus = new InProcessBus();
  const peers = new Map<ServiceName, INestMicroservice>();
  for (const service of SERVICE_NAMES) peers.set(service, await startPeerService(service, bus));
  const env = loadEnv({
    IDFED_LOG_LEVEL: 'silent',
    IDFED_HTTP_PORT: '0',
    IDFED_PUBLIC_URL: PUBLIC_URL,
    IDFED_REVOCATION_REFRESH_MS: '100',
    ...envOverrides,
  });
  const app = await createGatewayApp({
    env,
    transport: { kind: 'in-process', bus },
    adminCredentials: ADMIN,
    sessionTokenKey: SESSION_TOKEN_KEY,
    logger: createRootLogger('silent'),
  });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    peers,
    async close() {
      await app.close();
      for (const peer of peers.values()) await peer.close();
    },
  };
}
