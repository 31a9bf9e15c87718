import { build } from 'esbuild';
import type { ResourcesConfig } from 'aws-amplify';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';

let bundled: Promise<string> | undefined;

/** The Amplify app (`amplify-page/app.ts`) bundled for the browser by esbuild, once per process. */
export function amplifyBundle(): Promise<string> {
  bundled ??= build({
    entryPoints: [join(__dirname, 'amplify-page', 'app.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0].text);
  return bundled;
}

/**
 * Serves the Amplify app on loopback: `/app.js` is the bundle and every other path is the page,
 * configured with `config` (so the callback and sign-out URLs both land on it).
 */
export async function serveAmplifyApp(
  config: (origin: string) => ResourcesConfig,
): Promise<{ origin: string; close: () => Promise<void> }> {
  const js = await amplifyBundle();
  let origin = '';
  const server = createServer((req, res) => {
    if (req.url === '/app.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
      return;
    }
    const json = JSON.stringify(config(origin)).replace(/</g, '\\u003c');
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><title>amplify app</title><script>window.idfedAmplifyConfig = ${json};</script><script src="/app.js"></script><p>the app</p>`,
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => closeServer(server) };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
