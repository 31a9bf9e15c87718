import { Counter, Histogram, Registry } from 'prom-client';
import { parsePrometheusText, sampleValue } from './prometheus-text';

describe('the Prometheus text parser of the metrics specs', () => {
  it("reads prom-client's own output: counters, histograms and escaped labels", async () => {
    const registry = new Registry();
    const counter = new Counter({ name: 't_total', help: 'h', labelNames: ['a'], registers: [registry] });
    const histogram = new Histogram({
      name: 't_seconds',
      help: 'h',
      buckets: [0.1, 1],
      registers: [registry],
    });
    counter.inc({ a: 'quote " back \\ line \n' }, 2);
    histogram.observe(0.5);
    const scrape = parsePrometheusText(await registry.metrics());
    expect(scrape.types.get('t_total')).toBe('counter');
    expect(scrape.types.get('t_seconds')).toBe('histogram');
    expect(sampleValue(scrape, 't_total', { a: 'quote " back \\ line \n' })).toBe(2);
    expect(sampleValue(scrape, 't_seconds_bucket', { le: '0.1' })).toBe(0);
    expect(sampleValue(scrape, 't_seconds_bucket', { le: '+Inf' })).toBe(1);
    expect(sampleValue(scrape, 't_seconds_count')).toBe(1);
  });

  it.each([
    ['a bad metric name', '9x 1'],
    ['a value that is not a number', 'x one'],
    ['an unquoted label value', 'x{a=b} 1'],
    ['an unterminated label value', 'x{a="b} 1'],
    ['a bad escape', 'x{a="\\t"} 1'],
    ['a bad label name', 'x{a-b="c"} 1'],
    ['a family split in two', 'x 1\ny 1\nx 2'],
    ['a second TYPE', '# TYPE x counter\n# TYPE x gauge\nx 1'],
  ])('refuses %s', (_what, text) => {
    expect(() => parsePrometheusText(text)).toThrow();
  });
});
