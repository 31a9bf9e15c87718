import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * IAM credential reports and the account's STS preferences (ADR 0093): the account's last
 * credential report, the CSV computed whole at GenerateCredentialReport (one row at most, replaced
 * by the next generation; it holds no secret by design), and SetSecurityTokenServicePreferences'
 * global endpoint token version (one row at most; none is AWS's default, v1Token).
 */
export class IamCredentialReports1764201602000 implements MigrationInterface {
  name = 'IamCredentialReports1764201602000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credential_vending.credential_reports (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        content text NOT NULL,
        generated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE credential_vending.sts_preferences (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        global_endpoint_token_version text NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT sts_preferences_token_version CHECK (global_endpoint_token_version IN ('v1Token', 'v2Token'))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credential_vending.sts_preferences`);
    await q.query(`DROP TABLE credential_vending.credential_reports`);
  }
}
