// `npm run check`: prettier, eslint and the type check, side by side. Each is single-threaded, so
// on a multi-core machine running them together takes about as long as the slowest (the type
// check and eslint's typed rules). Each one's output is printed whole when it ends, never
// interleaved; the exit code is non-zero when any of them failed.
import { spawn } from 'node:child_process';

const checks = [
  ['prettier', 'prettier --check .'],
  ['eslint', 'eslint --max-warnings 0 .'],
  ['tsc', 'tsc -p tsconfig.json --noEmit'],
];

function run([name, command]) {
  const began = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code) => {
      const seconds = ((Date.now() - began) / 1000).toFixed(1);
      process.stdout.write(`\n$ ${command}  (${code === 0 ? 'ok' : `failed, exit ${code}`}, ${seconds} s)\n`);
      process.stdout.write(Buffer.concat(output));
      resolve({ name, ok: code === 0 });
    });
  });
}

const results = await Promise.all(checks.map(run));
const failed = results.filter((r) => !r.ok).map((r) => r.name);
if (failed.length > 0) {
  console.error(`\ncheck failed: ${failed.join(', ')}`);
  process.exit(1);
}
