// Generates the static protobufjs code of the checked-in protos (proto/idfed/**) that the tests'
// gRPC client uses: `node scripts/generate-grpc-client.mjs`. Run it after changing a proto; the
// output is checked in (libs/testing/src/grpc/generated/).
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const protoRoot = join(root, 'proto');
const out = join(root, 'libs', 'testing', 'src', 'grpc', 'generated', 'idfed-protos');

function protos(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? protos(path) : name.endsWith('.proto') ? [path] : [];
  });
}

// The typed admin services (ADR 0052) are left out: their static code would be megabytes; the
// tests load those protos at run time (libs/testing/src/grpc/typed-admin-client.ts).
const TYPED_ADMIN = /^idfed\/admin\/(cognitoidp|cognitoidentity|iam)\//;
const files = protos(join(protoRoot, 'idfed'))
  .map((f) => relative(protoRoot, f))
  .filter((f) => !TYPED_ADMIN.test(f))
  .sort();
const bin = (name) => join(root, 'node_modules', '.bin', name);
execFileSync(
  bin('pbjs'),
  [
    '-t',
    'static-module',
    '-w',
    'commonjs',
    '--no-beautify',
    '--force-number',
    '-p',
    protoRoot,
    '-o',
    `${out}.js`,
    ...files,
  ],
  { cwd: protoRoot, stdio: 'inherit' },
);
execFileSync(bin('pbts'), ['-o', `${out}.d.ts`, `${out}.js`], { stdio: 'inherit' });
console.log(`generated ${relative(root, out)}.js and .d.ts from ${files.length} protos`);
