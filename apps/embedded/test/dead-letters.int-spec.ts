import { randomUUID } from 'node:crypto';
import { loadEnv } from '@idfed/config';
import { DeadLetterTable } from '@idfed/messaging';
import { migrateServiceSchema } from '@idfed/persistence';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { deviceSyncMigrations } from '../../device-sync/src/database/migrations';
import { DEVICE_SYNC_SCHEMA } from '../../device-sync/src/database/schema';
import { runDeadLetters } from '../src/dead-letters/dead-letters.command';

/**
 * `npm run dead-letters` on the in-process bus's table (the Kafka topic is covered by
 * libs/messaging's replay spec): against a real PostgreSQL, in a database of its own where device
 * sync's migrations ran, as an operator would run it with IDFED_DATABASE_URL.
 */
const adminUrl = process.env.IDFED_TEST_DATABASE_URL;
if (!adminUrl) throw new Error('IDFED_TEST_DATABASE_URL is not set: the integration tier needs PostgreSQL');
const database = `dead_letters_cli_${randomUUID().slice(0, 8)}`;
const ESC = '\u001b';

function databaseUrl(name: string): string {
  const url = new URL(adminUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs the command as the operator would, keeping what it printed. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDeadLetters(args, loadEnv({ IDFED_DATABASE_URL: databaseUrl(database) }), {
    log: (line) => out.push(line),
    error: (line) => err.push(line),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run dead-letters on the table of the in-process bus', () => {
  let ds: DataSource;
  const eventId = randomUUID();

  beforeAll(async () => {
    await admin(`CREATE DATABASE "${database}"`);
    ds = new DataSource({
      type: 'postgres',
      url: databaseUrl(database),
      schema: DEVICE_SYNC_SCHEMA,
      migrations: deviceSyncMigrations,
      migrationsTableName: 'migrations',
    });
    await ds.initialize();
    await migrateServiceSchema(ds, DEVICE_SYNC_SCHEMA);
    await new DeadLetterTable(ds, DEVICE_SYNC_SCHEMA).record(
      {
        consumer: 'device-sync',
        topic: 'federation-broker.identity.merged.v1',
        key: `identity-${ESC}[2J`,
        eventId,
        reason: 'Error: datasets could not be merged',
        attempts: 5,
      },
      JSON.stringify({
        identityId: 'eu-west-1:x',
        note: `${ESC}]0;pwned\u0007`,
        SessionToken: 'never-shown',
      }),
      { 'idfed-event-id': eventId, 'x-amz-security-token': 'never-shown-either' },
    );
  }, 120_000);

  afterAll(async () => {
    await ds?.destroy();
    await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }, 60_000);

  async function outboxRows(): Promise<
    { event_id: string; topic: string; headers: Record<string, string> }[]
  > {
    return ds.query(`SELECT event_id, topic, headers FROM "${DEVICE_SYNC_SCHEMA}".outbox ORDER BY id`);
  }

  it('lists the waiting letter, and shows it escaped and redacted', async () => {
    const listed = await cli('list', '--service', 'device-sync');
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(`device-sync: 1 dead letter(s) in ${DEVICE_SYNC_SCHEMA}.dead_letters`);
    expect(listed.out).toMatch(/device-sync\/\d+ {2}waiting .*federation-broker\.identity\.merged\.v1/);
    const id = /device-sync\/(\d+)/.exec(listed.out)![1];

    const shown = await cli('show', `device-sync/${id}`);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('key              identity-\\u001b[2J');
    expect(shown.out).toContain('\\u001b]0;pwned\\u0007');
    expect(shown.out).not.toContain(ESC);
    expect(shown.out).not.toContain('never-shown');
  });

  it('replays it through the service outbox once; a second replay sends nothing', async () => {
    const id = /device-sync\/(\d+)/.exec((await cli('list', '--service', 'device-sync')).out)![1];
    const first = await cli('replay', `device-sync/${id}`);
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toContain(`replayed device-sync/${id} to federation-broker.identity.merged.v1`);
    const rows = await outboxRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ event_id: eventId, topic: 'federation-broker.identity.merged.v1' });
    expect(rows[0].headers['idfed-replayed-from']).toBe(`${DEVICE_SYNC_SCHEMA}.dead_letters#${id}`);

    const second = await cli('replay', '--all', '--service', 'device-sync');
    expect(second.code).toBe(0);
    expect(await outboxRows()).toHaveLength(1);
    const again = await cli('replay', `device-sync/${id}`);
    expect(again.out).toMatch(/was replayed at .*: nothing done/);
    expect(await outboxRows()).toHaveLength(1);
    expect((await cli('list', '--service', 'device-sync')).out).toContain('0 dead letter(s)');
  });

  it('refuses an unknown letter or service with a non-zero exit', async () => {
    expect(await cli('replay', 'device-sync/999999')).toMatchObject({ code: 1 });
    expect((await cli('show', 'no-such-service/1')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
  });
});
