import type { Admin } from 'kafkajs';
/**
 * Runs an offset lookup on `topic`, again while Kafka answers with a retriable error. For a while
 * after a topic is created its metadata already names a leader that still answers "not the leader
 * for that topic-partition" to ListOffsets, and kafkajs gives that error back at once: replicas
 * started beside the service that creates the topics failed their start on it. The metadata is
 * refreshed before each new try, so the lookup goes to the leader the cluster names then.
 */
export async function untilLeadersServe<T>(
  admin: Pick<Admin, 'fetchTopicMetadata'>,
  topic: string,
  deadline: number,
  lookup: () => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await lookup();
    } catch (err) {
      if (!retriable(err) || Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
      await admin.fetchTopicMetadata({ topics: [topic] }).catch(() => undefined);
    }
  }
}

/** Retriable itself, or kafkajs' "gave up retrying" around an error that was. */
export function retriable(err: unknown): boolean {
  const e = err as { retriable?: boolean; cause?: { retriable?: boolean } } | undefined;
  return e?.retriable === true || e?.cause?.retriable === true;
}
