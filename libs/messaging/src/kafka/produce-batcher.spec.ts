import { Producer } from 'kafkajs';
import { ProduceBatcher } from './produce-batcher';

describe('ProduceBatcher', () => {
  function fakeProducer(fail = false) {
    const batches: { topic: string; values: string[] }[][] = [];
    const producer = {
      sendBatch: async ({
        topicMessages,
      }: {
        topicMessages: { topic: string; messages: { value: string }[] }[];
      }) => {
        batches.push(topicMessages.map((t) => ({ topic: t.topic, values: t.messages.map((m) => m.value) })));
        if (fail) throw new Error('broker down');
        return [];
      },
    } as unknown as Producer;
    return { producer, batches };
  }

  it('produces the messages of one event-loop turn as one batch, in order per topic', async () => {
    const { producer, batches } = fakeProducer();
    const batcher = new ProduceBatcher(() => producer, 'commands');
    await Promise.all([
      batcher.send('a', { value: '1' }),
      batcher.send('b', { value: '2' }),
      batcher.send('a', { value: '3' }),
    ]);
    await batcher.send('a', { value: '4' });
    expect(batches).toEqual([
      [
        { topic: 'a', values: ['1', '3'] },
        { topic: 'b', values: ['2'] },
      ],
      [{ topic: 'a', values: ['4'] }],
    ]);
  });

  it('fails every message of a failed batch, and a send without a producer', async () => {
    const { producer } = fakeProducer(true);
    const batcher = new ProduceBatcher(() => producer, 'commands');
    const results = await Promise.allSettled([
      batcher.send('a', { value: '1' }),
      batcher.send('a', { value: '2' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await expect(new ProduceBatcher(() => undefined, 'commands').send('a', { value: 'x' })).rejects.toThrow(
      /not connected/,
    );
  });
});
