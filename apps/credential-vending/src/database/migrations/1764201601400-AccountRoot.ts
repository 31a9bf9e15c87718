import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The account root's creation time (issue 13): GetUser without UserName, signed by the admin key,
 * answers the root (`arn:aws:iam::<account>:root`) with the `CreateDate` AWS gives the account's
 * creation. idfed's account comes to be when this schema does; one row, written here.
 */
export class AccountRoot1764201601400 implements MigrationInterface {
  name = 'AccountRoot1764201601400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE credential_vending.account_root (
         singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
         created_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    await q.query(`INSERT INTO credential_vending.account_root DEFAULT VALUES`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credential_vending.account_root`);
  }
}
