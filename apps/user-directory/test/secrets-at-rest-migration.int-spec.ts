import { randomBytes, randomUUID } from 'node:crypto';
import { migrateServiceSchema, ParameterFreeLogger } from '@idfed/persistence';
import { DataSource, MigrationInterface } from 'typeorm';
import { freshDatabase } from '../../../libs/testing/src/idfed-processes';
import { createVerifier, srpPoolName } from '../src/auth/srp/srp';
import { userDirectoryMigrations } from '../src/database/migrations';
import { CodeDigest, plainCodeHash, VerifierSeal } from '../src/users/secrets-at-rest';

const POOL = 'us-east-1_Migrate01';

function dataSource(url: string, migrations: (new () => MigrationInterface)[]): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    schema: 'user_directory',
    migrations,
    migrationsTableName: 'migrations',
    logger: new ParameterFreeLogger(),
  });
}

/**
 * The ADR 0006 migration over rows written before it: verifiers sealed, argon2id hashes dropped,
 * pending codes re-keyed so they still work; and its revert.
 */
describe('SecretsAtRest migration', () => {
  const kek = randomBytes(32);
  const all = userDirectoryMigrations(kek);
  // Migrations added after this one must not run here: the spec migrates and reverts it alone.
  const at = all.findIndex((m) => new m().name === 'SecretsAtRest1764115200021');
  const sub = randomUUID();
  const verifier = createVerifier(srpPoolName(POOL), 'alice', 'Corr3ct-Horse!');
  let url: string;
  let ds: DataSource;

  beforeAll(async () => {
    url = await freshDatabase(process.env.IDFED_TEST_DATABASE_URL!, 'idfed_migration');
    const before = dataSource(url, all.slice(0, at));
    await before.initialize();
    await migrateServiceSchema(before, 'user_directory');
    await before.query(
      `INSERT INTO user_directory.user_pools (id, name, config, created_at, updated_at) VALUES ($1, 'p', '{}', now(), now())`,
      [POOL],
    );
    await before.query(
      `INSERT INTO user_directory.users (sub, pool_id, username, username_key, password_hash, srp_salt, srp_verifier, status)
       VALUES ($1, $2, 'alice', 'alice', '$argon2id$legacy', $3, $4, 'CONFIRMED')`,
      [sub, POOL, verifier.salt, verifier.verifier],
    );
    await before.query(
      `INSERT INTO user_directory.verification_codes (user_sub, purpose, code_hash, expires_at)
       VALUES ($1, 'forgot-password', $2, now() + interval '1 hour')`,
      [sub, plainCodeHash(sub, '123456')],
    );
    await before.destroy();
    ds = dataSource(url, all.slice(0, at + 1));
    await ds.initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  it('seals the verifier, drops the hash and the clear column, and re-keys the pending code', async () => {
    expect(await migrateServiceSchema(ds, 'user_directory')).toEqual(['SecretsAtRest1764115200021']);
    const [user] = await ds.query<Record<string, unknown>[]>(
      `SELECT * FROM user_directory.users WHERE sub = $1`,
      [sub],
    );
    expect(user).not.toHaveProperty('srp_verifier');
    expect(user.password_hash).toBeNull();
    expect(new VerifierSeal(kek).open(POOL, 'alice', user.srp_verifier_enc as Buffer)).toBe(
      verifier.verifier,
    );
    const [code] = await ds.query<
      {
        code_hash: string;
      }[]
    >(`SELECT code_hash FROM user_directory.verification_codes`);
    expect(code.code_hash).toBe(new CodeDigest(kek).digest(sub, '123456'));
  });

  it('reverts to the clear verifier and deletes the codes it cannot un-key', async () => {
    await ds.undoLastMigration({ transaction: 'each' });
    const [user] = await ds.query<
      {
        srp_verifier: string;
      }[]
    >(`SELECT srp_verifier FROM user_directory.users WHERE sub = $1`, [sub]);
    expect(user.srp_verifier).toBe(verifier.verifier);
    expect(await ds.query(`SELECT * FROM user_directory.verification_codes`)).toEqual([]);
  });
});
