import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SamplingDecision, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import {
  injectTraceHeaders,
  insideSpan,
  otlpTracesUrlOf,
  runIn,
  samplerFromEnv,
  SpanKind,
  startSpan,
  startTracing,
  stopTracing,
  traceContextOf,
  tracingEnabled,
  withSpan,
} from './tracing';

/** Lets a later test register a provider again (the API keeps the first one otherwise). */
function unregister(): void {
  trace.disable();
  context.disable();
  propagation.disable();
}

describe('tracing', () => {
  it('finds the traces URL in OpenTelemetry variables, and nothing without them', () => {
    expect(otlpTracesUrlOf({})).toBeUndefined();
    expect(otlpTracesUrlOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318/' })).toBe(
      'http://c:4318/v1/traces',
    );
    expect(
      otlpTracesUrlOf({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://t:1/x',
      }),
    ).toBe('http://t:1/x');
  });

  it('is off without an endpoint: work runs as is, no header is added, no context is read', async () => {
    expect(startTracing('test', {})).toBe(false);
    expect(tracingEnabled()).toBe(false);
    expect(await withSpan('x', SpanKind.INTERNAL, {}, () => Promise.resolve(42))).toBe(42);
    expect(
      await withSpan('x', SpanKind.INTERNAL, {}, () => Promise.resolve(trace.getActiveSpan())),
    ).toBeUndefined();
    expect(injectTraceHeaders({})).toEqual({});
    const foreign = { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' };
    expect(trace.getSpan(traceContextOf(foreign))).toBeUndefined();
  });

  // The OTLP export itself is tested end to end (e2e/distributed-only/traces.e2e-spec.ts, a real
  // receiver): the exporter loads its HTTP transport with a dynamic import, which Jest's module
  // sandbox refuses, so here the exporter has nowhere to send and only the propagation is checked.
  it('when on, carries the trace through message headers', async () => {
    try {
      expect(
        startTracing('unit', { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:9/v1/traces' }),
      ).toBe(true);
      // The sender: a span, and the headers it puts on a message.
      const sent = await withSpan('send', SpanKind.CLIENT, {}, () =>
        Promise.resolve({
          headers: injectTraceHeaders({ 'idfed-pattern': 'x' }),
          span: trace.getActiveSpan()!.spanContext(),
        }),
      );
      expect(sent.headers.traceparent).toBe(`00-${sent.span.traceId}-${sent.span.spanId}-01`);
      // The receiver, from the headers alone: the same trace, a span of its own.
      const handled = await runIn(context.active(), () =>
        withSpan(
          'handle',
          SpanKind.SERVER,
          {},
          () => Promise.resolve(trace.getActiveSpan()!.spanContext()),
          traceContextOf(sent.headers),
        ),
      );
      expect(handled.traceId).toBe(sent.span.traceId);
      expect(handled.spanId).not.toBe(sent.span.spanId);
      // Outside any span, nothing is injected: no trace is started by a message alone.
      expect(injectTraceHeaders({})).toEqual({});
    } finally {
      await stopTracing();
      unregister();
    }
  });

  describe('what an unsampled trace costs (ADR 0053)', () => {
    // A new exporter each time: shutting the provider down stops its exporter for good.
    let exporter: InMemorySpanExporter;
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const on = (sampler: string) => {
      exporter = new InMemorySpanExporter();
      return startTracing(
        'unit',
        { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:9/v1/traces', OTEL_TRACES_SAMPLER: sampler },
        [new SimpleSpanProcessor(exporter)],
      );
    };
    afterEach(async () => {
      await stopTracing();
      unregister();
    });

    // A request, as the gateway, the bus client and a handler nest them, with an SQL statement.
    const request = () => {
      const root = startSpan('POST gateway', SpanKind.SERVER)!;
      return runIn(root.context, () =>
        withSpan('command', SpanKind.CLIENT, {}, () =>
          withSpan(
            'handler',
            SpanKind.SERVER,
            {},
            () =>
              Promise.resolve({
                sql: insideSpan(),
                statement: startSpan('SQL x', SpanKind.CLIENT),
                headers: injectTraceHeaders({}),
                root: root.span.spanContext(),
              }),
            // The service continues from the message headers, as over Kafka.
            traceContextOf(injectTraceHeaders({})),
          ),
        ),
      ).finally(() => root.span.end());
    };

    it('a sampled trace: every hop a span, SQL inside it', async () => {
      on('parentbased_always_on');
      const seen = await request();
      seen.statement?.span.end();
      expect(seen.sql).toBe(true);
      const names = exporter.getFinishedSpans().map((s) => s.name);
      expect(names.sort()).toEqual(['POST gateway', 'SQL x', 'command', 'handler']);
      expect(seen.headers.traceparent).toMatch(new RegExp(`^00-${seen.root.traceId}-[0-9a-f]{16}-01$`));
    });

    it('a dropped trace: only the root, never exported; SQL opens nothing; the flag travels on', async () => {
      on('parentbased_always_off');
      const seen = await request();
      // The exporter is live: a sampled span made now is exported.
      await withSpan(
        'kept',
        SpanKind.INTERNAL,
        {},
        () => Promise.resolve(),
        traceContextOf({ traceparent: `00-${traceId}-b7ad6b7169203331-01` }),
      );
      expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual(['kept']);
      exporter.reset();
      expect(seen.sql).toBe(false);
      expect(seen.statement).toBeUndefined();
      expect(exporter.getFinishedSpans()).toHaveLength(0);
      // No span was made under the root: what is sent names the root itself, flag 00, so the
      // next process drops the trace too without drawing again.
      expect(seen.headers.traceparent).toBe(`00-${seen.root.traceId}-${seen.root.spanId}-00`);
    });

    it('always_off: the same, a dropped root and nothing under it', async () => {
      on('always_off');
      const seen = await request();
      expect(seen.statement).toBeUndefined();
      expect(exporter.getFinishedSpans()).toHaveLength(0);
      expect(seen.headers.traceparent).toBe(`00-${seen.root.traceId}-${seen.root.spanId}-00`);
    });

    it('a sampler that does not follow the parent still gets its spans', async () => {
      on('always_on');
      const foreign = traceContextOf({ traceparent: `00-${traceId}-b7ad6b7169203331-00` });
      await withSpan('handler', SpanKind.SERVER, {}, () => Promise.resolve(), foreign);
      expect(exporter.getFinishedSpans().map((s) => s.spanContext().traceId)).toEqual([traceId]);
    });
  });

  describe('sampling (OTEL_TRACES_SAMPLER, OTEL_TRACES_SAMPLER_ARG)', () => {
    const sampled = (env: NodeJS.ProcessEnv, parent?: '00' | '01', traceId = 'f'.repeat(32)) => {
      const ctx = parent
        ? traceContextOfRemote(`00-${traceId}-b7ad6b7169203331-${parent}`)
        : context.active();
      return samplerFromEnv(env).shouldSample(ctx, traceId, 'x', SpanKind.SERVER, {}, []).decision;
    };
    // A remote parent as the Kafka headers carry it, decoded by the W3C propagator's format.
    const traceContextOfRemote = (traceparent: string) => {
      const [, traceId, spanId, flags] = traceparent.split('-');
      return trace.setSpanContext(context.active(), {
        traceId,
        spanId,
        traceFlags: parseInt(flags, 16),
        isRemote: true,
      });
    };
    const ON = SamplingDecision.RECORD_AND_SAMPLED;
    const OFF = SamplingDecision.NOT_RECORD;

    it('keeps every trace by default, and follows the parent', () => {
      expect(sampled({})).toBe(ON);
      expect(sampled({}, '00')).toBe(OFF);
      expect(sampled({}, '01')).toBe(ON);
    });

    it('draws roots by trace id at the ratio, and keeps or drops a started trace whole', () => {
      const env = { OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.1' };
      // The ratio sampler compares the trace id's low bits with ratio x 2^32.
      expect(sampled(env, undefined, '0'.repeat(24) + '00000001')).toBe(ON);
      expect(sampled(env, undefined, '0'.repeat(24) + 'ffffffff')).toBe(OFF);
      // Downstream (a service continuing the gateway's trace) the parent decides, not the ratio.
      expect(sampled(env, '01', '0'.repeat(24) + 'ffffffff')).toBe(ON);
      expect(sampled(env, '00', '0'.repeat(24) + '00000001')).toBe(OFF);
      // Of 2,000 random roots, about 10% are kept.
      let kept = 0;
      for (let i = 0; i < 2000; i++) {
        const id = [...Array(32)].map(() => Math.floor(Math.random() * 16).toString(16)).join('');
        if (sampled(env, undefined, id) === ON) kept++;
      }
      expect(kept).toBeGreaterThan(120);
      expect(kept).toBeLessThan(290);
    });

    it('knows the other standard samplers', () => {
      expect(sampled({ OTEL_TRACES_SAMPLER: 'always_off' }, '01')).toBe(OFF);
      expect(sampled({ OTEL_TRACES_SAMPLER: 'always_on' }, '00')).toBe(ON);
      expect(sampled({ OTEL_TRACES_SAMPLER: 'parentbased_always_off' })).toBe(OFF);
      expect(sampled({ OTEL_TRACES_SAMPLER: 'parentbased_always_off' }, '01')).toBe(ON);
      expect(sampled({ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '0' })).toBe(OFF);
      expect(sampled({ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '1' })).toBe(ON);
    });

    it('refuses a sampler or a ratio the specification does not name', () => {
      expect(() => samplerFromEnv({ OTEL_TRACES_SAMPLER: 'sometimes' })).toThrow(
        /OTEL_TRACES_SAMPLER "sometimes"/,
      );
      for (const arg of ['1.5', '-0.1', 'half'])
        expect(() =>
          samplerFromEnv({ OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: arg }),
        ).toThrow(/OTEL_TRACES_SAMPLER_ARG/);
      expect(() =>
        startTracing('unit', {
          OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:9/v1/traces',
          OTEL_TRACES_SAMPLER: 'sometimes',
        }),
      ).toThrow(/OTEL_TRACES_SAMPLER/);
      expect(tracingEnabled()).toBe(false);
    });
  });
});
