import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DescribeIdentityCommand } from '@aws-sdk/client-cognito-identity';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { Clients, Fixture, Ledger } from './load';

export interface ReadBack {
  checked: number;
  /** Acknowledged writes not found, or found with a value no acknowledged write left. */
  lost: string[];
  /** Each user's sub, for looking the user up in the broker's copy. */
  subs: Map<string, string>;
}

async function eachLimited<T>(items: T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

function missing(err: unknown): boolean {
  return [
    'UserNotFoundException',
    'ResourceNotFoundException',
    'NoSuchEntity',
    'NoSuchEntityException',
  ].includes((err as Error).name);
}

/** Reads every acknowledged write back through the SDK (with retries: the system is healthy now). */
export async function readBack(clients: Clients, fixture: Fixture, ledger: Ledger): Promise<ReadBack> {
  const lost: string[] = [];
  let checked = 0;
  const subs = new Map<string, string>();
  await eachLimited(ledger.users, 8, async (user) => {
    checked++;
    try {
      const got = await clients.cognito.send(
        new AdminGetUserCommand({ UserPoolId: fixture.userPoolId, Username: user.username }),
      );
      const attrs = new Map((got.UserAttributes ?? []).map((a) => [a.Name!, a.Value]));
      subs.set(user.username, attrs.get('sub') ?? '');
      const name = attrs.get('name');
      // The last acknowledged value, or one sent since whose update failed (its outcome is unknown
      // to the caller); unset only if no update was acknowledged.
      const allowed = [...(user.named ? [] : [undefined]), ...user.names];
      if (!allowed.includes(name))
        lost.push(`user ${user.username}: name ${name}, expected one of ${allowed.join(',')}`);
      if (user.disabled && got.Enabled !== false)
        lost.push(`user ${user.username}: disable acknowledged, enabled`);
    } catch (err) {
      if (!missing(err)) throw err;
      lost.push(`user ${user.username}: sign-up acknowledged, not found`);
    }
  });
  await eachLimited(ledger.identities, 8, async (identityId) => {
    checked++;
    try {
      await clients.identity.send(new DescribeIdentityCommand({ IdentityId: identityId }));
    } catch (err) {
      if (!missing(err)) throw err;
      lost.push(`identity ${identityId}: GetId acknowledged, not found`);
    }
  });
  await eachLimited(ledger.roles, 8, async (roleName) => {
    checked++;
    try {
      await clients.iam.send(new GetRoleCommand({ RoleName: roleName }));
    } catch (err) {
      if (!missing(err)) throw err;
      lost.push(`role ${roleName}: CreateRole acknowledged, not found`);
    }
  });
  return { checked, lost, subs };
}

export interface EventCheck {
  /** user-directory.user.disabled.v1 messages on the bus, and how many distinct events they carry. */
  delivered: number;
  distinct: number;
  /** Events whose id the federation broker's inbox holds more than once (applied twice). */
  appliedTwice: number;
  /** Events on the bus the broker never applied (no inbox row). */
  notApplied: number;
  /** Users whose disable was acknowledged but whom the broker's copy does not show disabled. */
  stateMismatches: string[];
}

const DISABLED_TOPIC = 'user-directory.user.disabled.v1';
const CONSUMER = 'federation-broker.user-directory';

/** Every message of a topic from the beginning to its current end, read by a group of its own. */
async function readTopic(brokers: string, topic: string): Promise<string[]> {
  const kafka = new Kafka({ clientId: 'idfed-faults-check', brokers: [brokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const remaining = new Map(ends.map((e) => [e.partition, Number(e.high)]));
  const ids: string[] = [];
  if ([...remaining.values()].every((h) => h === 0)) return ids;
  const consumer = kafka.consumer({ groupId: `idfed-faults-check-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`could not read ${topic} to its end in 60 s`)), 60_000);
    // run() resolves once the consumer is running; a failure to start rejects the read.
    consumer
      .run({
        eachMessage: async ({ partition, message }) => {
          const id = message.headers?.['idfed-event-id'];
          ids.push(id ? id.toString() : '');
          if (Number(message.offset) + 1 >= (remaining.get(partition) ?? 0)) remaining.delete(partition);
          for (const [p, h] of remaining) if (h === 0) remaining.delete(p);
          if (remaining.size === 0) {
            clearTimeout(timer);
            resolve();
          }
        },
      })
      .catch((err: Error) => {
        clearTimeout(timer);
        reject(err);
      });
  });
  await consumer.disconnect();
  return ids;
}

/**
 * Events cross the bus at least once (the outbox relay sends again after a crash before its commit)
 * and must apply exactly once: every disabled event on the bus has one inbox row at the broker, and
 * the broker's copy of each user whose disable was acknowledged says disabled. Waits up to
 * `settleMs` for the relay and the consumer to catch up.
 */
export async function checkEvents(
  brokers: string,
  databaseUrl: string,
  fixture: Fixture,
  ledger: Ledger,
  subs: Map<string, string>,
  settleMs: number,
): Promise<EventCheck> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const disabledSubs = ledger.users.filter((u) => u.disabled).map((u) => subs.get(u.username) ?? '');
    const deadline = Date.now() + settleMs;
    let stateMismatches: string[] = [];
    for (;;) {
      const { rows } = await db.query<{ sub: string }>(
        `SELECT sub FROM federation_broker.user_pool_user_states WHERE user_pool_id = $1 AND disabled`,
        [fixture.userPoolId],
      );
      const seen = new Set(rows.map((r) => r.sub));
      stateMismatches = disabledSubs.filter((s) => !seen.has(s)).map((s) => `broker: user ${s} not disabled`);
      if (stateMismatches.length === 0 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const ids = await readTopic(brokers, DISABLED_TOPIC);
    const distinct = [...new Set(ids)];
    const { rows } = await db.query<{ event_id: string; n: string }>(
      `SELECT event_id::text, count(*) AS n FROM federation_broker.inbox
        WHERE consumer = $1 AND event_id = ANY($2::uuid[]) GROUP BY event_id`,
      [CONSUMER, distinct],
    );
    const applied = new Map(rows.map((r) => [r.event_id, Number(r.n)]));
    return {
      delivered: ids.length,
      distinct: distinct.length,
      appliedTwice: [...applied.values()].filter((n) => n > 1).length,
      notApplied: distinct.filter((id) => !applied.has(id)).length,
      stateMismatches,
    };
  } finally {
    await db.end();
  }
}
