import {
  Attributes,
  Context,
  context,
  propagation,
  ROOT_CONTEXT,
  Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  NodeTracerProvider,
  ParentBasedSampler,
  Sampler,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-node';

export { SpanKind } from '@opentelemetry/api';

let provider: NodeTracerProvider | undefined;

/** Whether this process exports traces: false unless an OTLP endpoint is configured. */
export function tracingEnabled(): boolean {
  return provider !== undefined;
}

/**
 * Where traces go, from OpenTelemetry's own variables: the traces endpoint as given, or the base
 * endpoint with `/v1/traces` (as the OTLP/HTTP specification says); undefined when neither is set.
 */
export function otlpTracesUrlOf(env: NodeJS.ProcessEnv): string | undefined {
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT)
    return `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`;
  return undefined;
}

/**
 * The sampler OpenTelemetry's standard variables ask for: `OTEL_TRACES_SAMPLER` (`always_on`,
 * `always_off`, `traceidratio`, `parentbased_always_on` — the default —, `parentbased_always_off`,
 * `parentbased_traceidratio`) and `OTEL_TRACES_SAMPLER_ARG`, the ratio in [0, 1] of the ratio
 * samplers (default 1). Parent-based samplers follow the caller's `traceparent` flag, so a trace
 * is kept or dropped whole across the gateway, Kafka and the services: with
 * `parentbased_traceidratio` only the process where a request enters draws. A value the
 * specification does not name is refused (the process does not start), not silently replaced.
 */
export function samplerFromEnv(env: NodeJS.ProcessEnv): Sampler {
  const name = (env.OTEL_TRACES_SAMPLER ?? '').trim().toLowerCase() || 'parentbased_always_on';
  const ratio = (): number => {
    const raw = (env.OTEL_TRACES_SAMPLER_ARG ?? '').trim();
    if (raw === '') return 1;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0 || value > 1)
      throw new Error(`OTEL_TRACES_SAMPLER_ARG must be a ratio from 0 to 1 for ${name}, not "${raw}"`);
    return value;
  };
  switch (name) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(ratio());
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio()) });
    default:
      throw new Error(
        `OTEL_TRACES_SAMPLER "${env.OTEL_TRACES_SAMPLER}" is not one of always_on, always_off, traceidratio, ` +
          'parentbased_always_on, parentbased_always_off, parentbased_traceidratio',
      );
  }
}

/**
 * Starts exporting traces over OTLP/HTTP when `OTEL_EXPORTER_OTLP_ENDPOINT` (or
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set; the exporter reads OpenTelemetry's other variables
 * (headers, timeout) itself. Registers the async-context manager and the W3C trace-context
 * propagator. Without an endpoint nothing is registered: the API's no-op tracer answers every call,
 * and idfed's helpers below return before they build anything. Returns whether tracing is on.
 */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (provider) return true;
  const url = otlpTracesUrlOf(env);
  if (!url) return false;
  const sampler = samplerFromEnv(env);
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME || serviceName }),
    sampler,
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }), { scheduledDelayMillis: 500 })],
  });
  provider.register();
  return true;
}

/** Sends the spans still buffered and stops exporting (at shutdown). */
export async function stopTracing(): Promise<void> {
  const stopping = provider;
  if (!stopping) return;
  provider = undefined;
  await stopping.shutdown().catch(() => undefined);
}

function tracer() {
  return trace.getTracer('idfed');
}

/**
 * Runs `work` in a new span, child of `parent` (default: the active context), ending it when the
 * work settles and marking it failed if it throws. With tracing off, runs `work` and nothing else.
 */
export async function withSpan<T>(
  name: string,
  kind: SpanKind,
  attributes: Attributes,
  work: () => Promise<T>,
  parent?: Context,
): Promise<T> {
  if (!provider) return work();
  const span = tracer().startSpan(name, { kind, attributes }, parent ?? context.active());
  try {
    return await context.with(trace.setSpan(parent ?? context.active(), span), work);
  } catch (err) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: errorName(err) });
    throw err;
  } finally {
    span.end();
  }
}

/**
 * A span whose end the caller decides (an HTTP exchange ends when its response finishes), and the
 * context to run the exchange in. Undefined when tracing is off.
 */
export function startSpan(
  name: string,
  kind: SpanKind,
  attributes: Attributes = {},
  parent: Context = context.active(),
): { span: Span; context: Context } | undefined {
  if (!provider) return undefined;
  const span = tracer().startSpan(name, { kind, attributes }, parent);
  return { span, context: trace.setSpan(parent, span) };
}

/** Runs `work` in `ctx` (a span's context), or as is when there is none. */
export function runIn<T>(ctx: Context | undefined, work: () => T): T {
  return ctx ? context.with(ctx, work) : work();
}

/** Adds the active trace context to message headers (`traceparent`, `tracestate`) when tracing. */
export function injectTraceHeaders(headers: Record<string, string>): Record<string, string> {
  if (provider && trace.getSpan(context.active())) propagation.inject(context.active(), headers);
  return headers;
}

/** The trace context a message's headers carry, to continue its trace; the root context if none. */
export function traceContextOf(headers: Record<string, string | undefined>): Context {
  if (!provider || !headers.traceparent) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, headers);
}

/** Whether a span is active here (SQL statements open spans only inside a traced request). */
export function insideSpan(): boolean {
  return provider !== undefined && trace.getSpan(context.active()) !== undefined;
}

/** The trace and span id of the active span, for log lines. */
export function activeTraceIds(): { traceId: string; spanId: string } | undefined {
  const span = trace.getActiveSpan();
  if (!span) return undefined;
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}

function errorName(err: unknown): string {
  return err instanceof Error ? err.name : 'Error';
}
