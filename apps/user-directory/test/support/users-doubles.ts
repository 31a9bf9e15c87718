import { CommandMeta } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { UserEntity, UserPoolEntity } from '../../src/database/entities';
import { poolConfigFromRequest, PoolConfig } from '../../src/pools/pool-config';

/**
 * What the users' use-case specs share: an opaque unit-of-work handle that the mocked repositories
 * must be handed, Transactions that run the work in place, and plain rows.
 */
export const tx = { unitOfWork: 'handle' } as unknown as Transaction;

export function inPlaceTransactions(): Transactions {
  return {
    run: jest.fn((work: (t: Transaction) => Promise<unknown>) => work(tx)),
  } as unknown as Transactions;
}

export const meta: CommandMeta = { requestId: 'req-1', caller: { kind: 'anonymous' } };

export function aPool(overrides: Partial<PoolConfig> = {}): UserPoolEntity {
  const id = 'us-east-1_Spec1';
  return {
    id,
    name: 'spec',
    config: {
      ...poolConfigFromRequest({ PoolName: 'spec' }, `arn:aws:cognito-idp:::userpool/${id}`),
      ...overrides,
    },
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };
}

export function aUser(overrides: Partial<UserEntity> = {}): UserEntity {
  return {
    sub: '6f1c2b3a-0000-4000-8000-000000000001',
    poolId: 'us-east-1_Spec1',
    username: 'ann',
    usernameKey: 'ann',
    aliasKey: null,
    passwordHash: null,
    srpSalt: 'aa',
    srpVerifierEnc: Buffer.from('sealed'),
    passwordExpiresAt: null,
    status: 'CONFIRMED',
    enabled: true,
    attributes: { email: 'ann@example.com' },
    tokensValidAfter: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...overrides,
  };
}

/** The AWS error name a use case answered with, or 'ok'. */
export function outcome(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'ok',
    (err: unknown) => {
      if (err instanceof ServiceError) return err.errorName;
      throw err;
    },
  );
}
