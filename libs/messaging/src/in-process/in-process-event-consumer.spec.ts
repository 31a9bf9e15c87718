import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { MessageHandler } from '@nestjs/microservices';
import { injectTraceHeaders, SpanKind, startTracing, stopTracing } from '@idfed/observability';
import { InProcessEventConsumer } from './in-process-event-consumer';

// Events on the in-process bus (`npm start`) continue the trace their headers carry, as the Kafka
// consumer does: a CONSUMER span child of the request's span, and nothing made for a dropped trace.
describe('InProcessEventConsumer tracing', () => {
  const exporter = new InMemorySpanExporter();
  const traceId = '0af7651916cd43dd8448eb211c80319c';
  const parentSpanId = 'b7ad6b7169203331';
  const policy = { maxAttempts: 1, firstBackoffMs: 1, maxBackoffMs: 1 };

  beforeAll(() => {
    expect(
      startTracing(
        'unit',
        {
          OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:9/v1/traces',
          OTEL_TRACES_SAMPLER: 'parentbased_always_on',
        },
        [new SimpleSpanProcessor(exporter)],
      ),
    ).toBe(true);
  });
  afterAll(async () => {
    await stopTracing();
    trace.disable();
    context.disable();
    propagation.disable();
  });
  beforeEach(() => exporter.reset());

  /** Delivers one event and returns the traceparent the handler would put on what it sends. */
  const deliver = async (headers: Record<string, string>): Promise<string | undefined> => {
    let seen: string | undefined;
    const handler = (async () => {
      seen = injectTraceHeaders({}).traceparent;
    }) as unknown as MessageHandler;
    await new InProcessEventConsumer('user-directory', policy).handle(
      handler,
      'idfed.user-directory.user.deleted',
      'k',
      { x: 1 },
      headers,
    );
    return seen;
  };

  it('starts a consumer span continuing a sampled trace', async () => {
    const seen = await deliver({ traceparent: `00-${traceId}-${parentSpanId}-01` });
    const spans = exporter.getFinishedSpans();
    expect(spans).toHaveLength(1);
    const [span] = spans;
    expect(span.name).toBe('user-directory idfed.user-directory.user.deleted');
    expect(span.kind).toBe(SpanKind.CONSUMER);
    expect(span.spanContext().traceId).toBe(traceId);
    expect(span.parentSpanContext?.spanId).toBe(parentSpanId);
    expect(span.attributes['messaging.destination.name']).toBe('idfed.user-directory.user.deleted');
    // What the handler sends goes on in the same trace, under the consumer span.
    expect(seen).toBe(`00-${traceId}-${span.spanContext().spanId}-01`);
  });

  it('makes no span for a dropped trace, and passes the dropped flag on', async () => {
    const seen = await deliver({ traceparent: `00-${traceId}-${parentSpanId}-00` });
    expect(exporter.getFinishedSpans()).toHaveLength(0);
    expect(seen).toBe(`00-${traceId}-${parentSpanId}-00`);
  });

  it('starts a trace of its own for an event sent outside any trace', async () => {
    await deliver({});
    const spans = exporter.getFinishedSpans();
    expect(spans).toHaveLength(1);
    expect(spans[0].parentSpanContext).toBeUndefined();
    expect(spans[0].spanContext().traceId).not.toBe(traceId);
  });
});
