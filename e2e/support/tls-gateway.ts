import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:https';
import { join } from 'node:path';
import { eventually } from '../../libs/testing/src/eventually';
import type { E2eSystem } from './e2e-context';
import { freePort, startAsManifest, stopApp } from './processes';

/**
 * Distributed mode: one more gateway replica, started as deploy/k8s runs it beside the suite's
 * services, with idfed's own HTTPS listener (IDFED_TLS_CERT_FILE / IDFED_TLS_KEY_FILE, ADR 0026)
 * and a self-signed certificate for localhost, `*.auth.localhost` and 127.0.0.1 made by the
 * openssl CLI. `spki` is the certificate key's SHA-256 (Chromium's
 * `--ignore-certificate-errors-spki-list`), `certificate` what a Node client trusts.
 */
export async function startTlsGateway(
  system: E2eSystem,
  name = 'gateway-tls',
): Promise<{ port: number; spki: string; certificate: Buffer; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(system.workDir, `${name}-`));
  const run = (args: string[], input?: Buffer) =>
    execFileSync('openssl', args, { cwd: dir, stdio: 'pipe', input });
  writeFileSync(
    join(dir, 'san.cnf'),
    [
      '[req]',
      'distinguished_name=dn',
      'x509_extensions=ext',
      'prompt=no',
      '[dn]',
      'CN=localhost',
      '[ext]',
      'subjectAltName=DNS:localhost,DNS:*.auth.localhost,IP:127.0.0.1',
      'extendedKeyUsage=serverAuth',
      '',
    ].join('\n'),
  );
  run([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'k.pem',
    '-out',
    'c.pem',
    '-days',
    '1',
    '-config',
    'san.cnf',
  ]);
  const certificate = readFileSync(join(dir, 'c.pem'));
  const der = run(['pkey', '-pubin', '-outform', 'der'], run(['x509', '-in', 'c.pem', '-pubkey', '-noout']));
  const spki = run(['dgst', '-sha256', '-binary'], der).toString('base64');
  const port = await freePort();
  const env = {
    ...system.commonEnv,
    IDFED_PROBE_DIR: join(dir, 'probes'),
    IDFED_HTTP_PORT: String(port),
    IDFED_TLS_CERT_FILE: join(dir, 'c.pem'),
    IDFED_TLS_KEY_FILE: join(dir, 'k.pem'),
  };
  mkdirSync(env.IDFED_PROBE_DIR, { recursive: true });
  const gateway = startAsManifest('gateway', name, env, dir);
  const health = () =>
    new Promise<number>((resolve, reject) =>
      get(`https://localhost:${port}/health`, { ca: certificate, timeout: 5_000 }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject),
    );
  await eventually(async () => expect(await health()).toBe(200), { timeoutMs: 120_000, intervalMs: 500 });
  return { port, spki, certificate, close: () => stopApp(gateway) };
}
