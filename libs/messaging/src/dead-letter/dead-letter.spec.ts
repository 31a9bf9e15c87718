import { DeadLetterCounter } from './dead-letter';

describe('DeadLetterCounter', () => {
  it('counts per consumer and topic, and in total', () => {
    const counter = new DeadLetterCounter();
    counter.inc({ consumer: 'a', topic: 't1' });
    counter.inc({ consumer: 'a', topic: 't1' });
    counter.inc({ consumer: 'b', topic: 't1' });
    expect(counter.value({ consumer: 'a', topic: 't1' })).toBe(2);
    expect(counter.value({ consumer: 'a', topic: 't2' })).toBe(0);
    expect(counter.value()).toBe(3);
    expect(counter.snapshot()).toEqual([
      { consumer: 'a', topic: 't1', value: 2 },
      { consumer: 'b', topic: 't1', value: 1 },
    ]);
  });
});
