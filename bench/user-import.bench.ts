import { readFileSync, writeFileSync } from 'node:fs';
import {
  CreateUserImportJobCommand,
  CreateUserPoolCommand,
  DescribeUserImportJobCommand,
  StartUserImportJobCommand,
  StopUserImportJobCommand,
  UserImportJobType,
} from '@aws-sdk/client-cognito-identity-provider';
import { machineDescription } from './cpu';
import { startEmbeddedBench } from './embedded-idfed';

/**
 * A user import through the AWS SDK and the job's PreSignedUrl (ADR 0045, 0070), embedded mode: a
 * CSV of `--rows` users (each row padded to `--row-bytes`), made as the upload reads it and PUT
 * chunked, then StartUserImportJob and DescribeUserImportJob until it ends. Figures: the upload's
 * MB/s, users imported per second (from the start to Succeeded), and the resident memory of idfed's
 * Node.js process (VmRSS sampled every 100 ms through upload and import, and the kernel's VmHWM)
 * next to its RSS before the upload. PostgreSQL runs in processes of its own, not counted. `--mb=M`
 * sizes the file instead (M MiB, at most Cognito's 100). `--stop-after=U` stops the job once U
 * users are in (StopUserImportJob): the whole file is still uploaded and read through, so its
 * memory is measured without waiting for every user on a slow machine.
 *
 * `--max-old-space=MB` runs idfed with that V8 old-space cap.
 *
 *   npm run bench -- --user-import [--rows=N | --mb=M] [--row-bytes=B] [--stop-after=U]
 *     [--max-old-space=MB] [--json=PATH] [--keep]
 */

const MiB = 1024 * 1024;

export interface UserImportBenchResult {
  rows: number;
  fileBytes: number;
  uploadSeconds: number;
  uploadMBps: number;
  /** From the start until the job is InProgress: the file read through once. */
  scanSeconds: number;
  importSeconds: number;
  importedUsers: number;
  usersPerSecond: number;
  rssBeforeMiB: number;
  peakRssMiB: number;
  hwmMiB: number;
  job: UserImportJobType;
}

function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: (kib('VmRSS') * 1024) / MiB, hwm: (kib('VmHWM') * 1024) / MiB };
}

export async function runUserImportBench(argv: string[]): Promise<UserImportBenchResult> {
  const args = new Map(argv.map((a) => a.replace(/^--/, '').split('=') as [string, string | undefined]));
  const rowBytes = Number(args.get('row-bytes') ?? 200);
  if (!Number.isInteger(rowBytes) || rowBytes < 80 || rowBytes > 16_000)
    throw new Error('--row-bytes must be an integer from 80 to 16000');
  const header = 'cognito:username,email,email_verified,name,cognito:mfa_enabled\n';
  const mb = args.get('mb');
  const rows = mb
    ? Math.floor((Math.min(Number(mb), 100) * MiB - header.length) / rowBytes)
    : Number(args.get('rows') ?? 100_000);
  if (!Number.isInteger(rows) || rows < 1) throw new Error('--rows (or --mb) must give at least one row');
  const stopAfter = Number(args.get('stop-after') ?? rows);
  if (!Number.isInteger(stopAfter) || stopAfter < 1)
    throw new Error('--stop-after must be a positive integer');
  const log = (line: string) =>
    console.error(`[user-import ${new Date().toISOString().slice(11, 19)}] ${line}`);
  // --max-old-space=MB caps idfed's V8 heap: an import that completes under a small cap holds
  // little live data, whatever RSS the garbage collector lets grow without one.
  const oldSpace = args.get('max-old-space');
  if (oldSpace !== undefined && !/^\d{2,5}$/.test(oldSpace)) throw new Error('--max-old-space must be MB');
  const bench = await startEmbeddedBench(
    'user-import',
    log,
    oldSpace ? { env: { NODE_OPTIONS: `--max-old-space-size=${oldSpace}` } } : {},
  );
  const { sdk } = bench;
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, memoryOf(bench.pid).rss);
  }, 100);
  try {
    const stamp = Date.now().toString(36);
    const UserPoolId = (
      await sdk.send(
        new CreateUserPoolCommand({ PoolName: `bench-import-${stamp}`, AutoVerifiedAttributes: ['email'] }),
      )
    ).UserPool!.Id!;
    const job = (
      await sdk.send(
        new CreateUserImportJobCommand({
          UserPoolId,
          JobName: 'bench',
          CloudWatchLogsRoleArn: 'arn:aws:iam::123456789012:role/CognitoImportRole',
        }),
      )
    ).UserImportJob!;
    const rssBefore = memoryOf(bench.pid).rss;
    peakRss = rssBefore;
    // Each row padded to rowBytes with its name; made as the upload pulls them, 1,000 at a time.
    const encoder = new TextEncoder();
    let made = 0;
    let fileBytes = header.length;
    const row = (i: number) => {
      const start = `u${i}-${stamp},u${i}-${stamp}@bench.example,true,`;
      const end = ',false\n';
      return start + 'n'.repeat(Math.max(1, rowBytes - start.length - end.length)) + end;
    };
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(header));
      },
      pull(controller) {
        if (made === rows) return controller.close();
        let text = '';
        for (const stop = Math.min(rows, made + 1000); made < stop; made++) text += row(made);
        fileBytes += Buffer.byteLength(text);
        controller.enqueue(encoder.encode(text));
      },
    });
    log(`uploading ${rows} rows`);
    const uploadStart = performance.now();
    const put = await fetch(job.PreSignedUrl!, {
      method: 'PUT',
      body,
      headers: { 'x-amz-server-side-encryption': 'aws:kms' },
      duplex: 'half',
    });
    const uploadSeconds = (performance.now() - uploadStart) / 1000;
    if (put.status !== 200) throw new Error(`upload answered ${put.status}: ${await put.text()}`);
    log(`uploaded ${(fileBytes / MiB).toFixed(1)} MiB in ${uploadSeconds.toFixed(1)} s; importing`);
    const importStart = performance.now();
    await sdk.send(new StartUserImportJobCommand({ UserPoolId, JobId: job.JobId! }));
    let done: UserImportJobType;
    let reported = performance.now();
    let scanSeconds: number | undefined;
    let stopRequested = false;
    for (;;) {
      done = (await sdk.send(new DescribeUserImportJobCommand({ UserPoolId, JobId: job.JobId! })))
        .UserImportJob!;
      if (['Succeeded', 'Failed', 'Stopped'].includes(done.Status!)) break;
      if (scanSeconds === undefined && done.Status !== 'Pending')
        scanSeconds = (performance.now() - importStart) / 1000;
      if (!stopRequested && done.ImportedUsers! >= stopAfter) {
        stopRequested = true;
        await sdk.send(new StopUserImportJobCommand({ UserPoolId, JobId: job.JobId! }));
      }
      if (performance.now() - reported > 15_000) {
        reported = performance.now();
        log(`${done.Status}: ${done.ImportedUsers} imported, RSS ${memoryOf(bench.pid).rss.toFixed(0)} MiB`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    const importSeconds = (performance.now() - importStart) / 1000;
    const expected = stopAfter < rows ? 'Stopped' : 'Succeeded';
    if (done.Status !== expected || (expected === 'Succeeded' && done.ImportedUsers !== rows))
      throw new Error(
        `the job ended ${done.Status} with ${done.ImportedUsers} of ${rows}: ${done.CompletionMessage}`,
      );
    const result: UserImportBenchResult = {
      rows,
      fileBytes,
      uploadSeconds,
      uploadMBps: fileBytes / MiB / uploadSeconds,
      scanSeconds: scanSeconds ?? importSeconds,
      importSeconds,
      importedUsers: done.ImportedUsers!,
      usersPerSecond: done.ImportedUsers! / importSeconds,
      rssBeforeMiB: rssBefore,
      peakRssMiB: Math.max(peakRss, memoryOf(bench.pid).rss),
      hwmMiB: memoryOf(bench.pid).hwm,
      job: done,
    };
    console.log(
      [
        `user import, embedded: ${rows} rows, ${(fileBytes / MiB).toFixed(1)} MiB`,
        `  upload   ${uploadSeconds.toFixed(1)} s  (${result.uploadMBps.toFixed(1)} MiB/s)`,
        `  check    ${result.scanSeconds.toFixed(1)} s  (the file read through once at the start)`,
        `  import   ${importSeconds.toFixed(1)} s  ${done.ImportedUsers} users ${done.Status} (${result.usersPerSecond.toFixed(0)} users/s, the check included)`,
        `  idfed RSS before ${rssBefore.toFixed(0)} MiB, peak sampled ${result.peakRssMiB.toFixed(0)} MiB, VmHWM ${result.hwmMiB.toFixed(0)} MiB`,
      ].join('\n'),
    );
    const jsonPath = args.get('json');
    if (jsonPath) writeFileSync(jsonPath, JSON.stringify({ machine: machineDescription(), result }, null, 2));
    return result;
  } finally {
    clearInterval(sampler);
    await bench.stop(args.has('keep'));
  }
}
