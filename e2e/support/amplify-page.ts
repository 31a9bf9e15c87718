import { build } from 'esbuild';
import type { ResourcesConfig } from 'aws-amplify';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selfSignedLocalhostCertificate } from './self-signed-certificate';

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

/**
 * A TLS-terminating reverse proxy in front of a plain-HTTP idfed, as an operator runs idfed behind
 * nginx or Caddy: Amplify reaches the pool's domain over `https://` only, and the e2e system (both
 * modes) listens on plain HTTP. It keeps the Host header (the domain routing reads it) and forwards
 * everything else as it came. The certificate is self-signed for `localhost` and `*.auth.localhost`;
 * `spki` is its public key's SHA-256 for Chromium's `--ignore-certificate-errors-spki-list`.
 */
export async function startTlsProxy(
  upstream: string,
): Promise<{ port: number; spki: string; certificate: Buffer; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'idfed-amplify-tls-'));
  const { certificate, key, spki } = selfSignedLocalhostCertificate(dir);
  rmSync(dir, { recursive: true, force: true });

  const target = new URL(upstream);
  const server = createTlsServer({ cert: certificate, key }, (req, res) => {
    const forwarded = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'x-forwarded-proto': 'https' },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => res.writeHead(502).end());
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    spki,
    certificate,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
