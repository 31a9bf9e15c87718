// The exec probe of a service (deploy/k8s, docker-compose.yml): passes while the probe file the
// service rewrites every 5 s is fresh.
//   node scripts/probe-file.mjs live|ready [maxAgeMs]
// Exit 0: fresh. Exit 1: stale or missing (the service is stuck, or its database is unreachable).
import { statSync } from 'node:fs';
import { join } from 'node:path';

const kind = process.argv[2];
const maxAgeMs = Number(process.argv[3] ?? 20000);
if (kind !== 'live' && kind !== 'ready') {
  console.error('usage: node scripts/probe-file.mjs live|ready [maxAgeMs]');
  process.exit(2);
}
const file = join(process.env.IDFED_PROBE_DIR ?? '/tmp', `idfed-${kind}`);
try {
  const age = Date.now() - statSync(file).mtimeMs;
  if (age <= maxAgeMs) process.exit(0);
  console.error(`${file} is ${Math.round(age)} ms old`);
} catch {
  console.error(`${file} is missing`);
}
process.exit(1);
