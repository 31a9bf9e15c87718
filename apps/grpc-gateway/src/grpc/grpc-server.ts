import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import {
  handleBidiStreamingCall,
  handleServerStreamingCall,
  handleUnaryCall,
  Metadata,
  Server,
  ServerCredentials,
  MethodDefinition,
  ServerDuplexStream,
  ServerWritableStream,
  ServiceDefinition,
  status,
  UntypedServiceImplementation,
} from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation } from 'grpc-health-check';
import type { Logger } from 'pino';
import {
  ErrorNameLabels,
  grpcRequestDuration,
  grpcRequestErrors,
  grpcRequests,
  secondsSince,
} from '@idfed/observability';
import { CallAuthenticator } from '../auth/call-authenticator';
import { CallContext, SurfaceCall } from './call-context';
import { ERROR_NAME_TRAILER, GrpcError, grpcError, toGrpcError } from './grpc-status';

/** gRPC status names by code (`OK`, `UNAVAILABLE`, ...), the `code` label of the call counters. */
const STATUS_NAMES = new Map<number, string>(
  Object.entries(status)
    .filter(([, v]) => typeof v === 'number')
    .map(([k, v]) => [v as number, k]),
);
const errorNames = new ErrorNameLabels();

/** Counts one answered call: its status, its AWS error name when it failed with one. */
function countCall(method: string, outcome: GrpcError | undefined): void {
  grpcRequests.inc({ method, code: STATUS_NAMES.get(outcome?.code ?? status.OK) ?? 'UNKNOWN' });
  const name = outcome?.metadata.get(ERROR_NAME_TRAILER)[0];
  if (typeof name === 'string') grpcRequestErrors.inc({ method, error: errorNames.of(name) });
}

/** Reflection's descriptors take seconds to build for the typed admin protos (ADR 0052): once per definitions. */
const reflections = new WeakMap<PackageDefinition, ReflectionService>();
function reflectionOf(definitions: PackageDefinition): ReflectionService {
  let r = reflections.get(definitions);
  if (!r) reflections.set(definitions, (r = new ReflectionService(definitions)));
  return r;
}

/** `/idfed.tokens.v1.Tokens/VerifyToken` → `idfed.tokens.v1.Tokens/VerifyToken`: the metric label. */
function methodLabel(path: string): string {
  return path.startsWith('/') ? path.slice(1) : path;
}

/** A unary method: the decoded request in, the response object out (or a thrown AWS error). */
export type UnaryHandler = (request: never, ctx: CallContext) => Promise<object>;
/** A server-streaming method: writes to the call until the client cancels or the server stops. */
export type StreamHandler = (
  request: never,
  ctx: CallContext,
  call: ServerWritableStream<unknown, unknown>,
) => void;

/**
 * A bidirectional method (ADR 0051): authenticated once when it opens (the signature's payload is
 * empty: no message was sent yet); then the handler reads the decoded messages (`{ message }`, the
 * received bytes beside it) and writes its answers until either side ends.
 */
export type BidiHandler = (ctx: CallContext, call: ServerDuplexStream<Received, unknown>) => void;

export interface GrpcServiceBinding {
  /** The full service name, `idfed.tokens.v1.Tokens`. */
  service: string;
  unary?: Record<string, UnaryHandler>;
  streams?: Record<string, StreamHandler>;
  bidi?: Record<string, BidiHandler>;
}

export interface Received {
  raw: Buffer;
  message: unknown;
}

/** The Unix ms a call's deadline falls at, or undefined when it has none. */
function deadlineOf(call: SurfaceCall): number | undefined {
  const d = call.getDeadline();
  if (d instanceof Date) return d.getTime();
  return Number.isFinite(d) ? d : undefined;
}

/**
 * The gRPC server: idfed's services (every call authenticated, errors as status codes with the AWS
 * name in the details), grpc.health.v1 and server reflection (v1 and v1alpha), which answer
 * without credentials. Each method's request deserializer keeps the received bytes beside the
 * message: the signature covers them.
 */
export class IdfedGrpcServer {
  private readonly server = new Server({ 'grpc.max_receive_message_length': 4 * 1024 * 1024 });
  readonly health = new HealthImplementation({ '': 'NOT_SERVING' });
  private port?: number;

  constructor(
    private readonly definitions: PackageDefinition,
    private readonly authenticator: CallAuthenticator,
    private readonly logger: Logger,
    private readonly now: () => number,
  ) {
    this.health.addToServer(this.server);
    reflectionOf(definitions).addToServer(this.server);
  }

  add(binding: GrpcServiceBinding): void {
    const definition = this.definitions[binding.service] as ServiceDefinition | undefined;
    if (!definition || 'format' in definition) throw new Error(`no service ${binding.service} in the protos`);
    const wrapped: Record<string, MethodDefinition<unknown, unknown>> = {};
    const impl: UntypedServiceImplementation = {};
    for (const [name, method] of Object.entries(definition)) {
      const deserialize = method.requestDeserialize;
      wrapped[name] = {
        ...method,
        requestDeserialize: (raw: Buffer): Received => ({ raw, message: deserialize(raw) }),
      };
      const unary = binding.unary?.[name];
      const stream = binding.streams?.[name];
      const bidi = binding.bidi?.[name];
      if (unary) impl[name] = this.unary(method.path, unary);
      else if (stream) impl[name] = this.stream(method.path, stream);
      else if (bidi) impl[name] = this.bidi(method.path, bidi);
      else throw new Error(`${binding.service}/${name} has no handler`);
    }
    this.server.addService(wrapped, impl);
    this.health.setStatus(binding.service, 'NOT_SERVING');
    this.servicesAdded.push(binding.service);
  }

  private readonly servicesAdded: string[] = [];
  /** Open server streams: ended with UNAVAILABLE when the server stops, so clients reconnect elsewhere. */
  private readonly openStreams = new Set<
    ServerWritableStream<unknown, unknown> | ServerDuplexStream<unknown, unknown>
  >();

  /**
   * Binds and starts; resolves with the port bound (port 0 picks one). Plain HTTP/2 by default;
   * TLS with `tls`, and mutual TLS when it names a client CA (ADR 0042).
   */
  async listen(host: string, port: number, tls?: GrpcTlsFiles): Promise<number> {
    const address = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
    const credentials = tls ? tlsCredentials(tls) : ServerCredentials.createInsecure();
    this.port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync(address, credentials, (err, bound) => (err ? reject(err) : resolve(bound))),
    );
    return this.port;
  }

  /** Health answers SERVING (overall and per service) from now on, or NOT_SERVING. */
  setServing(serving: boolean): void {
    const value = serving ? 'SERVING' : 'NOT_SERVING';
    this.health.setStatus('', value);
    for (const service of this.servicesAdded) this.health.setStatus(service, value);
  }

  /** Stops taking calls, lets those in flight finish for up to `graceMs`, then cuts the rest. */
  async close(graceMs = 5000): Promise<void> {
    this.setServing(false);
    for (const call of this.openStreams) {
      call.emit('error', grpcError('ServiceUnavailable', 'The server is stopping; subscribe again.'));
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.server.forceShutdown();
        resolve();
      }, graceMs);
      this.server.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Runs the checks every call passes: the deadline, then the signature; then the handler. */
  private async admit(call: SurfaceCall, path: string, raw: Buffer): Promise<CallContext> {
    const deadline = deadlineOf(call);
    if (deadline !== undefined && deadline <= this.now()) throw deadlinePassed();
    const { principal, region } = await this.authenticator.authenticate({
      metadata: call.metadata,
      host: call.getHost(),
      path,
      body: raw,
      clientCertificate: clientCertificateOf(call),
    });
    // Authentication may have waited (a revocation list, a role's policies): check again.
    if (deadline !== undefined && deadline <= this.now()) throw deadlinePassed();
    const requestId = randomUUID();
    const md = new Metadata();
    md.set('x-amzn-requestid', requestId);
    call.sendMetadata(md);
    return { principal, region, requestId, deadline, call };
  }

  private unary(path: string, handler: UnaryHandler): handleUnaryCall<Received, object> {
    const method = methodLabel(path);
    return (call, callback) => {
      const started = process.hrtime.bigint();
      const answer = (failure: GrpcError | undefined, response?: object) => {
        countCall(method, failure);
        grpcRequestDuration.observe({ method }, secondsSince(started));
        if (failure) callback(failure);
        else callback(null, response);
      };
      this.admit(call, path, call.request.raw)
        .then((ctx) => handler(call.request.message as never, ctx))
        .then(
          (response) => answer(undefined, response),
          (err: unknown) => answer(this.failure(path, err)),
        );
    };
  }

  private stream(path: string, handler: StreamHandler): handleServerStreamingCall<Received, unknown> {
    const method = methodLabel(path);
    return (call) => {
      const open = call as ServerWritableStream<unknown, unknown>;
      this.openStreams.add(open);
      // A stream counts once, with the status it ended on (OK when it finished or was cancelled).
      let counted = false;
      const count = (failure: GrpcError | undefined) => {
        if (counted) return;
        counted = true;
        countCall(method, failure);
      };
      const forget = () => {
        this.openStreams.delete(open);
        count(undefined);
      };
      call.on('close', forget);
      call.on('cancelled', forget);
      call.on('finish', forget);
      call.on('error', (err: unknown) => count(err instanceof GrpcError ? err : undefined));
      this.admit(call, path, call.request.raw).then(
        (ctx) => handler(call.request.message as never, ctx, open),
        (err: unknown) => call.emit('error', this.failure(path, err)),
      );
    };
  }

  private bidi(path: string, handler: BidiHandler): handleBidiStreamingCall<Received, unknown> {
    const method = methodLabel(path);
    return (call) => {
      this.openStreams.add(call);
      let counted = false;
      const count = (failure: GrpcError | undefined) => {
        if (counted) return;
        counted = true;
        countCall(method, failure);
      };
      const forget = () => {
        this.openStreams.delete(call);
        count(undefined);
      };
      call.on('error', (err: unknown) => count(err instanceof GrpcError ? err : undefined));
      call.on('close', forget);
      call.on('cancelled', forget);
      call.on('finish', forget);
      // Nothing is read before the stream is authenticated: its messages wait in grpc-js's buffer.
      call.pause();
      this.admit(call, path, EMPTY).then(
        (ctx) => {
          handler(ctx, call);
          call.resume();
        },
        (err: unknown) => call.emit('error', this.failure(path, err)),
      );
    };
  }

  private failure(path: string, err: unknown): GrpcError {
    if (err instanceof GrpcError) return err;
    const failure = toGrpcError(err);
    if (failure.code === status.INTERNAL) this.logger.error({ err, path }, 'gRPC call failed');
    return failure;
  }
}

const EMPTY = Buffer.alloc(0);

/** The fingerprint of the client certificate mutual TLS verified (grpc-js gives none unless verified). */
function clientCertificateOf(call: SurfaceCall): string | undefined {
  const fingerprint = call.getAuthContext()?.sslPeerCertificate?.fingerprint256;
  return fingerprint ? fingerprint.replace(/:/g, '').toLowerCase() : undefined;
}

function deadlinePassed() {
  return grpcError(
    'RequestTimeout',
    'The call reached its deadline before it ran.',
    status.DEADLINE_EXCEEDED,
  );
}

/** PEM files of the gRPC port's TLS: `IDFED_GRPC_TLS_CERT_FILE`, `_KEY_FILE`, `_CLIENT_CA_FILE`. */
export interface GrpcTlsFiles {
  certFile: string;
  keyFile: string;
  clientCaFile?: string;
}

/**
 * With a client CA, grpc-js asks every client for a certificate and refuses the handshake of one
 * that sends none or one that CA did not sign (health and reflection included: TLS comes first).
 */
function tlsCredentials(tls: GrpcTlsFiles): ServerCredentials {
  const clientCa = tls.clientCaFile ? readFileSync(tls.clientCaFile) : null;
  return ServerCredentials.createSsl(
    clientCa,
    [{ cert_chain: readFileSync(tls.certFile), private_key: readFileSync(tls.keyFile) }],
    clientCa !== null,
  );
}
