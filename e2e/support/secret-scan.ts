import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { E2eSystem } from './e2e-context';
import { recordedSecretsFile } from './record-secrets';
import { MIN_SECRET_LENGTH } from './secret-names';

/** A secret the run knows, in every form a log line could carry it. */
export interface KnownSecret {
  /** What it is and where it came from, for the report: never the value. */
  label: string;
  forms: string[];
}

/** Where a secret was found: the report names the secret's kind and the line, never the value. */
export interface Leak {
  label: string;
  log: string;
  line: number;
}

/** The forms a stored byte string takes in a log: hex, base64, and Node's JSON of a Buffer. */
function bytesForms(bytes: Buffer): string[] {
  return [bytes.toString('hex'), bytes.toString('base64'), `[${[...bytes.subarray(0, 16)].join(',')},`];
}

function secret(label: string, value: string | Buffer): KnownSecret {
  return { label, forms: typeof value === 'string' ? [value] : bytesForms(value) };
}

/** What the specs sent to idfed or received from it under a secret member name (record-secrets.ts). */
function recordedSecrets(workDir: string): KnownSecret[] {
  const file = recordedSecretsFile(workDir);
  if (!existsSync(file)) return [];
  const seen = new Map<string, KnownSecret>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const { name, value, source } = JSON.parse(line) as { name: string; value: string; source: string };
    if (!seen.has(value)) seen.set(value, secret(`${name} (${source})`, value));
  }
  return [...seen.values()];
}

/** The deployment's own secrets: configured keys (as given and decoded) and generated files. */
function configuredSecrets(system: E2eSystem): KnownSecret[] {
  const found = [secret('admin secret access key', system.adminSecretAccessKey)];
  for (const name of ['IDFED_KEY_ENCRYPTION_KEY', 'IDFED_SESSION_TOKEN_KEY']) {
    const value = system.commonEnv[name];
    if (value) found.push(secret(name, value), secret(`${name} (bytes)`, Buffer.from(value, 'base64')));
  }
  for (const [name, value] of Object.entries(system.commonEnv)) {
    const password = name.endsWith('_DATABASE_URL') ? decodeURIComponent(new URL(value).password) : '';
    if (password) found.push(secret(`password of ${name}`, password));
  }
  const dataDir = system.commonEnv.IDFED_DATA_DIR;
  const generated = existsSync(dataDir) ? readdirSync(dataDir) : [];
  for (const file of generated.filter((f) =>
    /^(postgres-password|postgres-role-.+|key-encryption-key|session-token-key)$/.test(f),
  )) {
    found.push(secret(`generated ${file}`, readFileSync(join(dataDir, file), 'utf8').trim()));
  }
  return found;
}

/** Codes and temporary passwords idfed sent (dev mailbox or SMTP capture). */
function deliveredSecrets(system: E2eSystem): KnownSecret[] {
  if (!existsSync(system.mailbox)) return [];
  const found: KnownSecret[] = [];
  for (const line of readFileSync(system.mailbox, 'utf8').split('\n')) {
    if (!line) continue;
    const { text } = JSON.parse(line) as { text: string };
    const code = /code is (\d{6})/.exec(text)?.[1];
    if (code) found.push(secret('delivered code', code));
    const temporary = /temporary password is (.+)\.$/.exec(text)?.[1];
    if (temporary) found.push(secret('delivered temporary password', temporary));
  }
  return found;
}

/**
 * Every stored secret of every service: bytea columns (sealed keys, verifiers, token hashes) and
 * columns named for a hash, secret, verifier or password.
 */
async function storedSecrets(databaseUrl: string): Promise<KnownSecret[]> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const columns = await db.query<{ table_schema: string; table_name: string; column_name: string }>(
      `SELECT table_schema, table_name, column_name FROM information_schema.columns
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
          AND table_name NOT IN ('outbox', 'inbox', 'migrations')
          AND (data_type = 'bytea' OR column_name ~ '(hash|secret|verifier|password)')`,
    );
    const found: KnownSecret[] = [];
    for (const c of columns.rows) {
      const rows = await db.query<{ v: string | Buffer | null }>(
        `SELECT "${c.column_name}" AS v FROM "${c.table_schema}"."${c.table_name}" LIMIT 5000`,
      );
      for (const { v } of rows.rows) {
        if (v !== null && v.length >= MIN_SECRET_LENGTH)
          found.push(secret(`stored ${c.table_schema}.${c.table_name}.${c.column_name}`, v));
      }
    }
    return found;
  } finally {
    await db.end();
  }
}

/** The run's database as its administrator (the cluster owner when embedded). */
export function databaseUrlOf(system: E2eSystem): string {
  if (system.databaseAdminUrl) return system.databaseAdminUrl;
  if (system.commonEnv.IDFED_DATABASE_URL) return system.commonEnv.IDFED_DATABASE_URL;
  const password = readFileSync(join(system.commonEnv.IDFED_DATA_DIR, 'postgres-password'), 'utf8').trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${system.commonEnv.IDFED_EMBEDDED_PG_PORT}/idfed`;
}

export async function knownSecrets(
  system: E2eSystem,
  databaseUrl: string,
): Promise<{
  recorded: KnownSecret[];
  all: KnownSecret[];
}> {
  const recorded = recordedSecrets(system.workDir);
  const all = [
    ...recorded,
    ...configuredSecrets(system),
    ...deliveredSecrets(system),
    ...(await storedSecrets(databaseUrl)),
  ];
  return { recorded, all };
}

/** Every app log of the run (`<workDir>/<app>.log`). */
export function appLogs(workDir: string): string[] {
  return readdirSync(workDir)
    .filter((f) => f.endsWith('.log'))
    .map((f) => join(workDir, f));
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * A six-digit code matches only as a word of its own: not inside a timestamp or a port, nor inside
 * a hex id (a request id such as `000000e8-...` holds a run of six digits now and then).
 */
function indexOfForm(text: string, form: string): number {
  if (!/^\d+$/.test(form)) return text.indexOf(form);
  const match = new RegExp(`(?<![0-9A-Za-z])${form}(?![0-9A-Za-z])`).exec(text);
  return match ? match.index : -1;
}

export function findLeaks(logs: string[], secrets: KnownSecret[]): Leak[] {
  const leaks: Leak[] = [];
  for (const log of logs) {
    const text = readFileSync(log, 'utf8');
    for (const s of secrets) {
      for (const form of s.forms) {
        const at = indexOfForm(text, form);
        if (at !== -1) {
          leaks.push({ label: s.label, log: log.split('/').pop()!, line: lineOf(text, at) });
          break;
        }
      }
    }
  }
  return leaks;
}

/**
 * A statement printed with its parameters, in TypeORM's form (`-- PARAMETERS: [...]`) or as fields
 * of a logged error (`"parameters": [...]`, `"query": "INSERT ..."`). The row of a failed INSERT
 * carries secrets no test can know (the sealed verifier of a password idfed refused to store), so
 * the mechanism itself is looked for, besides the known secrets.
 */
const STATEMENT_DUMP =
  /-- PARAMETERS: |"parameters":\s*\[|"query":\s*"\s*(INSERT|UPDATE|SELECT|DELETE|WITH)\b/i;

export function findStatementDumps(logs: string[]): Leak[] {
  const dumps: Leak[] = [];
  for (const log of logs) {
    readFileSync(log, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        if (STATEMENT_DUMP.test(text))
          dumps.push({ label: 'SQL statement parameters', log: log.split('/').pop()!, line: i + 1 });
      });
  }
  return dumps;
}
