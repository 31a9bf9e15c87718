import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  composeFile,
  K8S_DIR,
  k8sObjects,
  manifestConfig,
  manifestDeployments,
  ManifestProbe,
  PORT_VARIABLES,
} from './deploy-manifests';

const ROOT = join(__dirname, '..', '..', '..');
const APPS = [
  'gateway',
  'device-gateway',
  'grpc-gateway',
  'user-directory',
  'federation-broker',
  'credential-vending',
  'device-sync',
];
const GATEWAYS = ['gateway', 'device-gateway', 'grpc-gateway'];
/** The gateways' routes a probe may name (the device gateway serves the first two). */
const GATEWAY_PROBE_PATHS = ['/health/live', '/health/ready', '/health'];
/** What a probe may hold besides its one handler (Kubernetes' Probe fields). */
const PROBE_FIELDS = [
  'initialDelaySeconds',
  'periodSeconds',
  'timeoutSeconds',
  'failureThreshold',
  'successThreshold',
  'terminationGracePeriodSeconds',
];

function validate(args: string[] = []): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'validate-deploy.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** What a probe runs must exist: a gateway route, the probe script in the image, or gRPC health on the gRPC port. */
function expectRunnable(app: string, probe: ManifestProbe | undefined, ports: Map<string, number>): void {
  expect({ app, probe: probe !== undefined }).toEqual({ app, probe: true });
  const handlers = ['httpGet', 'exec', 'grpc', 'tcpSocket'].filter((h) => h in probe!);
  expect({ app, handlers }).toEqual({ app, handlers: [expect.stringMatching(/^(httpGet|exec|grpc)$/)] });
  for (const key of Object.keys(probe!))
    if (key !== handlers[0])
      expect({ app, key, known: PROBE_FIELDS.includes(key) }).toEqual({ app, key, known: true });
  if (probe!.httpGet) {
    expect(GATEWAY_PROBE_PATHS).toContain(probe!.httpGet.path);
    expect(ports.has(String(probe!.httpGet.port))).toBe(true);
  } else if (probe!.grpc) {
    // Kubernetes takes a number only: it must be the container's grpc port, as the ConfigMap sets it.
    expect(probe!.grpc.port).toBe(ports.get('grpc'));
    expect(probe!.grpc.service ?? '').toBe('');
  } else {
    const command = probe!.exec!.command;
    expect(command.slice(0, 2)).toEqual(['node', 'scripts/probe-file.mjs']);
    expect(['live', 'ready']).toContain(command[2]);
    expect(existsSync(join(ROOT, command[1]))).toBe(true);
  }
}

/** The deployment descriptions parse, validate against their schemas, and agree with each other. */
describe('deployment manifests', () => {
  it('validates docker-compose.yml and deploy/k8s against the Compose and Kubernetes schemas', () => {
    const run = validate();
    expect(run).toEqual({ status: 0, output: expect.stringContaining('valid:') });
  });

  it('refuses what the schemas refuse: a named gRPC probe port, a misspelt healthcheck key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'idfed-manifests-'));
    try {
      cpSync(K8S_DIR, join(dir, 'k8s'), { recursive: true });
      const grpc = join(dir, 'k8s', 'grpc-gateway.yaml');
      writeFileSync(grpc, readFileSync(grpc, 'utf8').replace('port: 50051', 'port: grpc'));
      const compose = join(dir, 'compose.yml');
      writeFileSync(
        compose,
        readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8').replace(
          'start_period: 30s',
          'start_perod: 30s',
        ),
      );
      const run = validate(['--compose', compose, '--k8s', join(dir, 'k8s')]);
      expect(run.status).toBe(1);
      expect(run.output).toContain('startupProbe/grpc/port must be integer');
      expect(run.output).toContain('must NOT have additional properties (start_perod)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives every app in deploy/k8s a startup, readiness and liveness probe it can run', () => {
    const config = manifestConfig();
    const found = manifestDeployments();
    expect(found.map((d) => d.name).sort()).toEqual([...APPS].sort());
    for (const { name, container } of found) {
      // Every named port is the one its variable sets in the ConfigMap (what the app listens on).
      const ports = new Map((container.ports ?? []).map((p) => [p.name, p.containerPort]));
      for (const [portName, port] of ports)
        expect({ name, portName, port }).toEqual({
          name,
          portName,
          port: Number(config[PORT_VARIABLES[portName]]),
        });
      expectRunnable(name, container.startupProbe, ports);
      expectRunnable(name, container.readinessProbe, ports);
      expectRunnable(name, container.livenessProbe, ports);
    }
    const byName = (n: string) => found.find((d) => d.name === n)!.container;
    // Readiness must not be the all-services check: one stopped service would empty the rotation.
    expect(byName('gateway').readinessProbe!.httpGet!.path).toBe('/health/ready');
    expect(byName('gateway').livenessProbe!.httpGet!.path).toBe('/health/live');
    expect(byName('device-gateway').readinessProbe!.httpGet!.path).toBe('/health/ready');
    expect(byName('device-gateway').livenessProbe!.httpGet!.path).toBe('/health/live');
    // The gRPC gateway is probed over gRPC health, natively.
    for (const kind of ['startupProbe', 'readinessProbe', 'livenessProbe'] as const)
      expect(byName('grpc-gateway')[kind]!.grpc!.port).toBe(Number(config.IDFED_GRPC_PORT));
  });

  it('declares where every app serves /metrics, for a Prometheus that reads the annotations', () => {
    const config = manifestConfig();
    for (const { name, annotations, container } of manifestDeployments()) {
      expect({ name, scrape: annotations['prometheus.io/scrape'] }).toEqual({ name, scrape: 'true' });
      expect(annotations['prometheus.io/path']).toBe('/metrics');
      const port = Number(annotations['prometheus.io/port']);
      // The gateways answer /metrics on their HTTP port; the rest on IDFED_METRICS_PORT.
      const expected = { gateway: 'http', 'device-gateway': 'ws' }[name] ?? 'metrics';
      expect({ name, port }).toEqual({ name, port: Number(config[PORT_VARIABLES[expected]]) });
      expect(container.ports?.some((p) => p.containerPort === port)).toBe(true);
    }
    const scrape = k8sObjects().find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'idfed-prometheus');
    const prometheus = parse(scrape!.data!['prometheus.yml']) as { scrape_configs: { job_name: string }[] };
    expect(prometheus.scrape_configs.map((j) => j.job_name)).toEqual(['idfed']);
  });

  it('gives every app a disruption budget and the gRPC gateway an autoscaler of two or more', () => {
    const objects = k8sObjects();
    const selected = (kind: string) =>
      objects
        .filter((o) => o.kind === kind)
        .map((o) => (o.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels);
    const budgets = selected('PodDisruptionBudget').map((l) => l['app.kubernetes.io/name']);
    expect(budgets.sort()).toEqual([...APPS].sort());
    const hpas = objects.filter((o) => o.kind === 'HorizontalPodAutoscaler');
    const targets = hpas.map((h) => (h.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name);
    expect(targets.sort()).toEqual([...APPS].sort());
    for (const gw of GATEWAYS) {
      const hpa = hpas.find((h) => h.metadata.name === gw)!.spec as {
        minReplicas: number;
        maxReplicas: number;
      };
      expect(hpa.minReplicas).toBeGreaterThanOrEqual(2);
      expect(hpa.maxReplicas).toBeGreaterThan(hpa.minReplicas);
    }
  });

  it('gives every app in docker-compose.yml the manifest command and a healthcheck, and Prometheus their metrics', () => {
    const compose = composeFile();
    const deployments = manifestDeployments();
    for (const app of APPS) {
      const service = compose.services[app];
      expect({ app, healthcheck: (service?.healthcheck?.test?.length ?? 0) > 0 }).toEqual({
        app,
        healthcheck: true,
      });
      // One command for both: the one the e2e suite runs.
      expect({ app, command: service.command }).toEqual({
        app,
        command: deployments.find((d) => d.name === app)!.container.args,
      });
    }
    expect(compose.services['grpc-gateway'].healthcheck!.test.slice(0, 3)).toEqual([
      'CMD',
      'node',
      'scripts/grpc-health.mjs',
    ]);
    const prometheus = compose.services.prometheus;
    expect(prometheus.image).toMatch(/^prom\/prometheus:v\d+\.\d+\.\d+$/);
    expect(prometheus.volumes).toContain('./deploy/observability:/etc/prometheus:ro');
  });

  it('builds the image on a supported Node LTS and ships the probe scripts', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24-/m);
    expect(dockerfile).toContain('cp scripts/probe-file.mjs scripts/grpc-health.mjs /out/scripts/');
    expect(dockerfile).toMatch(/^EXPOSE .*\b50051\b.*\b9464\b/m);
  });
});
