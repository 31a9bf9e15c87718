import { createHash, randomBytes } from 'node:crypto';
import { PasswordHasher } from '@idfed/crypto';
import { createVerifier, srpPoolName, verifierFor } from '../apps/user-directory/src/auth/srp/srp';
import { PasswordCredentials } from '../apps/user-directory/src/users/password-credentials';
import { CodeDigest, plainCodeHash, VerifierSeal } from '../apps/user-directory/src/users/secrets-at-rest';
import { machineDescription } from './cpu';

/**
 * What each stored form of a secret costs an attacker per offline guess, and what checking a
 * password costs the server, with idfed's own code and parameters (ADR 0006):
 *
 *   npm run build && node dist/bench/offline-guess.bench.js [--seconds=S]
 *
 * One thread, one call at a time: an attacker's cost per guess on one core of this machine.
 */
const seconds = Number(/^--seconds=(\d+(?:\.\d+)?)$/.exec(process.argv[2] ?? '')?.[1] ?? '3');
const POOL = 'us-east-1_Bench0001';
const USER = 'alice';
const PASSWORD = 'Corr3ct-Horse!';

async function meanMs(fn: () => unknown): Promise<{ ms: number; n: number }> {
  for (let i = 0; i < 3; i++) await fn();
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  let n = 0;
  while (performance.now() < deadline) {
    await fn();
    n++;
  }
  return { ms: (performance.now() - started) / n, n };
}

function row(label: string, r: { ms: number; n: number }, note = ''): void {
  const perGuess = r.ms < 0.01 ? `${(r.ms * 1000).toFixed(2)} µs` : `${r.ms.toFixed(3)} ms`;
  console.log(`  ${label.padEnd(58)} ${perGuess.padStart(11)}  (n=${r.n})${note ? `  ${note}` : ''}`);
}

async function main(): Promise<void> {
  const m = machineDescription();
  console.log(`offline-guess bench: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB.toFixed(1)} GiB,`);
  console.log(`  node ${process.version}, ${new Date().toISOString()}, ${seconds} s per figure\n`);
  const kek = randomBytes(32);
  const hasher = new PasswordHasher(19456);
  const credentials = new PasswordCredentials(hasher, new VerifierSeal(kek));
  const hash = await hasher.hash(PASSWORD);
  const clear = createVerifier(srpPoolName(POOL), USER, PASSWORD);
  const sealed = { username: USER, ...credentials.srpOnly(POOL, USER, PASSWORD) };
  const legacy = { username: USER, passwordHash: hash, srpSalt: null, srpVerifierEnc: null };
  const sub = '2f1c1a52-7d0e-4c4f-9b8e-3a1d2c4b5e6f';
  const codes = new CodeDigest(kek);

  console.log('attacker, per offline guess (one core):');
  const argon = await meanMs(() => hasher.verify(hash, 'guess-password'));
  row('argon2id hash (19 MiB, t=2, p=1)', argon);
  const srp = await meanMs(() => verifierFor(srpPoolName(POOL), USER, 'guess-password', clear.salt));
  row(
    'SRP verifier in clear (SHA-256 + 3072-bit g^x, OpenSSL)',
    srp,
    `argon2id / SRP = ${(argon.ms / srp.ms).toFixed(1)}x`,
  );
  const sha = await meanMs(() => createHash('sha256').update(`${sub}:123456`).digest('hex'));
  row('code as plain SHA-256(sub:code)', sha, `all 10^6 codes: ${((sha.ms * 1e6) / 1000).toFixed(2)} s`);
  const hmac = await meanMs(() => codes.digest(sub, '123456'));
  row(
    'code as HMAC(KEK-derived key, SHA-256) (only with the KEK)',
    hmac,
    `all 10^6: ${((hmac.ms * 1e6) / 1000).toFixed(2)} s`,
  );
  void plainCodeHash;

  console.log('\nserver, per password check or change:');
  row('USER_PASSWORD_AUTH against the argon2id hash (before)', argon);
  const viaVerifier = await meanMs(() => credentials.verify(POOL, sealed, PASSWORD));
  row('USER_PASSWORD_AUTH against the sealed verifier (now)', viaVerifier);
  const legacyCheck = await meanMs(() => credentials.verify(POOL, legacy, PASSWORD));
  row('a pre-ADR 0006 user (argon2id) through PasswordCredentials', legacyCheck);
  const deriveBefore = await meanMs(async () => {
    await hasher.hash(PASSWORD);
    createVerifier(srpPoolName(POOL), USER, PASSWORD);
  });
  row('storing a new password: argon2id hash + verifier (before)', deriveBefore);
  const deriveNow = await meanMs(() => credentials.derive(POOL, USER, PASSWORD));
  row('storing a new password: sealed verifier (now)', deriveNow);
}

// An error ends the run with its stack (an unhandled rejection), which is what a bench should do.
void main();
