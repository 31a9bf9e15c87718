import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { waitForGrpcServing } from './grpc/grpc-health';

/**
 * deploy/k8s read as the tests need it: each app's command, ports and probes, so the distributed
 * e2e suite starts each process with its manifest's command and waits on its manifest's probes
 * (and the manifests cannot drift from what is tested), and the manifest spec checks them.
 */
const ROOT = join(__dirname, '..', '..', '..');
export const K8S_DIR = join(ROOT, 'deploy', 'k8s');

export interface ManifestProbe {
  httpGet?: { path: string; port: string | number };
  exec?: { command: string[] };
  grpc?: { port: number; service?: string };
  [other: string]: unknown;
}

export interface ManifestContainer {
  name: string;
  args?: string[];
  command?: string[];
  ports?: { name: string; containerPort: number }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: ManifestProbe;
  livenessProbe?: ManifestProbe;
  startupProbe?: ManifestProbe;
}

export interface ManifestDeployment {
  name: string;
  annotations: Record<string, string>;
  container: ManifestContainer;
}

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}

/** Every object of every manifest file (kustomization.yaml aside). */
export function k8sObjects(dir = K8S_DIR): K8sObject[] {
  const objects: K8sObject[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml'))
    for (const doc of parseAllDocuments(readFileSync(join(dir, file), 'utf8'))) {
      if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
      const value = doc.toJS() as K8sObject | null;
      if (value) objects.push(value);
    }
  return objects;
}

export function manifestDeployments(dir = K8S_DIR): ManifestDeployment[] {
  return k8sObjects(dir)
    .filter((o) => o.kind === 'Deployment')
    .map((o) => {
      const template = (o.spec as { template: { metadata: { annotations?: Record<string, string> } } })
        .template;
      const containers = (template as unknown as { spec: { containers: ManifestContainer[] } }).spec
        .containers;
      if (containers.length !== 1) throw new Error(`${o.metadata.name}: one container expected`);
      return {
        name: o.metadata.name,
        annotations: template.metadata.annotations ?? {},
        container: containers[0],
      };
    });
}

/** The shared ConfigMap's data: the settings every app reads through envFrom. */
export function manifestConfig(dir = K8S_DIR): Record<string, string> {
  const map = k8sObjects(dir).find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'idfed-config');
  if (!map?.data) throw new Error('no idfed-config ConfigMap');
  return map.data;
}

/** The variable that sets each named container port (its value in the ConfigMap is the port). */
export const PORT_VARIABLES: Record<string, string> = {
  http: 'IDFED_HTTP_PORT',
  ws: 'IDFED_WS_PORT',
  grpc: 'IDFED_GRPC_PORT',
  metrics: 'IDFED_METRICS_PORT',
};

export function manifestDeployment(app: string): ManifestDeployment {
  const found = manifestDeployments().find((d) => d.name === app);
  if (!found) throw new Error(`deploy/k8s has no Deployment ${app}`);
  return found;
}

/**
 * The command line the manifest runs, for this machine: `node <script>` with `node` as the test's
 * own Node binary and the script relative to the repository (the image's WORKDIR is its copy).
 */
export function manifestCommand(app: string, nodePath: string): { file: string; args: string[] } {
  const { container } = manifestDeployment(app);
  const line = [...(container.command ?? []), ...(container.args ?? [])];
  if (line[0] !== 'node') throw new Error(`${app}: the manifest runs ${line[0]}, not node`);
  return { file: nodePath, args: line.slice(1) };
}

/**
 * Runs one probe of the manifest against a process on this machine, as the kubelet would: the
 * named port is the one `env` gives the process (PORT_VARIABLES), an exec command runs in the
 * repository with the process's environment, a grpc probe calls grpc.health.v1 Check. Resolves
 * when it passes; rejects when it does not within `timeoutMs`.
 */
export async function runManifestProbe(
  app: string,
  kind: 'startupProbe' | 'readinessProbe' | 'livenessProbe',
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<void> {
  const { container } = manifestDeployment(app);
  const probe = container[kind];
  if (!probe) throw new Error(`${app} has no ${kind}`);
  const portOf = (port: string | number): number => {
    const name =
      typeof port === 'string' ? port : container.ports?.find((p) => p.containerPort === port)?.name;
    const variable = name === undefined ? undefined : PORT_VARIABLES[name];
    if (!variable || !env[variable]) throw new Error(`${app}: no port for ${String(port)} in the test's env`);
    return Number(env[variable]);
  };
  const until = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    try {
      if (probe.httpGet) {
        const res = await fetch(`http://127.0.0.1:${portOf(probe.httpGet.port)}${probe.httpGet.path}`, {
          signal: AbortSignal.timeout(5000),
        });
        if (res.status >= 200 && res.status < 400) return;
        last = `${probe.httpGet.path}: ${res.status}`;
      } else if (probe.exec) {
        const [cmd, ...args] = probe.exec.command;
        const code = await new Promise<number | null>((resolve) => {
          const child = spawn(cmd === 'node' ? process.execPath : cmd, args, {
            cwd: ROOT,
            env: { ...process.env, ...env },
            stdio: 'ignore',
          });
          child.on('exit', resolve);
          child.on('error', () => resolve(-1));
        });
        if (code === 0) return;
        last = `${probe.exec.command.join(' ')}: exit ${code}`;
      } else if (probe.grpc) {
        await waitForGrpcServing(`127.0.0.1:${portOf(probe.grpc.port)}`, Math.max(0, until - Date.now()));
        return;
      } else throw new Error(`${app}: ${kind} has no handler this test knows`);
    } catch (err) {
      last = (err as Error).message;
    }
    if (Date.now() > until) throw new Error(`${app}: ${kind} not passing after ${timeoutMs} ms (${last})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Runs an app's docker-compose.yml healthcheck when it is one of the repository's scripts
 * (`CMD node scripts/...`: the services' probe file, the gRPC gateway's health call) with the
 * process's environment, as the container would; resolves with its exit code, or undefined when
 * the healthcheck is something else (the gateways' fetch of a fixed port).
 */
export async function runComposeHealthcheck(
  app: string,
  env: Record<string, string>,
): Promise<number | undefined> {
  const test = composeFile().services[app]?.healthcheck?.test ?? [];
  if (test[0] !== 'CMD' || test[1] !== 'node' || !test[2]?.startsWith('scripts/')) return undefined;
  return new Promise<number>((resolve) => {
    const child = spawn(process.execPath, test.slice(2), {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    child.on('exit', (code) => resolve(code ?? -1));
    child.on('error', () => resolve(-1));
  });
}

/** docker-compose.yml with its merge keys resolved, as Compose reads it. */
export function composeFile(): {
  services: Record<
    string,
    {
      command?: string[];
      image?: string;
      healthcheck?: { test: string[] };
      volumes?: string[];
      depends_on?: Record<string, { condition: string }>;
    }
  >;
} {
  return parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as ReturnType<
    typeof composeFile
  >;
}
