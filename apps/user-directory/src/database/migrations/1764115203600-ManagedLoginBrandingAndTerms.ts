import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Managed login branding and terms documents (issue 13, ADR 0082).
 *
 * `login_brandings`: one style per app client (Cognito's ManagedLoginBrandingExistsException),
 * its Settings document as given (jsonb) and whether it uses Cognito's provided values.
 * `branding_assets`: its images, one per Category and ColorMode.
 * `terms`: a client's terms documents, one per TermsName, with the language-to-URL Links.
 * All go with their app client (and so with their pool).
 */
export class ManagedLoginBrandingAndTerms1764115203600 implements MigrationInterface {
  name = 'ManagedLoginBrandingAndTerms1764115203600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_directory.login_brandings (
        id uuid PRIMARY KEY,
        pool_id text NOT NULL,
        client_id text NOT NULL REFERENCES user_directory.app_clients (id) ON DELETE CASCADE,
        use_cognito_provided_values boolean NOT NULL,
        settings jsonb,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (client_id)
      )`);
    await q.query(`
      CREATE TABLE user_directory.branding_assets (
        branding_id uuid NOT NULL REFERENCES user_directory.login_brandings (id) ON DELETE CASCADE,
        category text NOT NULL,
        color_mode text NOT NULL,
        extension text NOT NULL,
        bytes bytea,
        resource_id text,
        PRIMARY KEY (branding_id, category, color_mode)
      )`);
    await q.query(`
      CREATE TABLE user_directory.terms (
        id uuid PRIMARY KEY,
        pool_id text NOT NULL,
        client_id text NOT NULL REFERENCES user_directory.app_clients (id) ON DELETE CASCADE,
        terms_name text NOT NULL,
        terms_source text NOT NULL,
        enforcement text NOT NULL,
        links jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (client_id, terms_name)
      )`);
    await q.query(`CREATE INDEX terms_by_pool ON user_directory.terms (pool_id, created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_directory.terms`);
    await q.query(`DROP TABLE user_directory.branding_assets`);
    await q.query(`DROP TABLE user_directory.login_brandings`);
  }
}
