import { KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { untilLeadersServe } from './until-leaders-serve';

describe('untilLeadersServe', () => {
  // kafkajs' own error for Kafka's NOT_LEADER_OR_FOLLOWER answer (code 6), marked retriable.
  const notLeader = () =>
    new KafkaJSProtocolError(
      Object.assign(new Error('This server is not the leader for that topic-partition'), {
        type: 'NOT_LEADER_FOR_PARTITION',
        code: 6,
        retriable: true,
      }),
    );
  const admin = () => ({ fetchTopicMetadata: jest.fn().mockResolvedValue({ topics: [] }) });

  it('looks again, after refreshing the metadata, while Kafka answers "not the leader"', async () => {
    const a = admin();
    const lookup = jest
      .fn()
      .mockRejectedValueOnce(notLeader())
      .mockRejectedValueOnce(notLeader())
      .mockResolvedValue('offsets');
    await expect(untilLeadersServe(a, 't', Date.now() + 10_000, lookup)).resolves.toBe('offsets');
    expect(lookup).toHaveBeenCalledTimes(3);
    expect(a.fetchTopicMetadata).toHaveBeenCalledWith({ topics: ['t'] });
  });

  it('looks again when kafkajs gave up retrying an error that is retriable', async () => {
    const lookup = jest
      .fn()
      .mockRejectedValueOnce(
        new KafkaJSNumberOfRetriesExceeded(notLeader(), { retryCount: 10, retryTime: 1000 }),
      )
      .mockResolvedValue('offsets');
    await expect(untilLeadersServe(admin(), 't', Date.now() + 10_000, lookup)).resolves.toBe('offsets');
  });

  it('fails at once on an error that is not retriable', async () => {
    const lookup = jest.fn().mockRejectedValue(new KafkaJSNonRetriableError('no such group'));
    await expect(untilLeadersServe(admin(), 't', Date.now() + 10_000, lookup)).rejects.toThrow(
      'no such group',
    );
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('gives the last error back once the deadline has passed', async () => {
    const lookup = jest.fn().mockRejectedValue(notLeader());
    await expect(untilLeadersServe(admin(), 't', Date.now() + 300, lookup)).rejects.toThrow('not the leader');
    expect(lookup.mock.calls.length).toBeGreaterThan(1);
  });
});
