import { eventually } from './eventually';

describe('eventually', () => {
  it('returns what the check returns once it passes', async () => {
    let tries = 0;
    const value = await eventually(
      () => {
        tries++;
        if (tries < 3) throw new Error(`try ${tries}`);
        return 'done';
      },
      { intervalMs: 1 },
    );
    expect(value).toBe('done');
    expect(tries).toBe(3);
  });

  it('awaits an asynchronous check', async () => {
    let tries = 0;
    await expect(
      eventually(
        async () => {
          tries++;
          if (tries < 2) throw new Error('not yet');
          return tries;
        },
        { intervalMs: 1 },
      ),
    ).resolves.toBe(2);
  });

  it('throws the last failure, not the first, once the bound is reached', async () => {
    const thrown: string[] = [];
    const failure = await eventually(
      () => {
        thrown.push(`still wrong after ${thrown.length + 1} tries`);
        throw new Error(thrown[thrown.length - 1]);
      },
      { timeoutMs: 30, intervalMs: 5 },
    ).catch((err: Error) => err);
    expect(thrown.length).toBeGreaterThan(1);
    expect(failure.message).toBe(thrown[thrown.length - 1]);
  });

  it('tries once more only when the next try still falls inside the bound', async () => {
    let tries = 0;
    await expect(
      eventually(
        () => {
          tries++;
          throw new Error('never');
        },
        { timeoutMs: 0, intervalMs: 10 },
      ),
    ).rejects.toThrow('never');
    expect(tries).toBe(1);
  });
});
