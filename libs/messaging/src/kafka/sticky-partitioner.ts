import { ICustomPartitioner, Partitioners } from 'kafkajs';

/**
 * kafkajs' default partitioner, except that a message keeps the partition of its first try.
 *
 * kafkajs partitions a batch again on every retry, and sends an unkeyed message (a command) round
 * the partitions, so a retry went to the next partition. When the first try had in fact been
 * written (the broker died or answered late after appending it), the command was then written
 * twice, to two partitions, and handled twice; worse, the idempotent producer's sequence number for
 * the first partition stayed where it was, so the broker took the next batch for that partition as
 * a duplicate of the written one, acknowledged it and dropped it: a command acknowledged and never
 * delivered (the fault suite's broker kill lost health checks this way). Retried to the same
 * partition, a written batch is recognised as the duplicate it is and nothing else is.
 */
export const stickyOnRetryPartitioner: ICustomPartitioner = () => {
  const pick = Partitioners.DefaultPartitioner();
  return (args) => {
    const partition = pick(args);
    // kafkajs passes the same message object on each retry, and its partitioner honours a set one.
    args.message.partition = partition;
    return partition;
  };
};
