// `npm test`: installs what the tests need and runs every tier: format + lint + typecheck, build,
//   unit, then two lanes side by side -- e2e in embedded mode (the `npm start` process, its own
//   embedded PostgreSQL) and integration (real Postgres + Kafka) followed by e2e in distributed
//   mode (one process per app over Kafka and Postgres) -- and last the bounded fault suite
//   (`npm run faults -- --bounded`, alone: it times recoveries).
// Why two lanes: the e2e tiers spend most of their time waiting on round trips, so on a 2-core CI
// machine running them side by side takes about the time of the longer one; they share no state
// (separate systems, databases and ports; embedded-only specs that use the shared PostgreSQL make a
// database of their own).
// Postgres and Kafka come from IDFED_TEST_DATABASE_URL / IDFED_TEST_KAFKA_BROKERS when set (CI
// sets them); otherwise from testcontainers when a Docker engine answers; otherwise this script
// starts the project's own (deploy/postgres, deploy/kafka) and stops them at the end.
import { execFileSync, execSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureInstalled } from './ensure-built.mjs';

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

/**
 * Runs a command in its own process group, its output both shown and kept in `logPath`, killing
 * the whole group (jest and the apps it started) if it outlives `timeoutMs`.
 */
async function runLogged(command, env, timeoutMs, logPath, prefix = '') {
  console.log(`\n${prefix}$ ${command}`);
  const log = createWriteStream(logPath);
  const child = spawn(command, {
    cwd: root,
    shell: true,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  // Lanes running side by side tag each whole line of theirs, so CI's output stays readable.
  const show = (stream) => {
    let pending = '';
    return (chunk) => {
      log.write(chunk);
      if (!prefix) return stream.write(chunk);
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop();
      for (const line of lines) stream.write(`${prefix}${line}\n`);
    };
  };
  child.stdout.on('data', show(process.stdout));
  child.stderr.on('data', show(process.stderr));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, timeoutMs);
  const code = await new Promise((resolve) => child.on('close', (exitCode) => resolve(exitCode ?? 1)));
  clearTimeout(timer);
  await new Promise((resolve) => log.end(resolve));
  return { ok: code === 0, timedOut };
}

// eslint-disable-next-line no-control-regex
const plain = (line) => line.replace(/\x1b\[[0-9;]*m/g, '').trimEnd();
const short = (line) => (line.length > 220 ? `${line.slice(0, 217)}...` : line);

/**
 * Why a tier failed, in a few lines: CI keeps only the end of the output, so the reason has to be
 * repeated there. Failed tests come from Jest's report; a tier that failed before any test ran
 * (a global setup error, a crashed app) is explained by the first error lines of its log.
 */
function failureSummary(report, logPath) {
  const lines = [];
  if (report) {
    for (const file of report.testResults ?? []) {
      if (file.status === 'failed' && file.assertionResults.every((a) => a.status !== 'failed'))
        lines.push(`suite failed: ${file.name.replace(root, '')}: ${firstLine(file.message)}`);
      for (const a of file.assertionResults.filter((r) => r.status === 'failed'))
        lines.push(`failed: ${a.fullName}: ${firstLine(a.failureMessages.join('\n'))}`);
    }
  }
  if (lines.length === 0 && existsSync(logPath)) {
    const log = readFileSync(logPath, 'utf8').split('\n').map(plain);
    const at = log.findIndex((l) => /\b(Error|exited with|not healthy|ERR!|FAIL)\b/.test(l));
    const from = at >= 0 ? at : Math.max(0, log.length - 12);
    lines.push(...log.slice(from, from + 12).filter((l) => l.trim() !== ''));
  }
  // Five lines a tier: CI's excerpt of the output is about thirty lines long.
  const shown = lines.slice(0, 5).map(short);
  return lines.length > 5 ? [...shown, `(+${lines.length - 5} more in .cache/tier-*.log)`] : shown;
}

function firstLine(text = '') {
  return (
    plain(text)
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '' && !l.startsWith('●')) ?? ''
  );
}

/** Runs a tier; Jest tiers also report their test counts through a JSON file. */
async function tier(name, command, env = {}, timeoutMs = 20 * 60_000, prefix = '') {
  const began = Date.now();
  // The tier's slot is taken before anything awaits, so tiers started together get their own files.
  const slot = tiers.length;
  tiers.push({ name, ok: false, seconds: 0, why: ['did not finish'] });
  const report = `${root}/.cache/jest-${slot}.json`;
  const logPath = `${root}/.cache/tier-${slot}.log`;
  const isJest = command.startsWith('npx jest');
  rmSync(report, { force: true });
  // A hung tier fails after its bound (20 minutes unless given) instead of eating CI's budget.
  const { ok: exitedCleanly, timedOut } = await runLogged(
    isJest ? `${command} --json --outputFile=${report}` : command,
    env,
    timeoutMs,
    logPath,
    prefix,
  );
  let ok = exitedCleanly;
  let result;
  if (isJest && existsSync(report)) {
    result = JSON.parse(readFileSync(report, 'utf8'));
    counts.passed += result.numPassedTests;
    counts.failed += result.numFailedTests;
    if (result.numTotalTests === 0) ok = false; // a tier that ran nothing proves nothing
  }
  tiers[slot] = {
    name,
    ok,
    seconds: (Date.now() - began) / 1000,
    why: ok
      ? []
      : [
          ...(timedOut ? [`killed after its bound of ${timeoutMs / 1000} s`] : []),
          ...failureSummary(result, logPath),
        ],
  };
}

try {
  ensureInstalled();
  await tier('check (prettier, eslint, tsc)', 'npm run check');
  await tier('build', 'npm run build');
  // Two workers: Jest's default on 2 cores is one, leaving a core idle through the longest CPU-bound tier.
  await tier('unit', 'npx jest --selectProjects unit --ci --maxWorkers=2');

  const docker = dockerAvailable();
  if (!process.env.IDFED_TEST_DATABASE_URL && !docker) {
    process.env.IDFED_TEST_DATABASE_URL = startLocal('deploy/postgres/postgres.sh');
  }
  if (!process.env.IDFED_TEST_KAFKA_BROKERS && !docker) {
    process.env.IDFED_TEST_KAFKA_BROKERS = startLocal('deploy/kafka/kafka.sh');
  }
  // --forceExit: a kafkajs client can keep a reconnect timer alive after it was closed; the
  // results are already written, and a lingering timer must not hang the run.
  const embeddedLane = tier(
    'e2e (embedded)',
    'npx jest --selectProjects e2e --ci --runInBand --forceExit',
    { IDFED_E2E_MODE: 'embedded' },
    undefined,
    '[embedded] ',
  );
  const kafkaLane = (async () => {
    await tier(
      'integration',
      'npx jest --selectProjects int --ci --runInBand --forceExit',
      { IDFED_TEST_WITH_KAFKA: '1' },
      undefined,
      '[int] ',
    );
    await tier(
      'e2e (distributed)',
      'npx jest --selectProjects e2e --ci --runInBand --forceExit',
      { IDFED_E2E_MODE: 'distributed' },
      undefined,
      '[distributed] ',
    );
  })();
  await Promise.all([embeddedLane, kafkaLane]);
  // Kills each service, the broker and PostgreSQL under load (its own Kafka and PostgreSQL, never
  // the shared ones above); fails on a lost write, a double application or a slow recovery.
  await tier('faults (bounded)', 'node dist/faults/main.js --bounded', {}, 4 * 60_000);
} finally {
  stopLocal();
}

console.log('\nidfed test tiers:');
for (const t of tiers) {
  console.log(`  ${t.ok ? 'PASS' : 'FAIL'}  ${t.name} (${t.seconds.toFixed(1)} s)`);
  for (const line of t.why) console.log(`        ${line}`);
}
const failedTiers = tiers.filter((t) => !t.ok).length;
console.log(`tests: ${counts.passed} passed, ${counts.failed} failed`);
process.exit(failedTiers || counts.failed ? 1 : 0);
