import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { RATE_LIMIT_DEFAULTS, RateLimits } from '@idfed/config';
import { CallHandler, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { MessagePattern } from '@nestjs/microservices';
import { lastValueFrom, of } from 'rxjs';
import { ServiceError } from '@idfed/messaging';
import { RateLimitInterceptor } from '../src/rate-limits/rate-limit.interceptor';
import { rateLimitTableMigration } from '../src/rate-limits/rate-limit-table.migration';
import { SharedRateLimiter } from '../src/rate-limits/shared-rate-limiter';

const SCHEMA = 'rate_limit_test';

/** The shared token buckets on a real PostgreSQL, two replicas, the clock in the test's hands. */
describe('SharedRateLimiter on PostgreSQL', () => {
  const dbName = `idfed_rate_limits_${Date.now()}_${randomBytes(3).toString('hex')}`;
  let serverUrl: string;
  const replicas: DataSource[] = [];
  let now = Date.UTC(2030, 0, 1);
  const clock = () => now;
  let queries = 0;

  const limits = (overrides: Partial<Record<keyof RateLimits, number>>): RateLimits => ({
    ...RATE_LIMIT_DEFAULTS,
    ...overrides,
  });
  const pair = (l: RateLimits) => replicas.map((ds) => new SharedRateLimiter(ds, SCHEMA, l, clock));
  const admitted = async (calls: Promise<boolean>[]) => (await Promise.all(calls)).filter(Boolean).length;

  beforeAll(async () => {
    serverUrl = process.env.IDFED_TEST_DATABASE_URL!;
    const c = new Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`CREATE DATABASE "${dbName}"`);
    await c.end();
    const url = new URL(serverUrl);
    url.pathname = `/${dbName}`;
    for (let i = 0; i < 2; i++) {
      const ds = new DataSource({ type: 'postgres', url: url.toString() });
      await ds.initialize();
      const query = ds.query.bind(ds);
      ds.query = ((...args: Parameters<DataSource['query']>) => {
        queries++;
        return query(...args);
      }) as DataSource['query'];
      replicas.push(ds);
    }
    await replicas[0].query(`CREATE SCHEMA ${SCHEMA}`);
    const Migration = rateLimitTableMigration(SCHEMA, 1);
    await new Migration().up(replicas[0].createQueryRunner());
  });

  afterAll(async () => {
    for (const ds of replicas) await ds.destroy();
    const c = new Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${dbName}"`);
    await c.end();
  });

  it('admits one second of the rate across two replicas, then the refill, and no more', async () => {
    const [a, b] = pair(limits({ UserCreation: 10 }));
    const burst = Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).admit('UserCreation'));
    expect(await admitted(burst)).toBe(10);
    now += 500;
    expect(await admitted(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).admit('UserCreation')))).toBe(
      5,
    );
    now += 10_000;
    expect(await admitted(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).admit('UserCreation')))).toBe(
      10,
    );
  });

  it('keeps a fraction of a request per second exact across replicas, refusing without asking the database', async () => {
    const [a, b] = pair(limits({ UserAccountRecovery: 0.001 }));
    expect(await a.admit('UserAccountRecovery')).toBe(true);
    expect(await b.admit('UserAccountRecovery')).toBe(false);
    expect(await a.admit('UserAccountRecovery')).toBe(false);
    const before = queries;
    for (let i = 0; i < 50; i++) {
      expect(await a.admit('UserAccountRecovery')).toBe(false);
      expect(await b.admit('UserAccountRecovery')).toBe(false);
    }
    expect(queries).toBe(before);
    now += 1_000_000;
    expect(await admitted([a.admit('UserAccountRecovery'), b.admit('UserAccountRecovery')])).toBe(1);
  });

  it('writes to the database once per lease, not once per request', async () => {
    const [a, b] = pair(limits({ UserAuthentication: 2000 }));
    const before = queries;
    let admittedCount = 0;
    for (let step = 0; step < 10; step++) {
      now += 100; // 200 tokens' worth of refill between steps
      for (let i = 0; i < 100; i++) {
        if (await a.admit('UserAuthentication')) admittedCount++;
        if (await b.admit('UserAuthentication')) admittedCount++;
      }
    }
    expect(admittedCount).toBe(2000);
    // Leases of 200 tokens: about 2000 / 200 = 10 statements, not 2000.
    expect(queries - before).toBeLessThanOrEqual(20);
  });

  it('does not limit a category that is off, nor touch the database for it', async () => {
    const [a] = pair(limits({ UserRead: Infinity }));
    const before = queries;
    expect(await admitted(Array.from({ length: 100 }, () => a.admit('UserRead')))).toBe(100);
    expect(queries).toBe(before);
  });

  it('counts the OAuth endpoints through the interceptor: the token endpoint spends the budget and is then refused', async () => {
    // Handlers as the user directory declares them: the command pattern is their only link to a category.
    class Handlers {
      @MessagePattern('user-directory.OAuthToken') token(this: void) {}
      @MessagePattern('user-directory.OAuthSignIn') signIn(this: void) {}
      @MessagePattern('user-directory.OAuthUserInfo') userInfo(this: void) {}
    }
    const [limiter] = pair(limits({ UserAuthentication: 0.001, UserRead: 0.001 }));
    const interceptor = new RateLimitInterceptor(limiter, new Reflector());
    let ran = 0;
    const next: CallHandler = { handle: () => (ran++, of('answer')) };
    const call = async (handler: () => void) =>
      lastValueFrom(
        await interceptor.intercept({ getHandler: () => handler } as unknown as ExecutionContext, next),
      );
    expect(await call(Handlers.prototype.token)).toBe('answer');
    for (const handler of [Handlers.prototype.token, Handlers.prototype.signIn]) {
      const refused = await call(handler).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ServiceError);
      expect((refused as ServiceError).errorName).toBe('TooManyRequestsException');
    }
    expect(ran).toBe(1);
    // Another category keeps its own budget.
    expect(await call(Handlers.prototype.userInfo)).toBe('answer');
    expect(ran).toBe(2);
  });
});
