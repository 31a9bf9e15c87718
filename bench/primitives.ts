import {
  createHash,
  createHmac,
  generateKeyPair,
  randomBytes,
  randomUUID,
  sign,
  webcrypto,
} from 'node:crypto';
import { promisify } from 'node:util';
import { PasswordHasher, signRs256 } from '@idfed/crypto';
import {
  accessTokenClaims,
  idTokenClaims,
  TokenSession,
} from '../apps/user-directory/src/tokens/token-claims';
import { CpuSampler, selfGroup } from './cpu';

/**
 * The physical limits: what one argon2id verification and one RS256 signature cost on this machine,
 * measured with idfed's own code (PasswordHasher, signRs256) so the parameters are exactly idfed's.
 */

export interface SerialResult {
  count: number;
  /** Mean latency of one call, one call at a time: the cost of one operation. */
  meanMs: number;
  p50Ms: number;
}

export interface ParallelResult {
  count: number;
  width: number;
  opsPerS: number;
}

export interface PrimitiveResults {
  argon2: {
    memoryKiB: number;
    timeCost: number;
    parallelism: number;
    hash: SerialResult;
    verify: SerialResult;
    verifyParallel: ParallelResult;
  };
  rs256: {
    /** WebCrypto subtle.sign, as idfed's signRs256 does (libuv pool). */
    sign: SerialResult;
    signParallel: ParallelResult;
    /** node:crypto sign() on the calling thread, for comparison: no thread hop. */
    syncSign: SerialResult;
  };
  sha256: SerialResult;
  hmacSha256: SerialResult;
  /** Share of the machine (all cores) busy with other processes in the quietest round. */
  otherLoadPct: number;
}

export interface PrimitiveBudget {
  /** Upper bound of each serial or parallel measurement, in milliseconds. */
  maxMs: number;
  /** Upper bound of calls of each measurement. */
  maxOps: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** One call at a time, after a short warm-up, until either bound is reached. */
async function serial(fn: () => unknown, budget: PrimitiveBudget, warmup = 3): Promise<SerialResult> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  const started = performance.now();
  const deadline = started + budget.maxMs;
  while (samples.length < budget.maxOps && performance.now() < deadline) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  const total = samples.reduce((a, b) => a + b, 0);
  samples.sort((a, b) => a - b);
  return { count: samples.length, meanMs: total / samples.length, p50Ms: percentile(samples, 50) };
}

/** A synchronous call measured in batches, so the timer does not dominate sub-microsecond work. */
function serialSync(fn: () => unknown, budget: PrimitiveBudget, batch: number): SerialResult {
  for (let i = 0; i < batch; i++) fn();
  const perCall: number[] = [];
  const deadline = performance.now() + budget.maxMs;
  while (perCall.length * batch < budget.maxOps && performance.now() < deadline) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) fn();
    perCall.push((performance.now() - t0) / batch);
  }
  const total = perCall.reduce((a, b) => a + b, 0);
  perCall.sort((a, b) => a - b);
  return { count: perCall.length * batch, meanMs: total / perCall.length, p50Ms: percentile(perCall, 50) };
}

/** `width` calls always in flight, until either bound is reached: the throughput of the machine. */
async function parallel(
  fn: () => Promise<unknown>,
  width: number,
  budget: PrimitiveBudget,
): Promise<ParallelResult> {
  await Promise.all(Array.from({ length: width }, () => fn()));
  let count = 0;
  let issued = 0;
  const started = performance.now();
  const deadline = started + budget.maxMs;
  let lastEnd = started;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (issued < budget.maxOps && performance.now() < deadline) {
        issued++;
        await fn();
        count++;
        lastEnd = performance.now();
      }
    }),
  );
  return { count, width, opsPerS: count / ((lastEnd - started) / 1000) };
}

function sampleSession(): TokenSession {
  const now = Math.floor(Date.now() / 1000);
  return {
    issuer: 'http://127.0.0.1:8080/us-east-1_AbCdEfGhI',
    clientId: 'abcdefghijklmnopqrstuvwxyz',
    originJti: randomUUID(),
    eventId: randomUUID(),
    authTime: now,
    nowSeconds: now,
    idTokenTtl: 3600,
    accessTokenTtl: 3600,
  };
}

const SUBJECT = {
  sub: randomUUID(),
  username: 'bench-user-0001',
  attributes: { email: 'bench-user-0001@example.com', email_verified: 'true' },
};

function better(a: SerialResult, b: SerialResult): SerialResult {
  return b.meanMs < a.meanMs ? b : a;
}

function faster(a: ParallelResult, b: ParallelResult): ParallelResult {
  return b.opsPerS > a.opsPerS ? b : a;
}

/**
 * Measures each figure in `rounds` rounds and keeps the best round of each: on a shared machine
 * other processes can only make a figure worse, and the limits should be the machine's, not the
 * noise's. `beforeRound` can wait for the machine to be quiet.
 */
export async function measurePrimitives(
  memoryKiB: number,
  width: number,
  budget: PrimitiveBudget,
  rounds: number,
  beforeRound: () => Promise<void>,
  log: (line: string) => void,
): Promise<PrimitiveResults> {
  const hasher = new PasswordHasher(memoryKiB);
  const password = 'Bench-Passw0rd!';
  const stored = await hasher.hash(password);
  const generateRsa = promisify(generateKeyPair);
  const { privateKey } = await generateRsa('rsa', { modulusLength: 2048 });
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
  const cryptoKey = await webcrypto.subtle.importKey(
    'pkcs8',
    pkcs8,
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const header = { alg: 'RS256' as const, kid: 'bench' };
  // Alternate ID and access tokens, as a sign-in or a refresh signs one of each.
  let flip = false;
  const signOne = () => {
    flip = !flip;
    const claims = flip
      ? idTokenClaims(SUBJECT, sampleSession())
      : accessTokenClaims(SUBJECT, sampleSession());
    return signRs256(header, claims, cryptoKey);
  };
  const signingInput = Buffer.from(
    `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(
      JSON.stringify(accessTokenClaims(SUBJECT, sampleSession())),
    ).toString('base64url')}`,
  );
  const few = { ...budget, maxOps: Math.min(budget.maxOps, 100) };

  let best: PrimitiveResults | undefined;
  let leastOther = Infinity;
  for (let round = 1; round <= rounds; round++) {
    await beforeRound();
    const sampler = new CpuSampler([selfGroup('primitives (this process)')]);
    sampler.start();
    log(`primitives, round ${round}/${rounds}: argon2id (m=${memoryKiB} KiB, t=2, p=1) hash and verify`);
    const hash = await serial(() => hasher.hash(password), few);
    const verify = await serial(() => hasher.verify(stored, password), budget);
    const verifyParallel = await parallel(() => hasher.verify(stored, password), width, budget);
    log(`primitives, round ${round}/${rounds}: RS256 (2048-bit) WebCrypto and node:crypto signatures`);
    const rsSign = await serial(signOne, budget);
    const rsParallel = await parallel(signOne, width, budget);
    const syncSign = serialSync(() => sign('RSA-SHA256', signingInput, privateKey), budget, 10);
    const kib = randomBytes(1024);
    const hmacKey = randomBytes(32);
    const small = { ...budget, maxMs: Math.min(budget.maxMs, 500) };
    const sha256 = serialSync(() => createHash('sha256').update(kib).digest(), small, 1000);
    const hmacSha256 = serialSync(() => createHmac('sha256', hmacKey).update(kib).digest(), small, 1000);
    sampler.stop();
    const cpu = sampler.breakdown()!;
    const other = cpu.groups[cpu.groups.length - 1].cpuMs;
    leastOther = Math.min(leastOther, (100 * other) / (cpu.wallMs * width));
    const current: PrimitiveResults = {
      argon2: { memoryKiB, timeCost: 2, parallelism: 1, hash, verify, verifyParallel },
      rs256: { sign: rsSign, signParallel: rsParallel, syncSign },
      sha256,
      hmacSha256,
      otherLoadPct: leastOther,
    };
    best = !best
      ? current
      : {
          argon2: {
            ...best.argon2,
            hash: better(best.argon2.hash, hash),
            verify: better(best.argon2.verify, verify),
            verifyParallel: faster(best.argon2.verifyParallel, verifyParallel),
          },
          rs256: {
            sign: better(best.rs256.sign, rsSign),
            signParallel: faster(best.rs256.signParallel, rsParallel),
            syncSign: better(best.rs256.syncSign, syncSign),
          },
          sha256: better(best.sha256, sha256),
          hmacSha256: better(best.hmacSha256, hmacSha256),
          otherLoadPct: leastOther,
        };
  }
  return best!;
}
