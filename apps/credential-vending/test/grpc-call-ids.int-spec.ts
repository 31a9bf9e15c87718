import { createHash, randomUUID } from 'node:crypto';
import { ClaimGrpcCallIdsUseCase } from '../src/grpc-call-ids/claim-grpc-call-ids.use-case';
import { GrpcCallIdsRepository } from '../src/grpc-call-ids/grpc-call-ids.repository';
import { createServiceDatabase, ServiceDatabase } from './support/service-database';

const digest = () => createHash('sha256').update(randomUUID()).digest('hex');

/**
 * ClaimGrpcCallIds on a real PostgreSQL (ADR 0050): a call id is claimed once however many gRPC
 * gateway replicas present it at the same time, within a batch or across batches, and an expired
 * one is swept.
 */
describe('ClaimGrpcCallIds on PostgreSQL', () => {
  let db: ServiceDatabase;
  let now = Date.now();
  let claims: ClaimGrpcCallIdsUseCase;
  let other: ClaimGrpcCallIdsUseCase;

  beforeAll(async () => {
    db = await createServiceDatabase();
    claims = new ClaimGrpcCallIdsUseCase(new GrpcCallIdsRepository(db.ds), () => now);
    // A second use case on the same database stands for another replica's claims.
    other = new ClaimGrpcCallIdsUseCase(new GrpcCallIdsRepository(db.ds), () => now);
  });

  afterAll(async () => {
    await db?.drop();
  });

  const claim = (d: string, expiresInMs = 300_000) => ({
    Digest: d,
    ExpiresAt: new Date(now + expiresInMs).toISOString(),
  });

  it('accepts one of ten racing claims of one call id', async () => {
    const d = digest();
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? other : claims).execute({ Claims: [claim(d)] })),
    );
    expect(outcomes.filter((o) => o.Replayed.length === 0)).toHaveLength(1);
  });

  it('answers the replayed indexes of a batch, a repeat within the batch included', async () => {
    const [a, b, c] = [digest(), digest(), digest()];
    expect(await claims.execute({ Claims: [claim(a)] })).toEqual({ Replayed: [] });
    expect(await other.execute({ Claims: [claim(b), claim(a), claim(c), claim(b)] })).toEqual({
      Replayed: [1, 3],
    });
  });

  it('sweeps ids whose calls can no longer verify, and refuses what is not a digest', async () => {
    const d = digest();
    await claims.execute({ Claims: [claim(d, 1000)] });
    now += 2000;
    await claims.execute({ Claims: [] });
    const rows = await db.ds.query<unknown[]>(
      `SELECT 1 FROM credential_vending.grpc_call_ids WHERE digest = $1`,
      [Buffer.from(d, 'hex')],
    );
    expect(rows).toHaveLength(0);
    await expect(claims.execute({ Claims: [{ Digest: 'nope', ExpiresAt: 'x' }] })).rejects.toThrow(/digest/);
  });
});
