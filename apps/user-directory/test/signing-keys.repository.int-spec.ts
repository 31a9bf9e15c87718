import { CommandMeta } from '@idfed/contracts';
import { KeyEncryption } from '@idfed/crypto';
import { CreateUserPoolUseCase } from '../src/pools/create-user-pool.use-case';
import { GetJwksUseCase } from '../src/pools/get-jwks.use-case';
import { SigningKeysRepository } from '../src/tokens/signing-keys.repository';
import { SigningKeysService } from '../src/tokens/signing-keys.service';
import { PoolsTestDatabase, TEST_KEK } from './support/pools-test-database';
import { poolsTestModule } from './support/pools-test-module';

const meta = { requestId: 'int-spec' } as CommandMeta;

/**
 * Signing keys on a real PostgreSQL. The code has no key rotation yet (a pool keeps the key it was
 * created with), so there is no activation race between replicas to test; two service instances
 * on one database must still agree on the key and refuse another pool's.
 */
describe('SigningKeysRepository on PostgreSQL', () => {
  const db = new PoolsTestDatabase();
  let createPool: CreateUserPoolUseCase;
  let jwks: GetJwksUseCase;
  let keys: SigningKeysRepository;
  let replicaA: SigningKeysService;
  let replicaB: SigningKeysService;

  beforeAll(async () => {
    const dataSource = await db.create();
    const a = await poolsTestModule(dataSource);
    const b = await poolsTestModule(dataSource);
    createPool = a.get(CreateUserPoolUseCase);
    jwks = a.get(GetJwksUseCase);
    keys = a.get(SigningKeysRepository);
    replicaA = a.get(SigningKeysService);
    replicaB = b.get(SigningKeysService);
  });

  afterAll(() => db.drop());

  async function newPool(): Promise<string> {
    const { UserPool } = await createPool.execute({ PoolName: 'keys-pool' }, meta);
    return UserPool.Id;
  }

  it('creates one active key with the pool, published in its JWKS and used by every replica', async () => {
    const poolId = await newPool();
    const rows = await keys.listForPool(poolId);
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe('active');
    const { keys: published } = await jwks.execute({ UserPoolId: poolId });
    expect(published).toEqual([rows[0].publicJwk]);
    expect((await replicaA.activeKey(poolId)).kid).toBe(rows[0].kid);
    expect((await replicaB.activeKey(poolId)).kid).toBe(rows[0].kid);
    expect((await keys.findActive(poolId))!.kid).toBe(rows[0].kid);
  });

  it("stores the private key sealed to its kid, and gives a kid's public key only to its pool", async () => {
    const poolId = await newPool();
    const other = await newPool();
    const row = (await keys.findActive(poolId))!;
    const encryption = new KeyEncryption(TEST_KEK);
    expect(() => encryption.open(row.privateKeyEnc, row.kid)).not.toThrow();
    expect(() => encryption.open(row.privateKeyEnc, 'another-kid')).toThrow();
    expect(await replicaB.verificationKey(poolId, row.kid)).toBeDefined();
    expect(await replicaB.verificationKey(other, row.kid)).toBeUndefined();
    expect(await keys.findByKid('no-such-kid')).toBeUndefined();
  });
});
