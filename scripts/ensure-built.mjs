// Installs dependencies and builds when needed, so `npm start` and `npm test` work on a fresh clone.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Runs a command with inherited output; `timeoutMs` kills it (and fails) if it hangs. */
export function run(command, env = {}, timeoutMs = undefined) {
  console.log(`\n$ ${command}`);
  execSync(command, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
    ...(timeoutMs ? { timeout: timeoutMs, killSignal: 'SIGKILL' } : {}),
  });
}

export function ensureInstalled() {
  const lock = join(root, 'package-lock.json');
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(marker) || statSync(lock).mtimeMs > statSync(marker).mtimeMs) {
    run('npm ci --no-audit --no-fund');
  }
}

export function ensureBuilt() {
  const entry = join(root, 'dist', 'apps', 'embedded', 'src', 'main.js');
  const sources = Math.max(newestMtime(join(root, 'apps')), newestMtime(join(root, 'libs')));
  if (!existsSync(entry) || statSync(entry).mtimeMs < sources) run('npm run build');
}
