import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox and inbox tables every service needs, in the service's own schema. A factory rather
 * than a class because each service runs it in its schema, as one of its own migrations.
 */
export function messagingTablesMigration(schema: string): new () => MigrationInterface {
  return class MessagingTables implements MigrationInterface {
    name = 'MessagingTables1764115200000';

    async up(q: QueryRunner): Promise<void> {
      await q.query(`
        CREATE TABLE "${schema}".outbox (
          id bigserial PRIMARY KEY,
          event_id uuid NOT NULL UNIQUE,
          topic text NOT NULL,
          key text NOT NULL,
          payload jsonb NOT NULL,
          headers jsonb NOT NULL DEFAULT '{}',
          created_at timestamptz NOT NULL DEFAULT now()
        )`);
      await q.query(`
        CREATE TABLE "${schema}".inbox (
          consumer text NOT NULL,
          event_id uuid NOT NULL,
          processed_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (consumer, event_id)
        )`);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE "${schema}".inbox`);
      await q.query(`DROP TABLE "${schema}".outbox`);
    }
  };
}
