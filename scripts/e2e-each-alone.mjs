// `npm run test:e2e:each-alone -- [-t '<regex>'] e2e/<file>.e2e-spec.ts [...]`: runs every test
// (or those whose full name matches the regex) of the given e2e spec files on its own (`jest -t
// '<full name>'`, one Jest run per test, each with a system of its own), and lists the tests that
// fail alone. A test that passes in the whole file but fails alone depends on state an earlier test
// built. Slow (one system start per test) and not part of CI. The mode and infrastructure come from
// the environment, as for `npm run test:e2e` (IDFED_E2E_MODE, IDFED_TEST_KAFKA_BROKERS,
// IDFED_TEST_DATABASE_URL); run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
// `-t <regex>`: only the tests whose full name matches, for a sample of a long file.
const only = args.includes('-t') ? new RegExp(args.splice(args.indexOf('-t'), 2)[1]) : undefined;
const files = args;
if (files.length === 0) {
  console.error("usage: npm run test:e2e:each-alone -- [-t '<regex>'] e2e/<file>.e2e-spec.ts [...]");
  process.exit(2);
}
const scratch = mkdtempSync(join(tmpdir(), 'idfed-each-alone-'));
let run = 0;

/** One Jest run of the e2e project: its JSON report (undefined if Jest wrote none) and its output. */
function jest(file, namePattern) {
  const report = join(scratch, `${run}.json`);
  const log = join(scratch, `${run++}.log`);
  const out = openSync(log, 'w');
  spawnSync(
    'npx',
    [
      'jest',
      '--selectProjects',
      'e2e',
      '--ci',
      '--runInBand',
      '--forceExit',
      '--json',
      `--outputFile=${report}`,
      '--testNamePattern',
      namePattern,
      '--runTestsByPath',
      file,
    ],
    { cwd: root, stdio: ['ignore', out, out] },
  );
  return { report: existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : undefined, log };
}

/** The full names of a file's tests: a run whose pattern selects none of them lists them all as skipped. */
function testNames(file) {
  const { report, log } = jest(file, '^a name no test has$');
  if (!report) throw new Error(`jest did not list the tests of ${file}: see ${log}`);
  return report.testResults.flatMap((r) => r.assertionResults.map((a) => a.fullName));
}

function escapeRegex(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const failures = [];
for (const file of files) {
  for (const name of testNames(file).filter((n) => !only || only.test(n))) {
    const { report, log } = jest(file, `^${escapeRegex(name)}$`);
    const results = report?.testResults.flatMap((r) => r.assertionResults) ?? [];
    const ran = results.filter((a) => a.status === 'passed' || a.status === 'failed');
    const ok = ran.length === 1 && ran[0].status === 'passed' && report.numFailedTestSuites === 0;
    console.log(`${ok ? 'PASS' : 'FAIL'}  ${file} › ${name}${ok ? '' : ` (output: ${log})`}`);
    if (!ok) failures.push(`${file} › ${name}`);
  }
}
console.log(`\n${failures.length ? `failed alone:\n  ${failures.join('\n  ')}` : 'every test passed alone'}`);
process.exit(failures.length ? 1 : 0);
