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
  TraceFlags,
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
  SpanProcessor,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-node';

export { SpanKind } from '@opentelemetry/api';

let provider: NodeTracerProvider | undefined;
/**
 * Whether the sampler drops every child of a trace that was not sampled (the parent-based samplers,
 * and always_off, which drops everything): then no span object is made under an unsampled parent,
 * the work runs in the parent's context, which is all propagation needs (ADR 0053).
 */
let childrenFollowUnsampledParent = false;

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
export function startTracing(
  serviceName: string,
  env: NodeJS.ProcessEnv = process.env,
  /** Unit specs only: where spans also go (an in-memory exporter's processor). */
  extraProcessors: SpanProcessor[] = [],
): boolean {
  if (provider) return true;
  const url = otlpTracesUrlOf(env);
  if (!url) return false;
  const sampler = samplerFromEnv(env);
  childrenFollowUnsampledParent =
    sampler instanceof ParentBasedSampler || sampler instanceof AlwaysOffSampler;
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME || serviceName }),
    sampler,
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url }), { scheduledDelayMillis: 500 }),
      ...extraProcessors,
    ],
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
  const from = parent ?? context.active();
  if (dropped(from)) return from === context.active() ? work() : context.with(from, work);
  const span = tracer().startSpan(name, { kind, attributes }, from);
  try {
    return await context.with(trace.setSpan(from, span), work);
  } catch (err) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: errorName(err) });
    throw err;
  } finally {
    span.end();
  }
}

/**
 * Whether a span started under `parent` would be dropped anyway: the parent's trace was not sampled
 * and the sampler follows the parent. One flag read; no sampler call, no span object, no ids drawn.
 */
function dropped(parent: Context): boolean {
  if (!childrenFollowUnsampledParent) return false;
  const span = trace.getSpan(parent);
  return span !== undefined && (span.spanContext().traceFlags & TraceFlags.SAMPLED) === 0;
}

/**
 * A span whose end the caller decides (an HTTP exchange ends when its response finishes), and the
 * context to run the exchange in. Undefined when tracing is off, or when `parent`'s trace is not
 * sampled and the span would be dropped (the caller then runs in the context it has).
 */
export function startSpan(
  name: string,
  kind: SpanKind,
  attributes: Attributes = {},
  parent: Context = context.active(),
): { span: Span; context: Context } | undefined {
  if (!provider || dropped(parent)) return undefined;
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

/**
 * Whether a sampled span is active here: SQL statements open spans only inside a request whose
 * trace is kept (an unsampled trace's statements cost one context read each, nothing more).
 */
export function insideSpan(): boolean {
  if (provider === undefined) return false;
  const span = trace.getSpan(context.active());
  return span !== undefined && (span.spanContext().traceFlags & TraceFlags.SAMPLED) !== 0;
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
