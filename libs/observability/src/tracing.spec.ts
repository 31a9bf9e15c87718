import { context, trace } from '@opentelemetry/api';
import {
  injectTraceHeaders,
  otlpTracesUrlOf,
  runIn,
  SpanKind,
  startTracing,
  stopTracing,
  traceContextOf,
  tracingEnabled,
  withSpan,
} from './tracing';

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
    }
  });
});
