import { randomBytes, X509Certificate } from 'node:crypto';
import { KeyEncryption } from '@idfed/crypto';
import { keyPairMatches, SAML_CERTIFICATE_RENEWAL_MS } from '../src/saml/saml-keys';
import { SamlKeyStore } from '../src/saml/saml-key-store';
import { SamlRepository } from '../src/saml/saml.repository';
import { UserDirectoryTestDatabase } from './support/user-directory-database';

/**
 * A pool's SAML signing key on PostgreSQL (ADR 0059): made once however many first uses race, the
 * same afterwards, its private key stored only sealed and bound to its pool, gone with the pool.
 */
describe('SamlKeyStore on PostgreSQL', () => {
  let db: UserDirectoryTestDatabase;
  let keys: SamlKeyStore;
  const poolId = 'us-east-1_SamlKeys';
  const otherPool = 'us-east-1_SamlKeys2';

  beforeAll(async () => {
    db = await UserDirectoryTestDatabase.create('samlkeys');
    await db.pool(poolId);
    await db.pool(otherPool);
    keys = new SamlKeyStore(new SamlRepository(db.dataSource), new KeyEncryption(randomBytes(32)));
  });
  afterAll(() => db.drop());

  it('keeps one key of many racing first uses, and answers it after', async () => {
    const certificates = await Promise.all(Array.from({ length: 4 }, () => keys.signingCertificate(poolId)));
    expect(new Set(certificates).size).toBe(1);
    const pair = await keys.signingKey(poolId);
    expect(pair.certificate).toBe(certificates[0]);
    expect(keyPairMatches(pair)).toBe(true);
    expect(await keys.signingCertificate(otherPool)).not.toBe(certificates[0]);
  });

  it('stores the private key sealed, and a sealed key moved to another pool does not open', async () => {
    const { privateKey } = await keys.signingKey(poolId);
    const [row] = await db.dataSource.query<{ private_key_enc: Buffer }[]>(
      `SELECT private_key_enc FROM user_directory.saml_signing_keys WHERE pool_id = $1`,
      [poolId],
    );
    expect(row.private_key_enc.toString('latin1')).not.toContain('PRIVATE KEY');
    expect(row.private_key_enc.includes(Buffer.from(privateKey.split('\n')[1]))).toBe(false);
    await db.dataSource.query(
      `UPDATE user_directory.saml_signing_keys SET private_key_enc = $1 WHERE pool_id = $2`,
      [row.private_key_enc, otherPool],
    );
    await expect(keys.signingKey(otherPool)).rejects.toThrow();
  });

  it('answers a new certificate of the same key once a year, the same all that year (ADR 0069)', async () => {
    const first = await keys.signingKey(poolId);
    const issued =
      Date.parse(new X509Certificate(Buffer.from(first.certificate, 'base64')).validFrom) + 60_000;
    keys.clock = () => new Date(issued + SAML_CERTIFICATE_RENEWAL_MS - 1000);
    expect(await keys.signingCertificate(poolId)).toBe(first.certificate);
    keys.clock = () => new Date(issued + SAML_CERTIFICATE_RENEWAL_MS + 1000);
    const renewed = await keys.signingKey(poolId);
    expect(renewed.certificate).not.toBe(first.certificate);
    expect(renewed.privateKey).toBe(first.privateKey);
    expect(keyPairMatches(renewed)).toBe(true);
    keys.clock = () => new Date(issued + 2 * SAML_CERTIFICATE_RENEWAL_MS - 1000);
    expect(await keys.signingCertificate(poolId)).toBe(renewed.certificate);
    const rows = await db.dataSource.query<{ certificate: string }[]>(
      `SELECT certificate FROM user_directory.saml_signing_keys WHERE pool_id = $1`,
      [poolId],
    );
    expect(rows).toEqual([{ certificate: first.certificate }]);
    keys.clock = () => new Date();
  });

  it('goes with its pool', async () => {
    await db.dataSource.query(`DELETE FROM user_directory.user_pools WHERE id = $1`, [otherPool]);
    const rows = await db.dataSource.query<unknown[]>(
      `SELECT 1 FROM user_directory.saml_signing_keys WHERE pool_id = $1`,
      [otherPool],
    );
    expect(rows).toHaveLength(0);
  });
});
