import { ReplayProgress } from './replay-progress';

describe('ReplayProgress', () => {
  const settled = async (p: Promise<void>) => {
    let done = false;
    void p.then(() => (done = true));
    await new Promise((r) => setImmediate(r));
    return done;
  };

  it('is caught up at once when no replayed partition holds an event after the start', async () => {
    const progress = new ReplayProgress([
      { topic: 'a', partition: 0, from: '5', end: '5' },
      { topic: 'b', partition: 1, from: '0', end: '0' },
    ]);
    expect(progress.pending).toBe(0);
    expect(await settled(progress.caughtUp)).toBe(true);
  });

  it('waits for the last event of every partition that has some to replay', async () => {
    const progress = new ReplayProgress([
      { topic: 'a', partition: 0, from: '3', end: '6' },
      { topic: 'a', partition: 1, from: '0', end: '1' },
    ]);
    expect(progress.pending).toBe(2);
    progress.delivered('a', 0, '4');
    progress.delivered('a', 1, '0');
    expect(await settled(progress.caughtUp)).toBe(false);
    progress.delivered('b', 0, '100'); // another topic's event changes nothing
    progress.delivered('a', 0, '5');
    expect(progress.pending).toBe(0);
    expect(await settled(progress.caughtUp)).toBe(true);
  });

  it('counts an event past the recorded end (written during the replay) as caught up', async () => {
    const progress = new ReplayProgress([{ topic: 'a', partition: 0, from: '0', end: '2' }]);
    progress.delivered('a', 0, '9');
    expect(await settled(progress.caughtUp)).toBe(true);
  });
});
