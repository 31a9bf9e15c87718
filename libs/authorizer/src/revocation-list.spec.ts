import { CommandFailedError } from '@idfed/messaging';
import { CredentialError } from './credential.errors';
import { RevocationList } from './revocation-list';

describe('RevocationList', () => {
  let now = 1_000_000;
  let answer: () => Promise<unknown>;
  const bus = { request: () => answer() } as never;

  beforeEach(() => {
    now = 1_000_000;
    answer = () =>
      Promise.resolve({
        Revocations: [
          { RoleArn: 'arn:aws:iam::000000000000:role/r', RevokedBefore: '2030-01-01T00:00:00.123Z' },
        ],
        AsOf: '2030-01-01T00:00:01Z',
      });
  });

  it('answers from memory after a refresh, in milliseconds', async () => {
    const list = new RevocationList(bus, { refreshMs: 1000, now: () => now });
    await list.refresh();
    expect(list.revokedBefore('arn:aws:iam::000000000000:role/r')).toBe(
      Date.parse('2030-01-01T00:00:00.123Z'),
    );
    expect(list.revokedBefore('arn:aws:iam::000000000000:role/other')).toBeUndefined();
  });

  it('refuses to vouch for anything before its first refresh or once too stale (fail closed)', async () => {
    const errors: Error[] = [];
    const list = new RevocationList(bus, { refreshMs: 1000, now: () => now, onError: (e) => errors.push(e) });
    answer = () => Promise.reject(new CommandFailedError({ name: 'ServiceUnavailable', message: 'down' }));
    expect(() => list.revokedBefore('x')).toThrow(CredentialError);
    await list.refresh(); // the refresh that lookup started, failing
    answer = () => Promise.resolve({ Revocations: [], AsOf: '' });
    await list.refresh();
    now += 29_000;
    expect(list.revokedBefore('x')).toBeUndefined();
    answer = () => Promise.reject(new CommandFailedError({ name: 'ServiceUnavailable', message: 'down' }));
    now += 2_000;
    expect(() => list.revokedBefore('x')).toThrow(/could not be checked/);
    await list.refresh();
    expect(errors.length).toBeGreaterThan(0);
  });

  it('shares one fetch between concurrent refreshes', async () => {
    let calls = 0;
    answer = () => {
      calls++;
      return Promise.resolve({ Revocations: [], AsOf: '' });
    };
    const list = new RevocationList(bus, { refreshMs: 1000, now: () => now });
    await Promise.all([list.refresh(), list.refresh(), list.refresh()]);
    expect(calls).toBe(1);
  });
});
