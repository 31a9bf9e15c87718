import { AnswerTiming } from './answer-timing';

describe('AnswerTiming', () => {
  function clocked() {
    let now = 1000;
    const slept: number[] = [];
    const timing = new AnswerTiming(
      () => now,
      async (ms) => {
        slept.push(ms);
        now += ms;
      },
      // A turn of the event loop.
      async () => {
        now += 0.25;
      },
    );
    return { timing, slept, advance: (ms: number) => (now += ms), now: () => now };
  }

  it('pads nothing before the key has a recorded duration', async () => {
    const { timing, slept } = clocked();
    await timing.padFrom('pool-1', timing.start());
    expect(slept).toEqual([]);
  });

  it('waits out a recorded duration of the same key, less the time already spent', async () => {
    const { timing, slept, advance, now } = clocked();
    const long = timing.start();
    advance(40);
    timing.record('pool-1', long);
    const short = timing.start();
    advance(15);
    await timing.padFrom('pool-1', short);
    // The timer is set short of the deadline (it fires up to a millisecond late); the rest is
    // waited out turn by turn, to the deadline and no further.
    expect(slept).toEqual([23.5]);
    expect(now() - short).toBe(40);
    // Another pool's durations are its own.
    await timing.padFrom('pool-2', timing.start());
    expect(slept).toEqual([23.5]);
  });

  it('sets no timer for less than a timer can wait, and does not wait past the deadline', async () => {
    const { timing, slept, advance, now } = clocked();
    const long = timing.start();
    advance(10);
    timing.record('pool-1', long);
    const short = timing.start();
    advance(9);
    await timing.padFrom('pool-1', short);
    expect(slept).toEqual([]);
    expect(now() - short).toBe(10);
    const late = timing.start();
    advance(12);
    await timing.padFrom('pool-1', late);
    expect(now() - late).toBe(12);
  });

  it('aims early by as much as its recent waits ended late', async () => {
    let now = 0;
    // A busy machine: every timer fires 3 ms after it was due.
    const timing = new AnswerTiming(
      () => now,
      async (ms) => {
        now += ms + 3;
      },
      async () => {
        now += 0.25;
      },
    );
    const long = timing.start();
    now += 40;
    timing.record('pool-1', long);
    const took: number[] = [];
    for (let i = 0; i < 5; i++) {
      const short = timing.start();
      now += 5;
      await timing.padFrom('pool-1', short);
      took.push(now - short);
    }
    // The first wait ends late; those after it, aimed 1.5 ms earlier (the median of what they
    // found), on the recorded 40 ms.
    expect(took[0]).toBeCloseTo(41.5);
    expect(took.slice(1)).toEqual([40, 40, 40, 40]);
  });

  it('draws from the last 64 durations only', async () => {
    const { timing, slept, advance } = clocked();
    for (let i = 0; i < 100; i++) {
      const started = timing.start();
      advance(i < 36 ? 1000 : 10);
      timing.record('pool-1', started);
    }
    for (let i = 0; i < 50; i++) await timing.padFrom('pool-1', timing.start());
    expect(new Set(slept)).toEqual(new Set([8.5]));
  });
});
