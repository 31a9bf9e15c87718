// `npm start`: install if needed, build if needed, then run every idfed app in one process.
import { spawn } from 'node:child_process';
import { ensureBuilt, ensureInstalled } from './ensure-built.mjs';

ensureInstalled();
ensureBuilt();
const child = spawn(process.execPath, ['dist/apps/embedded/src/main.js'], {
  cwd: new URL('..', import.meta.url).pathname,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
