// Checks the deployment files without a Docker engine or a cluster (none runs on the machines that
// test idfed):
//  - docker-compose.yml: parsed as Compose reads it (YAML 1.2 with merge keys), then validated
//    against the Compose Specification's JSON schema (the copy the dclint package ships);
//  - deploy/k8s/*.yaml: every document validated against the Kubernetes OpenAPI schema of its
//    apiVersion and kind (kubernetes-models), and kustomization.yaml listing every file.
//   node scripts/validate-deploy.mjs [--compose FILE] [--k8s DIR]
// Exit 0: valid. Exit 1: every problem printed, one a line.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

/** `${VAR}`, `${VAR:-default}`, `${VAR:?message}` and friends, as Compose interpolates them. */
function interpolationProblems(text, file) {
  const problems = [];
  for (const [match] of text.matchAll(/\$\{[^}]*\}?/g)) {
    if (!/^\$\{[A-Za-z_][A-Za-z0-9_]*(?:(?::?[-?+])[^}]*)?\}$/.test(match))
      problems.push(`${file}: bad interpolation ${match}`);
  }
  return problems;
}

async function composeProblems(file) {
  const Ajv = require('ajv');
  const text = readFileSync(file, 'utf8');
  const problems = interpolationProblems(text, basename(file));
  let doc;
  try {
    doc = parse(text, { merge: true, prettyErrors: true });
  } catch (err) {
    return [...problems, `${file}: ${err.message}`];
  }
  const schema = JSON.parse(
    readFileSync(
      join(dirname(require.resolve('dclint/package.json')), 'schemas', 'compose.schema.json'),
      'utf8',
    ),
  );
  delete schema.$schema; // draft-07, Ajv's default; its meta-schema is not loaded under the https URL
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const validate = ajv.compile(schema);
  // Merge keys are resolved by the parser; the anchors' own x- blocks stay, as Compose allows.
  if (!validate(doc))
    for (const e of validate.errors)
      problems.push(
        `${basename(file)}${e.instancePath || '/'}: ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`,
      );
  return problems;
}

/** `apps/v1` + `Deployment` → the kubernetes-models module that validates it. */
function modelPath(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : [undefined, apiVersion];
  return `kubernetes-models/${group === undefined ? '' : `${group}/`}${version}/${kind}`;
}

async function k8sProblems(dir) {
  const problems = [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'));
  const kustomization = files.includes('kustomization.yaml')
    ? parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8'))
    : undefined;
  if (!kustomization) problems.push(`${dir}: no kustomization.yaml`);
  else {
    const listed = new Set(kustomization.resources ?? []);
    for (const f of files)
      if (f !== 'kustomization.yaml' && !listed.has(f)) problems.push(`${f}: not in kustomization.yaml`);
    for (const f of listed) if (!files.includes(f)) problems.push(`kustomization.yaml: ${f} does not exist`);
  }
  for (const file of files.filter((f) => f !== 'kustomization.yaml')) {
    for (const [i, doc] of parseAllDocuments(readFileSync(join(dir, file), 'utf8')).entries()) {
      if (doc.errors.length > 0) {
        problems.push(`${file}#${i}: ${doc.errors.map((e) => e.message).join('; ')}`);
        continue;
      }
      const value = doc.toJS();
      if (value === null) continue;
      const where = `${file}#${i} ${value.kind ?? '?'}/${value.metadata?.name ?? '?'}`;
      if (typeof value.apiVersion !== 'string' || typeof value.kind !== 'string') {
        problems.push(`${where}: no apiVersion or kind`);
        continue;
      }
      let Model;
      try {
        Model = (await import(modelPath(value.apiVersion, value.kind)))[value.kind];
      } catch {
        problems.push(`${where}: ${value.apiVersion} ${value.kind} is not a Kubernetes API kind`);
        continue;
      }
      try {
        new Model(value).validate();
      } catch (err) {
        for (const line of String(err.message).split(', ')) problems.push(`${where}: ${line}`);
      }
    }
  }
  return problems;
}

const compose = option('--compose', join(ROOT, 'docker-compose.yml'));
const k8s = option('--k8s', join(ROOT, 'deploy', 'k8s'));
const problems = [...(await composeProblems(compose)), ...(await k8sProblems(k8s))];
for (const p of problems) console.error(p);
if (problems.length > 0) process.exit(1);
console.log(`valid: ${basename(compose)} (Compose Specification schema), ${k8s} (Kubernetes schemas)`);
