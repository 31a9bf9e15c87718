import { appendFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BroadcastEvent, subscribeToBroadcast } from '../broadcast/broadcast-subscription';
import { EventJournal } from './event-journal';
import { InProcessBus } from './in-process.bus';
import { InProcessClient } from './in-process.client';

const HOUR = 60 * 60 * 1000;
const event = (topic: string, id: string) => ({
  topic,
  key: id,
  value: { id },
  headers: { 'idfed-event-id': id },
});

describe('EventJournal', () => {
  let dir: string;
  let clock: number;
  const journal = (retentionMs = 24 * HOUR) =>
    new EventJournal({ dir, topics: ['kept.a', 'kept.b'], retentionMs, now: () => clock });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'idfed-journal-'));
    clock = Date.UTC(2026, 11, 6, 10, 30);
  });

  it('reads back the kept topics, oldest first, from a new instance (a restart)', async () => {
    const first = journal();
    await first.append([event('kept.a', '1'), event('other', '2'), event('kept.b', '3')]);
    clock += HOUR; // the next segment
    await first.append([event('kept.a', '4')]);
    await first.close();

    const again = journal();
    expect(again.read(['kept.a', 'kept.b'], 0).map((e) => e.key)).toEqual(['1', '3', '4']);
    expect(again.read(['kept.b'], 0).map((e) => e.key)).toEqual(['3']);
    expect(again.read(['kept.a'], clock).map((e) => e.key)).toEqual(['4']);
    expect(again.read(['other'], 0)).toEqual([]);
    expect(again.read(['kept.a'], 0)[0]).toMatchObject({
      value: { id: '1' },
      headers: { 'idfed-event-id': '1' },
    });
  });

  it('skips a line a crash cut short and keeps what was written after it', async () => {
    const first = journal();
    await first.append([event('kept.a', '1')]);
    await first.close();
    const [segment] = readdirSync(dir);
    appendFileSync(join(dir, segment), '{"at":1,"topic":"kept.a","key":"cut');
    const again = journal();
    await again.append([event('kept.a', '2')]);
    expect(again.read(['kept.a'], 0).map((e) => e.key)).toEqual(['1', '2']);
    await again.close();
  });

  it('deletes segments older than the retention when a new one starts', async () => {
    const first = journal(2 * HOUR);
    await first.append([event('kept.a', 'old')]);
    clock += 4 * HOUR;
    await first.append([event('kept.a', 'new')]);
    expect(readdirSync(dir)).toHaveLength(1);
    expect(first.read(['kept.a'], 0).map((e) => e.key)).toEqual(['new']);
    await first.close();
  });

  it('lets an in-process publish and a replaying broadcast subscriber meet through it', async () => {
    const bus = new InProcessBus();
    bus.keepJournal(journal());
    const client = new InProcessClient(bus);
    await client.publishEvents([event('kept.a', 'before'), event('kept.b', 'not-replayed')]);

    const heard: BroadcastEvent[] = [];
    const subscription = await subscribeToBroadcast(
      { kind: 'in-process', bus },
      'test',
      ['kept.a', 'kept.b'],
      (e) => heard.push(e),
      { topics: ['kept.a'], sinceMs: 0 },
    );
    expect(heard.map((e) => e.key)).toEqual(['before']);
    await client.publishEvents([event('kept.b', 'live')]);
    expect(heard.map((e) => e.key)).toEqual(['before', 'live']);
    await subscription.close();
    await bus.journal!.close();
  });
});
