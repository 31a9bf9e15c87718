// `npm run migrate [-- --revert <schema>]`: build if needed, then apply (or revert) migrations.
import { spawnSync } from 'node:child_process';
import { ensureBuilt, ensureInstalled } from './ensure-built.mjs';

ensureInstalled();
ensureBuilt();
const result = spawnSync(process.execPath, ['dist/apps/embedded/src/migrate.js', ...process.argv.slice(2)], {
  cwd: new URL('..', import.meta.url).pathname,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
