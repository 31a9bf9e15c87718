import { Transactions } from '@idfed/persistence';
import { RevocationsRepository } from '../src/revocations/revocations.repository';
import { createServiceDatabase, ServiceDatabase } from './support/service-database';

const ROLE = 'arn:aws:iam::123456789012:role/revoked';
const at = (iso: string) => new Date(iso);

/** RevocationsRepository on a real PostgreSQL: a role's revocation only ever moves forward. */
describe('RevocationsRepository on PostgreSQL', () => {
  let db: ServiceDatabase;
  let revocations: RevocationsRepository;
  let transactions: Transactions;

  beforeAll(async () => {
    db = await createServiceDatabase();
    revocations = new RevocationsRepository(db.ds);
    transactions = new Transactions(db.ds);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('keeps the latest time of racing revocations, whatever order they commit in', async () => {
    const times = [
      '2030-01-01T10:00:00Z',
      '2030-01-01T12:00:00Z',
      '2030-01-01T11:00:00Z',
      '2030-01-01T09:00:00Z',
    ];
    const answers = await Promise.all(
      times.map((t) => transactions.run((tx) => revocations.raise(ROLE, at(t), tx))),
    );
    // Each answers the time in force when it committed: never earlier than what it asked for.
    answers.forEach((answer, i) => expect(answer.getTime()).toBeGreaterThanOrEqual(at(times[i]).getTime()));
    expect(await transactions.run((tx) => revocations.raise(ROLE, at('2029-01-01T00:00:00Z'), tx))).toEqual(
      at('2030-01-01T12:00:00Z'),
    );
  });

  it('lists the revocations later than a time, in role order', async () => {
    const other = 'arn:aws:iam::123456789012:role/also-revoked';
    const old = 'arn:aws:iam::123456789012:role/long-ago';
    await transactions.run(async (tx) => {
      await revocations.raise(other, at('2030-01-01T12:30:00Z'), tx);
      await revocations.raise(old, at('2020-01-01T00:00:00Z'), tx);
    });
    expect(await revocations.later(at('2029-12-31T00:00:00Z'))).toEqual([
      { roleArn: other, revokedBefore: at('2030-01-01T12:30:00Z') },
      { roleArn: ROLE, revokedBefore: at('2030-01-01T12:00:00Z') },
    ]);
  });
});
