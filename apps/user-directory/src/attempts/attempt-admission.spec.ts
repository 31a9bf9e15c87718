import { AdmissionTry, waitForSlot } from './attempt-admission';

/** The waiting policy alone, against scripted answers from the counter and a clock of its own. */
describe('waitForSlot', () => {
  function scripted<T>(answers: AdmissionTry<T>[]) {
    let elapsed = 0;
    const pauses: number[] = [];
    let tries = 0;
    const options = {
      maxWaitMs: 1000,
      elapsedMs: () => elapsed,
      sleep: (ms: number) => {
        pauses.push(ms);
        elapsed += ms;
        return Promise.resolve();
      },
      random: () => 0.5,
    };
    const tryOnce = () => {
      const answer = answers[Math.min(tries++, answers.length - 1)];
      return Promise.resolve(answer);
    };
    return { options, tryOnce, pauses, tries: () => tries };
  }

  it('takes a free slot at once', async () => {
    const s = scripted([{ admitted: 7 }]);
    await expect(waitForSlot(s.tryOnce, s.options)).resolves.toEqual({ admitted: 7 });
    expect(s.pauses).toEqual([]);
  });

  it('answers a lockout at once, without waiting', async () => {
    const s = scripted<number>([{ refused: 'locked' }]);
    await expect(waitForSlot(s.tryOnce, s.options)).resolves.toEqual({ refused: 'locked' });
    expect(s.tries()).toBe(1);
  });

  it('waits while every slot is held, then takes the one that frees', async () => {
    const s = scripted<number>([
      { refused: 'busy' },
      { refused: 'busy' },
      { refused: 'busy' },
      { admitted: 3 },
    ]);
    await expect(waitForSlot(s.tryOnce, s.options)).resolves.toEqual({ admitted: 3 });
    expect(s.pauses).toEqual([4, 8, 16]);
  });

  it('answers the lockout that the checks it waited for led to', async () => {
    const s = scripted<number>([{ refused: 'busy' }, { refused: 'busy' }, { refused: 'locked' }]);
    await expect(waitForSlot(s.tryOnce, s.options)).resolves.toEqual({ refused: 'locked' });
  });

  it('pauses at most 40 ms between looks, and gives up before its wait would pass the bound', async () => {
    const s = scripted<number>([{ refused: 'busy' }]);
    await expect(waitForSlot(s.tryOnce, s.options)).resolves.toEqual({ refused: 'gave-up' });
    expect(Math.max(...s.pauses)).toBe(40);
    expect(s.pauses.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1000);
    expect(s.pauses.reduce((a, b) => a + b, 0)).toBeGreaterThan(1000 - 40);
  });

  it('jitters its pauses, so waiters on several replicas do not look in step', async () => {
    const low = scripted<number>([{ refused: 'busy' }, { admitted: 1 }]);
    await waitForSlot(low.tryOnce, { ...low.options, random: () => 0 });
    const high = scripted<number>([{ refused: 'busy' }, { admitted: 1 }]);
    await waitForSlot(high.tryOnce, { ...high.options, random: () => 0.999 });
    expect(low.pauses[0]).toBe(2);
    expect(high.pauses[0]).toBeCloseTo(6, 1);
  });

  it('with no time to wait, says so after one try', async () => {
    const s = scripted<number>([{ refused: 'busy' }]);
    await expect(waitForSlot(s.tryOnce, { ...s.options, maxWaitMs: 0 })).resolves.toEqual({
      refused: 'gave-up',
    });
    expect(s.tries()).toBe(1);
  });
});
