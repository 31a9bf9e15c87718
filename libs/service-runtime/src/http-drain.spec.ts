import { Agent, createServer, request, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { HttpDrain } from './http-drain';

/** One GET over `agent`, resolving with the status, the Connection header and the body. */
function get(port: number, agent: Agent): Promise<{ status: number; connection?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HttpDrain', () => {
  let server: Server;
  let release: () => void = () => undefined;
  let port: number;

  beforeEach(async () => {
    // Each request is answered when the test releases it: a request "in flight".
    server = createServer((_req, res) => {
      release = () => res.end('done');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterEach(() => {
    server.closeAllConnections();
    server.close();
  });

  it('answers the request in flight, with Connection: close, and lets the server close under keep-alive', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const drain = new HttpDrain(server);
    // A first request leaves a kept-alive connection, as an SDK's would be.
    const first = get(port, agent);
    while (drain.inFlight === 0) await new Promise((r) => setTimeout(r, 5));
    release();
    expect(await first).toMatchObject({ status: 200, connection: 'keep-alive' });
    const inFlight = get(port, agent);
    while (drain.inFlight === 0) await new Promise((r) => setTimeout(r, 5));
    drain.start();
    const closed = new Promise<void>((r) => server.close(() => r()));
    release();
    expect(await inFlight).toEqual({ status: 200, connection: 'close', body: 'done' });
    // Without the drain, the kept-alive socket would hold close() open: it completes.
    await closed;
    expect(drain.inFlight).toBe(0);
    agent.destroy();
  });
});
