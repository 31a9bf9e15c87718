import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The signed gRPC calls' ids that the gRPC gateway replicas have accepted (ADR 0050), kept until
 * the call's signature could no longer verify. The primary key is what refuses a replay to
 * another replica: the first insert of a digest wins, on every replica at once.
 */
export class GrpcCallIds1764201600800 implements MigrationInterface {
  name = 'GrpcCallIds1764201600800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credential_vending.grpc_call_ids (
        digest bytea PRIMARY KEY,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX grpc_call_ids_expiry_idx ON credential_vending.grpc_call_ids (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credential_vending.grpc_call_ids`);
  }
}
