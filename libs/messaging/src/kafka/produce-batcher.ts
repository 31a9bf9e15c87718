import { Message, Producer, TopicMessages } from 'kafkajs';
import { ProduceKind, timedProduce } from './kafka-metrics';

interface Pending {
  topic: string;
  message: Message;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Collects the messages sent during one turn of the event loop and produces them as one batch.
 * Under load a process sends many small commands and replies at once, and one Produce request per
 * message costs the broker and kafkajs more than the messages themselves; batching keeps each
 * message's order within its partition, and each caller still learns whether its message made it.
 */
export class ProduceBatcher {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(
    private readonly producer: () => Producer | undefined,
    private readonly kind: ProduceKind,
  ) {}

  send(topic: string, message: Message): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ topic, message, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    this.scheduled = false;
    const producer = this.producer();
    if (!producer) {
      for (const p of batch) p.reject(new Error('the producer is not connected'));
      return;
    }
    const byTopic = new Map<string, Message[]>();
    for (const p of batch) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p.message]);
    const topicMessages: TopicMessages[] = [...byTopic.entries()].map(([topic, messages]) => ({
      topic,
      messages,
    }));
    try {
      await timedProduce(this.kind, () => producer.sendBatch({ topicMessages }));
      for (const p of batch) p.resolve();
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }
}
