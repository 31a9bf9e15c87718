import { connect, Socket } from 'node:net';
import { GatewayHarness, startGateway } from '../test/gateway.harness';

/** A raw TCP client: what it was sent back, and whether the server closed it. */
interface RawClient {
  socket: Socket;
  received(): string;
  closed: Promise<void>;
}

function rawClient(url: string): Promise<RawClient> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let data = '';
    socket.on('data', (chunk: Buffer) => (data += chunk.toString('latin1')));
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.once('error', () => undefined); // a reset is a close too
    socket.once('connect', () => resolve({ socket, received: () => data, closed }));
    socket.once('error', reject);
  });
}

/** One request on a fresh connection that the test keeps open afterwards. */
async function healthOn(client: RawClient): Promise<void> {
  client.socket.write('GET /health/live HTTP/1.1\r\nHost: gateway\r\n\r\n');
  while (!/\r\n\r\n/.test(client.received())) await new Promise((r) => setTimeout(r, 10));
}

/**
 * The listener's limits, attacked with raw sockets: slow headers, a body that never completes, an
 * idle keep-alive connection and a connection flood are cut off, while other clients keep being
 * served. Only behaviour is asserted (closed, refused, answered); the Jest timeout bounds the wait.
 */
describe('gateway HTTP listener limits', () => {
  describe('timeouts', () => {
    let gw: GatewayHarness;
    beforeAll(async () => {
      gw = await startGateway({
        IDFED_HTTP_HEADERS_TIMEOUT_MS: '400',
        IDFED_HTTP_REQUEST_TIMEOUT_MS: '5000',
        IDFED_HTTP_BODY_TIMEOUT_MS: '400',
        IDFED_HTTP_KEEP_ALIVE_TIMEOUT_MS: '300',
      });
    });
    afterAll(() => gw.close());

    it('closes a client that sends its headers a line at a time (slowloris)', async () => {
      const client = await rawClient(gw.url);
      client.socket.write('POST / HTTP/1.1\r\nHost: gateway\r\n');
      let i = 0;
      const drip = setInterval(() => {
        if (!client.socket.destroyed) client.socket.write(`X-Slow-${i++}: a\r\n`);
      }, 50);
      try {
        // Others are served meanwhile.
        expect((await fetch(`${gw.url}/health/live`)).status).toBe(200);
        await client.closed;
      } finally {
        clearInterval(drip);
      }
      expect(client.received()).not.toMatch(/^HTTP\/1\.1 2/);
    });

    it('closes a connection that never sends a byte', async () => {
      const client = await rawClient(gw.url);
      await client.closed;
      expect(client.received()).not.toMatch(/^HTTP\/1\.1 2/);
    });

    it('answers 408 RequestTimeoutException to a body that stops half-way, and closes', async () => {
      const client = await rawClient(gw.url);
      client.socket.write(
        'POST / HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/x-amz-json-1.1\r\n' +
          'X-Amz-Target: AWSCognitoIdentityProviderService.ListUserPools\r\nContent-Length: 100\r\n\r\n{"MaxR',
      );
      expect((await fetch(`${gw.url}/health/live`)).status).toBe(200);
      await client.closed;
      expect(client.received()).toMatch(/^HTTP\/1\.1 408/);
      expect(client.received()).toContain('RequestTimeoutException');
    });

    it('closes an idle keep-alive connection', async () => {
      const client = await rawClient(gw.url);
      await healthOn(client);
      expect(client.received()).toMatch(/^HTTP\/1\.1 200/);
      await client.closed;
    });
  });

  describe('connection cap', () => {
    let gw: GatewayHarness;
    beforeAll(async () => {
      gw = await startGateway({ IDFED_HTTP_MAX_CONNECTIONS: '4' });
    });
    afterAll(() => gw.close());

    it('refuses connections past IDFED_HTTP_MAX_CONNECTIONS and serves again once they go', async () => {
      const held: RawClient[] = [];
      for (let i = 0; i < 4; i++) {
        const client = await rawClient(gw.url);
        await healthOn(client); // answered, so the server has counted it
        held.push(client);
      }
      const refused = await rawClient(gw.url);
      refused.socket.write('GET /health/live HTTP/1.1\r\nHost: gateway\r\n\r\n');
      await refused.closed;
      expect(refused.received()).toBe('');

      for (const client of held) {
        client.socket.destroy();
        await client.closed;
      }
      // The server learns of the closes asynchronously: the first connection after them may still be refused.
      let status = 0;
      for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
        status = await fetch(`${gw.url}/health/live`)
          .then((r) => r.status)
          .catch(() => 0);
        if (status !== 200) await new Promise((r) => setTimeout(r, 20));
      }
      expect(status).toBe(200);
    });
  });
});
