import { mkdirSync, mkdtempSync } from 'node:fs';
import { get } from 'node:https';
import { join } from 'node:path';
import { eventually } from '../../libs/testing/src/eventually';
import type { E2eSystem } from './e2e-context';
import { freePort, startAsManifest, stopApp } from './processes';
import { selfSignedLocalhostCertificate } from './self-signed-certificate';

/**
 * Distributed mode: one more gateway replica, started as deploy/k8s runs it beside the suite's
 * services, with idfed's own HTTPS listener (IDFED_TLS_CERT_FILE / IDFED_TLS_KEY_FILE, ADR 0026)
 * and a self-signed certificate for localhost, `*.auth.localhost` and 127.0.0.1
 * (self-signed-certificate.ts). `spki` is the certificate key's SHA-256 (Chromium's
 * `--ignore-certificate-errors-spki-list`), `certificate` what a Node client trusts.
 */
export async function startTlsGateway(
  system: E2eSystem,
  name = 'gateway-tls',
): Promise<{ port: number; spki: string; certificate: Buffer; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(system.workDir, `${name}-`));
  const { certificate, spki, certFile, keyFile } = selfSignedLocalhostCertificate(dir);
  const port = await freePort();
  const env = {
    ...system.commonEnv,
    IDFED_PROBE_DIR: join(dir, 'probes'),
    IDFED_HTTP_PORT: String(port),
    IDFED_TLS_CERT_FILE: certFile,
    IDFED_TLS_KEY_FILE: keyFile,
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
