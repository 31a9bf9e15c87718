import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';

const ROOT = join(__dirname, '..', '..', '..');
const APPS = [
  'gateway',
  'device-gateway',
  'user-directory',
  'federation-broker',
  'credential-vending',
  'device-sync',
];
/** The gateways' routes a probe may name (the device gateway serves the first two). */
const GATEWAY_PROBE_PATHS = ['/health/live', '/health/ready', '/health'];

interface Probe {
  httpGet?: { path: string; port: string | number };
  exec?: { command: string[] };
}
interface Container {
  name: string;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
}

function deployments(): { name: string; container: Container }[] {
  const dir = join(ROOT, 'deploy', 'k8s');
  const found: { name: string; container: Container }[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    for (const doc of parseAllDocuments(readFileSync(join(dir, file), 'utf8'))) {
      expect(doc.errors).toEqual([]);
      const value = doc.toJS() as {
        kind?: string;
        metadata?: { name: string };
        spec?: { template: { spec: { containers: Container[] } } };
      };
      if (value?.kind !== 'Deployment') continue;
      for (const container of value.spec!.template.spec.containers)
        found.push({ name: value.metadata!.name, container });
    }
  }
  return found;
}

/** What a probe runs must exist: a gateway route, or the probe script shipped in the image. */
function expectRunnable(probe: Probe | undefined): void {
  expect(probe).toBeDefined();
  if (probe!.httpGet) {
    expect(GATEWAY_PROBE_PATHS).toContain(probe!.httpGet.path);
  } else {
    const command = probe!.exec!.command;
    expect(command.slice(0, 2)).toEqual(['node', 'scripts/probe-file.mjs']);
    expect(['live', 'ready']).toContain(command[2]);
    expect(existsSync(join(ROOT, command[1]))).toBe(true);
  }
}

/** The deployment descriptions parse, and every app has the probes a scheduler and a supervisor need. */
describe('deployment manifests', () => {
  it('gives every app in deploy/k8s a startup, readiness and liveness probe it can run', () => {
    const found = deployments();
    expect(found.map((d) => d.name).sort()).toEqual([...APPS].sort());
    for (const { container } of found) {
      expectRunnable(container.startupProbe);
      expectRunnable(container.readinessProbe);
      expectRunnable(container.livenessProbe);
    }
    const gateway = found.find((d) => d.name === 'gateway')!.container;
    // Readiness must not be the all-services check: one stopped service would empty the rotation.
    expect(gateway.readinessProbe!.httpGet!.path).toBe('/health/ready');
    expect(gateway.livenessProbe!.httpGet!.path).toBe('/health/live');
    const devices = found.find((d) => d.name === 'device-gateway')!.container;
    expect(devices.readinessProbe!.httpGet!.path).toBe('/health/ready');
    expect(devices.livenessProbe!.httpGet!.path).toBe('/health/live');
  });

  it('gives every app in docker-compose.yml a healthcheck', () => {
    const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as {
      services: Record<string, { healthcheck?: { test: string[] } }>;
    };
    for (const app of APPS) expect(compose.services[app]?.healthcheck?.test?.length).toBeGreaterThan(0);
  });

  it('builds the image on a supported Node LTS and ships the probe script', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24-/m);
    expect(dockerfile).toContain('cp scripts/probe-file.mjs /out/scripts/');
  });
});
