/** Header names idfed puts on every bus message, in both transports. */
export const Headers = {
  pattern: 'idfed-pattern',
  correlationId: 'idfed-correlation-id',
  replyTopic: 'idfed-reply-topic',
  replyPartition: 'idfed-reply-partition',
  deadline: 'idfed-deadline',
  eventId: 'idfed-event-id',
  occurredAt: 'idfed-occurred-at',
  outcome: 'idfed-outcome',
} as const;

export type MessageHeaders = Record<string, string>;
