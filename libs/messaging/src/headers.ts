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

/**
 * The deadline header of a command: the transport's own time to live, or the caller's deadline
 * (`meta.deadline`) when that comes first.
 */
export function deadlineOf(envelope: unknown, ttlDeadline: number): number {
  const meta = (envelope as { meta?: { deadline?: unknown } } | undefined)?.meta;
  const own = typeof meta?.deadline === 'number' ? meta.deadline : Infinity;
  return Math.min(own, ttlDeadline);
}
