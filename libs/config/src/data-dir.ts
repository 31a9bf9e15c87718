import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function dataPath(dataDir: string, ...parts: string[]): string {
  return resolve(join(dataDir, ...parts));
}

/** How long a reader waits for a file another process is still writing (old versions, or no hard links). */
const PARTIAL_FILE_WAIT_MS = 5000;
const PARTIAL_FILE_POLL_MS = 50;

/**
 * Returns the secret stored at `path`, creating it with `generate` on first use. Replicas starting
 * together must agree on one value and never read half of it: the value is written to a temporary
 * file in the same directory, fsynced, and published with a hard link, which (unlike a rename)
 * refuses to replace a file another replica published first; the loser reads the winner's value.
 * A reader that still finds an empty file (written by a filesystem without hard links, or by an
 * older idfed) waits for it to fill before giving up with the path in the message.
 */
export function readOrCreateSecretFile(
  path: string,
  generate: () => string,
): { value: string; created: boolean } {
  const existing = readSecretFile(path);
  if (existing !== undefined) return { value: existing, created: false };
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const value = generate();
  if (publishFile(path, `${value}\n`)) return { value, created: true };
  const winner = readSecretFile(path);
  if (winner === undefined) throw new Error(`${path} disappeared while it was being created`);
  return { value: winner, created: false };
}

/** The trimmed content, waiting out a writer in progress; undefined when there is no file. */
function readSecretFile(path: string): string | undefined {
  const deadline = Date.now() + PARTIAL_FILE_WAIT_MS;
  for (;;) {
    let content: string;
    try {
      content = readFileSync(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    if (content.trim()) return content.trim();
    if (Date.now() > deadline)
      throw new Error(`${path} is empty or incomplete; remove it to generate a new one`);
    sleepSync(PARTIAL_FILE_POLL_MS);
  }
}

/** Writes `content` at `path` unless a file is there already; true when this call created it. */
function publishFile(path: string, content: string): boolean {
  const temp = join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp`);
  writeDurably(temp, content, 'wx');
  try {
    linkSync(temp, path);
    fsyncDirectory(dirname(path));
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw err;
    // No hard links here: an exclusive create, whose readers wait while it is still empty.
    try {
      writeDurably(path, content, 'wx');
      return true;
    } catch (fallback) {
      if ((fallback as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw fallback;
    }
  } finally {
    unlinkSync(temp);
  }
}

function writeDurably(path: string, content: string, flag: string): void {
  const fd = openSync(path, flag, 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
