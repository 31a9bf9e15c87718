import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an operator did with a dead letter (ADR 0013): `replayed_at` once it was sent back to its
 * topic, `discarded_at` once it was given up for good. A row with neither is waiting. A factory,
 * like the dead-letter table's, run by every service in its own schema.
 */
export function deadLetterStatusMigration(schema: string, timestamp: number): new () => MigrationInterface {
  const name = `DeadLetterStatus${timestamp}`;
  return class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      await q.query(`
        ALTER TABLE "${schema}".dead_letters
          ADD COLUMN replayed_at timestamptz,
          ADD COLUMN discarded_at timestamptz`);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`
        ALTER TABLE "${schema}".dead_letters DROP COLUMN discarded_at, DROP COLUMN replayed_at`);
    }
  };
}
