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
    );
    return { timing, slept, advance: (ms: number) => (now += ms) };
  }

  it('pads nothing before the key has a recorded duration', async () => {
    const { timing, slept } = clocked();
    await timing.padFrom('pool-1', timing.start());
    expect(slept).toEqual([]);
  });

  it('waits out a recorded duration of the same key, less the time already spent', async () => {
    const { timing, slept, advance } = clocked();
    const long = timing.start();
    advance(40);
    timing.record('pool-1', long);
    const short = timing.start();
    advance(15);
    await timing.padFrom('pool-1', short);
    expect(slept).toEqual([25]);
    // Another pool's durations are its own.
    await timing.padFrom('pool-2', timing.start());
    expect(slept).toEqual([25]);
  });

  it('draws from the last 64 durations only', async () => {
    const { timing, slept, advance } = clocked();
    for (let i = 0; i < 100; i++) {
      const started = timing.start();
      advance(i < 36 ? 1000 : 10);
      timing.record('pool-1', started);
    }
    for (let i = 0; i < 50; i++) await timing.padFrom('pool-1', timing.start());
    expect(new Set(slept)).toEqual(new Set([10]));
  });
});
