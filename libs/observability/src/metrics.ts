import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The one Prometheus registry of a process. Every app registers its metrics here, so the embedded
 * launcher's single `/metrics` shows every service, and a distributed process shows its own. Names
 * follow Prometheus conventions: `idfed_` prefix, base units (`_seconds`), `_total` on counters.
 * Label values are bounded: operation names come from the catalog (anything else is `unknown`),
 * services and topics from the contracts, never an id, a path or a client-supplied string.
 */
export const metricsRegistry = new Registry();

let processMetricsOn = false;

/** Node's and the process's own metrics (CPU, memory, event loop lag, GC), once per process. */
export function enableProcessMetrics(): void {
  if (processMetricsOn) return;
  processMetricsOn = true;
  collectDefaultMetrics({ register: metricsRegistry });
}

/** What `GET /metrics` answers: the registry in the text exposition format. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}

/** Latency buckets from 1 ms to 10 s: idfed's calls range from a cached lookup to an Argon2 hash. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const httpRequests = new Counter({
  name: 'idfed_http_requests_total',
  help: 'HTTP requests answered, by AWS operation (or route) and status class',
  labelNames: ['operation', 'code'] as const,
  registers: [metricsRegistry],
});

export const httpRequestErrors = new Counter({
  name: 'idfed_http_request_errors_total',
  help: 'HTTP requests answered with an AWS error, by operation and error name',
  labelNames: ['operation', 'error'] as const,
  registers: [metricsRegistry],
});

export const httpRequestDuration = new Histogram({
  name: 'idfed_http_request_duration_seconds',
  help: 'Time from a request arriving to its response finishing, by operation',
  labelNames: ['operation'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

/**
 * gRPC calls (the grpc-gateway): `method` is the full method name from the checked-in protos
 * (`idfed.tokens.v1.Tokens/VerifyToken`), never what a client sent; `code` the gRPC status name.
 * A server stream counts once, when it ends, and its duration is how long it was open.
 */
export const grpcRequests = new Counter({
  name: 'idfed_grpc_requests_total',
  help: 'gRPC calls answered, by method and gRPC status code',
  labelNames: ['method', 'code'] as const,
  registers: [metricsRegistry],
});

export const grpcRequestErrors = new Counter({
  name: 'idfed_grpc_request_errors_total',
  help: 'gRPC calls answered with an AWS error, by method and error name',
  labelNames: ['method', 'error'] as const,
  registers: [metricsRegistry],
});

export const grpcRequestDuration = new Histogram({
  name: 'idfed_grpc_request_duration_seconds',
  help: 'Time from a unary gRPC call arriving to its answer, by method',
  labelNames: ['method'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const busCommandDuration = new Histogram({
  name: 'idfed_bus_command_duration_seconds',
  help: 'Round trip of a command over the bus (send to reply), by the service asked and outcome',
  labelNames: ['service', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const serviceOperationDuration = new Histogram({
  name: 'idfed_service_operation_duration_seconds',
  help: 'Time a service spent handling a command, by service, operation and outcome',
  labelNames: ['service', 'operation', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const kafkaProduceDuration = new Histogram({
  name: 'idfed_kafka_produce_duration_seconds',
  help: 'Time for the broker to acknowledge a produced batch, by kind of message',
  labelNames: ['kind'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const kafkaProduceFailures = new Counter({
  name: 'idfed_kafka_produce_failures_total',
  help: 'Produced batches the broker did not acknowledge, by kind of message',
  labelNames: ['kind'] as const,
  registers: [metricsRegistry],
});

export const kafkaConsumerLag = new Gauge({
  name: 'idfed_kafka_consumer_lag_messages',
  help: 'Messages between a consumer and the end of its partition, after its last batch',
  labelNames: ['consumer', 'topic', 'partition'] as const,
  registers: [metricsRegistry],
});

export const deadLettersTotal = new Counter({
  name: 'idfed_dead_letters_total',
  help: 'Events a consumer gave up on and moved to its dead letters, by consumer and topic',
  labelNames: ['consumer', 'topic'] as const,
  registers: [metricsRegistry],
});

export const dbQueryDuration = new Histogram({
  name: 'idfed_db_query_duration_seconds',
  help: 'Time of one SQL statement on a service connection, by schema and outcome',
  labelNames: ['schema', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

/**
 * User pool trigger calls (ADR 0030): `trigger` from LambdaConfig's closed list of member names,
 * `outcome` one of `ok`, `refused` (UserLambdaValidationException), `unreachable`
 * (UnexpectedLambdaException), `invalid` (InvalidLambdaResponseException).
 */
export const userPoolTriggerCalls = new Counter({
  name: 'idfed_user_pool_trigger_calls_total',
  help: 'User pool trigger endpoints called in place of Lambda, by trigger and outcome',
  labelNames: ['trigger', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const userPoolTriggerDuration = new Histogram({
  name: 'idfed_user_pool_trigger_duration_seconds',
  help: 'Time from sending a user pool trigger call to its answer read (or its failure), by trigger',
  labelNames: ['trigger'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const websocketConnections = new Gauge({
  name: 'idfed_websocket_connections',
  help: "Devices' websockets open on this process",
  registers: [metricsRegistry],
});

/** Seconds since `started` (a `process.hrtime.bigint()`). */
export function secondsSince(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}
