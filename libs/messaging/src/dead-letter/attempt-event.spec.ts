import { InvalidMessageError } from '@idfed/contracts';
import { attemptEvent } from './attempt-event';
import { classifyEventFailure, MalformedEventError } from './event-failure';
import { backoffMs, EventRetryPolicy } from './event-retry-policy';

const policy: EventRetryPolicy = { maxAttempts: 3, firstBackoffMs: 100, maxBackoffMs: 250 };

/** Runs attemptEvent with a handler failing as scripted, recording the pauses it asked for. */
async function attempt(script: unknown[]) {
  const waits: number[] = [];
  let calls = 0;
  const outcome = await attemptEvent(
    async () => {
      const failure = script[calls++];
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- Nest's shapes are thrown too
      if (failure !== undefined) throw failure;
    },
    policy,
    { wait: async (ms) => void waits.push(ms), retrying: () => undefined },
  );
  return { outcome, waits, calls };
}

describe('attemptEvent', () => {
  it('returns after the first success', async () => {
    expect(await attempt([new Error('x'), undefined])).toEqual({
      outcome: { handled: true, attempts: 2 },
      waits: [100],
      calls: 2,
    });
  });

  it('gives up after maxAttempts failures with the last reason, pausing with a capped doubling', async () => {
    const { outcome, waits, calls } = await attempt([
      new Error('a'),
      new Error('b'),
      new Error('c'),
      undefined,
    ]);
    expect(outcome).toEqual({ handled: false, attempts: 3, reason: 'Error: c' });
    expect(waits).toEqual([100, 200]);
    expect(calls).toBe(3);
  });

  it('gives up on a malformed message at once', async () => {
    const { outcome, calls } = await attempt([new InvalidMessageError('T: id: id must be a UUID')]);
    expect(outcome).toEqual({
      handled: false,
      attempts: 1,
      reason: 'InvalidMessageError: T: id: id must be a UUID',
    });
    expect(calls).toBe(1);
  });

  it('does not count failures of a dependency that is down', async () => {
    const down = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const unavailable = { name: 'ServiceUnavailable', message: 'credential-vending is not running' };
    const { outcome, waits } = await attempt([
      down,
      down,
      down,
      down,
      unavailable,
      new Error('x'),
      undefined,
    ]);
    expect(outcome).toEqual({ handled: true, attempts: 2 });
    expect(waits).toEqual([100, 200, 250, 250, 250, 100]);
  });

  it('stops when the wait rejects (the consumer is stopping)', async () => {
    const stopping = attemptEvent(() => Promise.reject(new Error('x')), policy, {
      wait: () => Promise.reject(new Error('stopping')),
      retrying: () => undefined,
    });
    await expect(stopping).rejects.toThrow('stopping');
  });
});

describe('classifyEventFailure', () => {
  it('tells malformed, unavailable and failed apart', () => {
    expect(classifyEventFailure(new MalformedEventError('the message value is not valid JSON'))).toEqual({
      kind: 'malformed',
      reason: 'MalformedEventError: the message value is not valid JSON',
    });
    expect(classifyEventFailure(Object.assign(new Error('terminating'), { code: '57P01' })).kind).toBe(
      'unavailable',
    );
    expect(classifyEventFailure({ status: 'error', message: 'Internal server error' })).toEqual({
      kind: 'failed',
      reason: 'Internal server error',
    });
    expect(classifyEventFailure('a string').reason).toBe('unknown error');
    expect(classifyEventFailure(new Error('x'.repeat(5000))).reason).toHaveLength(1000);
  });
});

describe('backoffMs', () => {
  it('doubles from the first pause up to the cap', () => {
    expect([1, 2, 3, 4, 60].map((n) => backoffMs(policy, n))).toEqual([100, 200, 250, 250, 250]);
  });
});
