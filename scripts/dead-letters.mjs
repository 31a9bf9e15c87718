// `npm run dead-letters -- <command>`: build if needed, then list, show, replay or discard the
// events a service gave up on (docs/operations.md).
import { spawnSync } from 'node:child_process';
import { ensureBuilt, ensureInstalled } from './ensure-built.mjs';

ensureInstalled();
ensureBuilt();
const result = spawnSync(
  process.execPath,
  ['dist/apps/embedded/src/dead-letters.js', ...process.argv.slice(2)],
  { cwd: new URL('..', import.meta.url).pathname, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
