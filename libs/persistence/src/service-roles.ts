import { Client } from 'pg';

/** A service's database identity: a login role that owns the service's schema and nothing else. */
export interface ServiceRole {
  /** The service's schema, e.g. `user_directory`. */
  schema: string;
  /** The role it logs in as, e.g. `idfed_user_directory`. */
  role: string;
  password: string;
}

/** The role name of a schema when the operator does not choose one. */
export function defaultRoleName(schema: string): string {
  return `idfed_${schema}`;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain PostgreSQL identifier: ${name}`);
  return `"${name}"`;
}

/** A name read from the catalog, quoted as it is. */
function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

const RELATION_KIND: Record<string, string> = {
  r: 'TABLE',
  p: 'TABLE',
  v: 'VIEW',
  m: 'MATERIALIZED VIEW',
  S: 'SEQUENCE',
};

/** A string literal for a utility statement (CREATE ROLE takes no bind parameters). */
function literal(value: string): string {
  if (value.includes('\u0000')) throw new Error('a password cannot contain NUL');
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Creates or updates a service's role and gives it its schema, as the database's administrator
 * (the embedded launcher as cluster owner, or `npm run migrate` with IDFED_DATABASE_ADMIN_URL).
 * The role logs in with a SCRAM-SHA-256 password, owns its schema and every table in it (so it
 * can run its own migrations), and has no right on any other schema: the boundary between
 * services is enforced by PostgreSQL, not by convention. Idempotent; an existing schema created by
 * an earlier version (owned by the administrator) is handed over with its tables.
 */
export async function provisionServiceRole(admin: Client, database: string, r: ServiceRole): Promise<void> {
  const role = identifier(r.role);
  const schema = identifier(r.schema);
  await admin.query(`SET password_encryption = 'scram-sha-256'`);
  const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [r.role]);
  const verb = exists.rowCount ? 'ALTER' : 'CREATE';
  // The statement carries the password: it is run here only and never logged (no TypeORM logger).
  await admin.query(
    `${verb} ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD ${literal(r.password)}`,
  );
  await admin.query(`REVOKE ALL ON DATABASE ${identifier(database)} FROM PUBLIC`);
  await admin.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${identifier(database)} TO ${role}`);
  await admin.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
  await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema} AUTHORIZATION ${role}`);
  await admin.query(`ALTER SCHEMA ${schema} OWNER TO ${role}`);
  // Tables first: a table takes the sequences of its serial columns along (altering those alone fails).
  for (const kinds of [['r', 'p', 'v', 'm'], ['S']]) {
    const owned = await admin.query<{ name: string; kind: string }>(
      `SELECT c.relname AS name, c.relkind AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind = ANY($2) AND pg_get_userbyid(c.relowner) <> $3`,
      [r.schema, kinds, r.role],
    );
    for (const { name, kind } of owned.rows) {
      await admin.query(`ALTER ${RELATION_KIND[kind]} ${schema}.${quoted(name)} OWNER TO ${role}`);
    }
  }
}

/** Connects as the administrator and provisions every role, in one session. */
export async function provisionServiceRoles(adminUrl: string, roles: ServiceRole[]): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  // A server lost between two queries: the next query rejects with the error, and an unheard
  // 'error' event would end the process first (see embedded-postgres.ts).
  admin.on('error', () => undefined);
  await admin.connect();
  try {
    const { rows } = await admin.query<{ db: string }>('SELECT current_database() AS db');
    for (const role of roles) await provisionServiceRole(admin, rows[0].db, role);
  } finally {
    await admin.end();
  }
}

/** The URL a service connects with: the administrator's server and database, the service's role. */
export function roleUrl(serverUrl: string, role: ServiceRole): string {
  const url = new URL(serverUrl);
  url.username = encodeURIComponent(role.role);
  url.password = encodeURIComponent(role.password);
  return url.toString();
}
