import { UserPoolEntity } from '../database/entities';
import { AuthEventRecorder, AUTH_EVENT_RETENTION_MS } from './auth-event-recorder';
import { AuthEventsRepository } from './auth-events.repository';

const poolIn = (mode?: 'OFF' | 'AUDIT' | 'ENFORCED') =>
  ({
    id: 'us-east-1_Events123',
    config: mode ? { userPoolAddOns: { AdvancedSecurityMode: mode } } : {},
  }) as unknown as UserPoolEntity;

function recorder() {
  const record = jest.fn().mockResolvedValue(undefined);
  return { events: new AuthEventRecorder({ record } as unknown as AuthEventsRepository), record };
}

describe('AuthEventRecorder', () => {
  it('writes nothing while the call that records is running: the write comes after', async () => {
    const { events, record } = recorder();
    events.record(poolIn('AUDIT'), { sub: 'sub-1' }, 'SignIn', 'Fail', [
      { ChallengeName: 'Password', ChallengeResponse: 'Failure' },
    ]);
    expect(record).not.toHaveBeenCalled();
    await events.settled();
    expect(record).toHaveBeenCalledTimes(1);
    const [event, retainAfter] = record.mock.calls[0] as [Record<string, unknown>, Date];
    expect(event).toMatchObject({
      poolId: 'us-east-1_Events123',
      userSub: 'sub-1',
      eventType: 'SignIn',
      eventResponse: 'Fail',
      challengeResponses: [{ ChallengeName: 'Password', ChallengeResponse: 'Failure' }],
      ipAddress: null,
      deviceName: null,
    });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((event.createdAt as Date).getTime() - retainAfter.getTime()).toBe(AUTH_EVENT_RETENTION_MS);
  });

  it('takes the address and user agent of the flow it runs within, or the ones given', async () => {
    const { events, record } = recorder();
    await events.within({ sourceIp: '192.0.2.1', userAgent: 'ua/1' }, () => {
      events.record(poolIn('ENFORCED'), { sub: 'sub-1' }, 'SignIn', 'Pass');
      return Promise.resolve();
    });
    events.record(poolIn('ENFORCED'), { sub: 'sub-2' }, 'SignUp', 'Pass', [], { sourceIp: '::1' });
    await events.settled();
    expect(
      record.mock.calls.map(([e]) => [
        (e as { ipAddress: string }).ipAddress,
        (e as { deviceName: string }).deviceName,
      ]),
    ).toEqual([
      ['192.0.2.1', 'ua/1'],
      ['::1', null],
    ]);
  });

  it('records nothing in a pool whose threat protection is off', async () => {
    const { events, record } = recorder();
    events.record(poolIn(), { sub: 'sub-1' }, 'SignIn', 'Pass');
    events.record(poolIn('OFF'), { sub: 'sub-1' }, 'SignIn', 'Pass');
    await events.settled();
    expect(record).not.toHaveBeenCalled();
  });

  it('logs a failed write without failing the request', async () => {
    const record = jest.fn().mockRejectedValue(new Error('db down'));
    const events = new AuthEventRecorder({ record } as unknown as AuthEventsRepository);
    expect(() => events.record(poolIn('AUDIT'), { sub: 'sub-1' }, 'SignIn', 'Pass')).not.toThrow();
    await expect(events.settled()).resolves.toBeUndefined();
    expect(record).toHaveBeenCalledTimes(1);
  });
});
