// Writes the typed protos of the admin operations (proto/idfed/admin/{cognitoidp,cognitoidentity,iam}/v1)
// from botocore's input and output shapes and the operation catalog (ADR 0052):
//
//   npm run generate:admin-protos                       # from the checked-in model subset
//   pip download botocore --no-deps -d /tmp/botocore && npm run generate:admin-protos -- /tmp/botocore
//
// With a botocore folder (a wheel or an unpacked botocore/data) it first refreshes the checked-in
// subset (scripts/admin-protos/<api>.model.json: the shapes the admin operations reach, with
// idfed's own operations from scripts/admin-protos/idfed-own.json). Field
// numbers come from proto/idfed/admin/field-numbers.lock.json, which this only appends to. It reads
// the catalog and the generator from dist/ (built when stale). A spec fails when the output differs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import { ensureBuilt } from './ensure-built.mjs';

const root = new URL('..', import.meta.url).pathname;
ensureBuilt();
const require = createRequire(import.meta.url);
const { OPERATION_CATALOG } = require(join(root, 'dist/libs/contracts/src'));
const { ADMIN_PROTO_APIS, adminOperationNames, generateAdminProtos, trimModel } = require(
  join(root, 'dist/libs/aws-protocol/src/admin-protos/admin-proto.generator.js'),
);

const modelPath = (api) => join(root, 'scripts/admin-protos', `${api}.model.json`);
const lockPath = join(root, 'proto/idfed/admin/field-numbers.lock.json');

function botocoreData(arg) {
  if (existsSync(join(arg, 'cognito-idp'))) return { data: arg, version: 'unpacked' };
  const wheel = readdirSync(arg).find((f) => /^botocore-.*\.whl$/.test(f));
  if (!wheel) throw new Error(`no botocore wheel in ${arg}`);
  const dir = mkdtempSync(join(tmpdir(), 'botocore-'));
  execFileSync('unzip', ['-q', join(arg, wheel), 'botocore/data/*', '-d', dir]);
  return { data: join(dir, 'botocore/data'), version: wheel.replace(/^botocore-([^-]+)-.*$/, '$1') };
}

function readRaw(data, api) {
  const versions = readdirSync(join(data, api))
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
    .sort();
  const file = join(data, api, versions[versions.length - 1], 'service-2.json');
  return JSON.parse(
    existsSync(file) ? readFileSync(file, 'utf8') : gunzipSync(readFileSync(`${file}.gz`)).toString(),
  );
}

const operations = adminOperationNames(OPERATION_CATALOG);
if (process.argv[2]) {
  const { data, version } = botocoreData(process.argv[2]);
  const own = JSON.parse(readFileSync(join(root, 'scripts/admin-protos/idfed-own.json'), 'utf8'));
  for (const { api } of ADMIN_PROTO_APIS) {
    const raw = readRaw(data, api);
    // idfed's own operations (not AWS's): hand-written in botocore's format.
    for (const kind of ['operations', 'shapes']) {
      for (const [name, value] of Object.entries(own[api]?.[kind] ?? {})) {
        if (raw[kind][name]) throw new Error(`${api}: botocore now has ${name}: rename idfed's`);
        raw[kind][name] = value;
      }
    }
    const model = trimModel(api, version, raw, operations[api]);
    writeFileSync(modelPath(api), JSON.stringify(model, null, 2) + '\n');
  }
}
const models = ADMIN_PROTO_APIS.map(({ api }) => JSON.parse(readFileSync(modelPath(api), 'utf8')));
for (const m of models) {
  const missing = operations[m.api].filter((op) => !m.operations[op]);
  if (missing.length)
    throw new Error(`${m.api}: ${missing.join(', ')} not in the checked-in model: run with botocore`);
  for (const op of Object.keys(m.operations)) if (!operations[m.api].includes(op)) delete m.operations[op];
}
const lock = existsSync(lockPath) ? JSON.parse(readFileSync(lockPath, 'utf8')) : {};
const out = generateAdminProtos(models, lock);
for (const [file, text] of Object.entries(out.files)) {
  mkdirSync(dirname(join(root, 'proto', file)), { recursive: true });
  writeFileSync(join(root, 'proto', file), text);
}
writeFileSync(lockPath, JSON.stringify(out.lock, null, 2) + '\n');
console.log(`wrote ${Object.keys(out.files).join(', ')} and the field-number lock`);
