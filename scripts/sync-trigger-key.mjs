// `npm run sync-trigger-key -- <name>`: build if needed, then print the key the sync trigger
// endpoint of that name verifies its calls with (ADR 0023, docs/api.md).
import { spawnSync } from 'node:child_process';
import { ensureBuilt, ensureInstalled } from './ensure-built.mjs';

ensureInstalled();
ensureBuilt();
const result = spawnSync(
  process.execPath,
  ['dist/apps/device-sync/src/sync-trigger-key.js', ...process.argv.slice(2)],
  { cwd: new URL('..', import.meta.url).pathname, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
