// `npm run faults`: install and build if needed, then run the fault suite (faults/, built to
// dist/faults). Arguments after `--` go to the suite: `npm run faults -- --help`.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, ensureInstalled, run } from './ensure-built.mjs';

const root = new URL('..', import.meta.url).pathname;
const entry = join(root, 'dist', 'faults', 'main.js');

ensureInstalled();
ensureBuilt();
const sources = readdirSync(join(root, 'faults')).filter((f) => f.endsWith('.ts'));
const newest = Math.max(...sources.map((f) => statSync(join(root, 'faults', f)).mtimeMs));
if (!existsSync(entry) || statSync(entry).mtimeMs < newest) run('npm run build');

const child = spawn(process.execPath, [entry, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
