// `npm test`: installs what the tests need and runs every tier, in this order:
//   format + lint + typecheck, build, unit, integration (real Postgres + Kafka),
//   e2e in embedded mode (the `npm start` process), e2e in distributed mode (one process per app
//   over Kafka and Postgres), and the bounded fault suite (`npm run faults -- --bounded`).
// Postgres and Kafka come from IDFED_TEST_DATABASE_URL / IDFED_TEST_KAFKA_BROKERS when set (CI
// sets them); otherwise from testcontainers when a Docker engine answers; otherwise this script
// starts the project's own (deploy/postgres, deploy/kafka) and stops them at the end.
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureInstalled, run } from './ensure-built.mjs';

const root = new URL('..', import.meta.url).pathname;
const started = [];

function dockerAvailable() {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

function startLocal(script) {
  const out = execSync(`bash ${script} start`, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
    .toString()
    .trim();
  started.push(script);
  return out.split('\n').pop();
}

function stopLocal() {
  for (const script of started.reverse()) {
    try {
      execSync(`bash ${script} stop`, { cwd: root, stdio: 'inherit' });
    } catch {
      // best effort: the next start reuses or replaces it
    }
  }
}

const tiers = [];
const counts = { passed: 0, failed: 0 };
mkdirSync(`${root}/.cache`, { recursive: true });

/** Runs a tier; Jest tiers also report their test counts through a JSON file. */
function tier(name, command, env = {}, timeoutMs = 20 * 60_000) {
  const began = Date.now();
  const report = `${root}/.cache/jest-${tiers.length}.json`;
  const isJest = command.startsWith('npx jest');
  rmSync(report, { force: true });
  let ok = true;
  try {
    // A hung tier fails after its bound (20 minutes unless given) instead of eating CI's budget.
    run(isJest ? `${command} --json --outputFile=${report}` : command, env, timeoutMs);
  } catch {
    ok = false;
  }
  if (isJest && existsSync(report)) {
    const result = JSON.parse(readFileSync(report, 'utf8'));
    counts.passed += result.numPassedTests;
    counts.failed += result.numFailedTests;
    if (result.numTotalTests === 0) ok = false; // a tier that ran nothing proves nothing
  }
  tiers.push({ name, ok, seconds: (Date.now() - began) / 1000 });
}

try {
  ensureInstalled();
  tier('check (prettier, eslint, tsc)', 'npm run check');
  tier('build', 'npm run build');
  tier('unit', 'npx jest --selectProjects unit --ci');

  const docker = dockerAvailable();
  if (!process.env.IDFED_TEST_DATABASE_URL && !docker) {
    process.env.IDFED_TEST_DATABASE_URL = startLocal('deploy/postgres/postgres.sh');
  }
  if (!process.env.IDFED_TEST_KAFKA_BROKERS && !docker) {
    process.env.IDFED_TEST_KAFKA_BROKERS = startLocal('deploy/kafka/kafka.sh');
  }
  // --forceExit: a kafkajs client can keep a reconnect timer alive after it was closed; the
  // results are already written, and a lingering timer must not hang the run.
  tier('integration', 'npx jest --selectProjects int --ci --runInBand --forceExit', {
    IDFED_TEST_WITH_KAFKA: '1',
  });
  tier('e2e (embedded)', 'npx jest --selectProjects e2e --ci --runInBand --forceExit', {
    IDFED_E2E_MODE: 'embedded',
  });
  tier('e2e (distributed)', 'npx jest --selectProjects e2e --ci --runInBand --forceExit', {
    IDFED_E2E_MODE: 'distributed',
  });
  // Kills each service, the broker and PostgreSQL under load (its own Kafka and PostgreSQL, never
  // the shared ones above); fails on a lost write, a double application or a slow recovery.
  tier('faults (bounded)', 'node dist/faults/main.js --bounded', {}, 4 * 60_000);
} finally {
  stopLocal();
}

console.log('\nidfed test tiers:');
for (const t of tiers) console.log(`  ${t.ok ? 'PASS' : 'FAIL'}  ${t.name} (${t.seconds.toFixed(1)} s)`);
const failedTiers = tiers.filter((t) => !t.ok).length;
console.log(`tests: ${counts.passed} passed, ${counts.failed} failed`);
process.exit(failedTiers || counts.failed ? 1 : 0);
