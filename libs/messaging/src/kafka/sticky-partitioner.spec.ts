import { PartitionerArgs } from 'kafkajs';
import { stickyOnRetryPartitioner } from './sticky-partitioner';

const partitionMetadata = [0, 1, 2, 3, 4, 5].map((partitionId) => ({
  partitionId,
  leader: 1,
  replicas: [1],
  isr: [1],
  partitionErrorCode: 0,
}));

const args = (message: PartitionerArgs['message']): PartitionerArgs => ({
  topic: 'user-directory.commands.v1',
  partitionMetadata,
  message,
});

describe('stickyOnRetryPartitioner', () => {
  it('sends a retried unkeyed message to the partition of its first try', () => {
    const partition = stickyOnRetryPartitioner();
    const message = { key: null, value: 'command' };
    const first = partition(args(message));
    for (let retry = 0; retry < 5; retry++) expect(partition(args(message))).toBe(first);
  });

  it('still sends distinct unkeyed messages round the partitions', () => {
    const partition = stickyOnRetryPartitioner();
    const used = new Set(Array.from({ length: 6 }, () => partition(args({ key: null, value: 'c' }))));
    expect(used.size).toBe(6);
  });

  it('keeps a keyed message on its key’s partition', () => {
    const partition = stickyOnRetryPartitioner();
    const a = partition(args({ key: 'user-1', value: 'event' }));
    expect(partition(args({ key: 'user-1', value: 'another event' }))).toBe(a);
  });
});
