import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function dataPath(dataDir: string, ...parts: string[]): string {
  return resolve(join(dataDir, ...parts));
}

/**
 * Returns the secret stored at `path`, creating it with `generate` on first use. The file is
 * written 0600 with an exclusive create, so two processes starting together cannot both write.
 */
export function readOrCreateSecretFile(
  path: string,
  generate: () => string,
): { value: string; created: boolean } {
  if (existsSync(path)) return { value: readFileSync(path, 'utf8').trim(), created: false };
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(path, `${generate()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return { value: readFileSync(path, 'utf8').trim(), created: false };
  }
  chmodSync(path, 0o600);
  return { value: readFileSync(path, 'utf8').trim(), created: true };
}
