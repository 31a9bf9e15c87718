import { MigrationInterface, QueryRunner } from 'typeorm';
import { CodeDigest, VerifierSeal } from '../../users/secrets-at-rest';

interface VerifierRow {
  sub: string;
  pool_id: string;
  username: string;
  srp_verifier: string;
}

/**
 * ADR 0006, for rows written before it: every SRP verifier is sealed under the key-encryption key
 * (and the argon2id hash beside it dropped, as a sealed verifier now checks USER_PASSWORD_AUTH
 * too); every pending code's plain SHA-256 is re-keyed in place with the HMAC, so codes already
 * sent keep working. A factory, because it needs the key-encryption key.
 *
 * down() opens the verifiers again, but cannot give back what up() made unrecoverable: the
 * dropped argon2id hashes (those users sign in with SRP, or reset their password, on the older
 * version) and the plain code hashes (pending codes are deleted; users ask for a new one).
 */
export function secretsAtRestMigration(keyEncryptionKey: Buffer): new () => MigrationInterface {
  const verifiers = new VerifierSeal(keyEncryptionKey);
  const codes = new CodeDigest(keyEncryptionKey);

  return class SecretsAtRest implements MigrationInterface {
    name = 'SecretsAtRest1764115200021';

    async up(q: QueryRunner): Promise<void> {
      await q.query(`ALTER TABLE user_directory.users ADD COLUMN srp_verifier_enc bytea`);
      const rows = (await q.query(
        `SELECT sub, pool_id, username, srp_verifier FROM user_directory.users WHERE srp_verifier IS NOT NULL`,
      )) as VerifierRow[];
      for (const row of rows) {
        const sealed = verifiers.seal(row.pool_id, row.username, row.srp_verifier);
        await q.query(
          `UPDATE user_directory.users SET srp_verifier_enc = $1, password_hash = NULL WHERE sub = $2`,
          [sealed, row.sub],
        );
      }
      await q.query(`ALTER TABLE user_directory.users DROP COLUMN srp_verifier`);

      const pending = (await q.query(
        `SELECT user_sub, purpose, code_hash FROM user_directory.verification_codes`,
      )) as { user_sub: string; purpose: string; code_hash: string }[];
      for (const code of pending) {
        await q.query(
          `UPDATE user_directory.verification_codes SET code_hash = $1 WHERE user_sub = $2 AND purpose = $3`,
          [codes.rekey(code.code_hash), code.user_sub, code.purpose],
        );
      }
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`ALTER TABLE user_directory.users ADD COLUMN srp_verifier text`);
      const rows = (await q.query(
        `SELECT sub, pool_id, username, srp_verifier_enc FROM user_directory.users WHERE srp_verifier_enc IS NOT NULL`,
      )) as { sub: string; pool_id: string; username: string; srp_verifier_enc: Buffer }[];
      for (const row of rows) {
        const verifier = verifiers.open(row.pool_id, row.username, row.srp_verifier_enc);
        await q.query(`UPDATE user_directory.users SET srp_verifier = $1 WHERE sub = $2`, [
          verifier,
          row.sub,
        ]);
      }
      await q.query(`ALTER TABLE user_directory.users DROP COLUMN srp_verifier_enc`);
      await q.query(`DELETE FROM user_directory.verification_codes`);
    }
  };
}
