import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dead-letter table of a service's schema (DeadLetterTable). A factory, like the outbox and
 * inbox, because every service that consumes events runs it in its own schema. The payload is text:
 * a message given up on because it was not JSON must still be kept as it came.
 */
export function deadLetterTableMigration(schema: string, timestamp: number): new () => MigrationInterface {
  const name = `DeadLetters${timestamp}`;
  return class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      await q.query(`
        CREATE TABLE "${schema}".dead_letters (
          id bigserial PRIMARY KEY,
          consumer text NOT NULL,
          source_topic text NOT NULL,
          source_partition integer,
          source_offset bigint,
          event_id text,
          key text NOT NULL,
          payload text,
          headers jsonb NOT NULL DEFAULT '{}',
          reason text NOT NULL,
          attempts integer NOT NULL,
          dead_lettered_at timestamptz NOT NULL DEFAULT now(),
          UNIQUE (consumer, event_id)
        )`);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE "${schema}".dead_letters`);
    }
  };
}
