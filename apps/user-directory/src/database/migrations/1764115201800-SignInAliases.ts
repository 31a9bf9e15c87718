import { MigrationInterface, QueryRunner } from 'typeorm';

/** The three alias columns, the attribute each follows, and the flag that makes it an alias. */
const COLUMNS = [
  { column: 'email_alias', attribute: 'email', flag: 'email_verified' },
  { column: 'phone_alias', attribute: 'phone_number', flag: 'phone_number_verified' },
  { column: 'preferred_alias', attribute: 'preferred_username', flag: null },
] as const;

/**
 * Sign-in aliases of pools with `AliasAttributes` (issue 11, ADR 0044): a verified email, a
 * verified phone number and the preferred_username a user signs in with besides the username. One
 * column each, unique in the pool (so of two concurrent claims one fails), kept by a trigger from
 * the user's attributes and the pool's settings on every insert and every write of `attributes`,
 * so that no write path can leave an alias out of date. Federated users (EXTERNAL_PROVIDER) sign in
 * through their provider and hold no alias. Email and phone are folded to lower case;
 * preferred_username only in a case-insensitive pool. Existing users get their aliases here (the
 * first user to hold a value keeps it).
 */
export class SignInAliases1764115201800 implements MigrationInterface {
  name = 'SignInAliases1764115201800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE user_directory.users
        ADD COLUMN email_alias text,
        ADD COLUMN phone_alias text,
        ADD COLUMN preferred_alias text`);
    for (const { column, attribute, flag } of COLUMNS) {
      const folded =
        attribute === 'preferred_username'
          ? `CASE WHEN coalesce((p.config ->> 'caseSensitive')::boolean, true)
                  THEN u.attributes ->> '${attribute}' ELSE lower(u.attributes ->> '${attribute}') END`
          : `lower(u.attributes ->> '${attribute}')`;
      const verified = flag ? `AND lower(u.attributes ->> '${flag}') = 'true'` : '';
      await q.query(`
        UPDATE user_directory.users t SET ${column} = x.k
        FROM (
          SELECT s.sub, s.k, row_number() OVER (PARTITION BY s.pool_id, s.k ORDER BY s.created_at, s.sub) AS rn
          FROM (
            SELECT u.sub, u.pool_id, u.created_at, ${folded} AS k
            FROM user_directory.users u JOIN user_directory.user_pools p ON p.id = u.pool_id
            WHERE p.config -> 'aliasAttributes' ? '${attribute}' AND u.status <> 'EXTERNAL_PROVIDER' ${verified}
          ) s WHERE s.k IS NOT NULL
        ) x
        WHERE x.sub = t.sub AND x.rn = 1`);
      await q.query(
        `CREATE UNIQUE INDEX users_pool_${column} ON user_directory.users (pool_id, ${column}) WHERE ${column} IS NOT NULL`,
      );
    }
    await q.query(`
      CREATE FUNCTION user_directory.users_sign_in_aliases() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        aliases jsonb;
        case_sensitive boolean;
      BEGIN
        SELECT p.config -> 'aliasAttributes', coalesce((p.config ->> 'caseSensitive')::boolean, true)
          INTO aliases, case_sensitive
          FROM user_directory.user_pools p WHERE p.id = NEW.pool_id;
        IF aliases IS NULL OR jsonb_typeof(aliases) <> 'array' OR jsonb_array_length(aliases) = 0
           OR NEW.status = 'EXTERNAL_PROVIDER' THEN
          NEW.email_alias := NULL;
          NEW.phone_alias := NULL;
          NEW.preferred_alias := NULL;
          RETURN NEW;
        END IF;
        NEW.email_alias := CASE
          WHEN aliases ? 'email' AND lower(NEW.attributes ->> 'email_verified') = 'true'
          THEN lower(NEW.attributes ->> 'email') END;
        NEW.phone_alias := CASE
          WHEN aliases ? 'phone_number' AND lower(NEW.attributes ->> 'phone_number_verified') = 'true'
          THEN lower(NEW.attributes ->> 'phone_number') END;
        NEW.preferred_alias := CASE
          WHEN NOT aliases ? 'preferred_username' THEN NULL
          WHEN case_sensitive THEN NEW.attributes ->> 'preferred_username'
          ELSE lower(NEW.attributes ->> 'preferred_username') END;
        RETURN NEW;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER users_sign_in_aliases
        BEFORE INSERT OR UPDATE OF attributes ON user_directory.users
        FOR EACH ROW EXECUTE FUNCTION user_directory.users_sign_in_aliases()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER users_sign_in_aliases ON user_directory.users`);
    await q.query(`DROP FUNCTION user_directory.users_sign_in_aliases()`);
    await q.query(`
      ALTER TABLE user_directory.users
        DROP COLUMN email_alias, DROP COLUMN phone_alias, DROP COLUMN preferred_alias`);
  }
}
