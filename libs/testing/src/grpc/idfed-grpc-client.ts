import {
  ChannelCredentials,
  Client,
  ClientDuplexStream,
  ClientReadableStream,
  credentials as grpcCredentials,
  Metadata,
  ServiceError,
} from '@grpc/grpc-js';
import { randomUUID } from 'node:crypto';
import { Reader } from 'protobufjs';
import { signRequest } from '../../../sigv4/src';
import { idfed } from './generated/idfed-protos';

export { idfed };

/** Who signs the calls: the admin key pair or temporary credentials; none for an unsigned call. */
export interface GrpcSigner {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  region?: string;
}

export interface CallOptions {
  /** Epoch ms. */
  deadline?: number;
  /** Metadata to send instead of a fresh signature (replays, forgeries). */
  metadata?: Metadata;
  /** Sign with these instead of the client's signer; null: send the call unsigned. */
  signer?: GrpcSigner | null;
  /** The clock of the signature (a signature from the past). */
  signedAt?: Date;
}

interface Encoder<T> {
  encode(message: T): { finish(): Uint8Array };
}
interface Decoder<T> {
  decode(bytes: Uint8Array): T;
}

/**
 * A gRPC client of idfed built on the static code protobufjs generates from proto/ (as an app in
 * another language generates its own): messages are encoded here, signed with SigV4 over the call
 * (docs/api.md, "gRPC") and sent as bytes through grpc-js.
 */
export class IdfedGrpcClient {
  readonly client: Client;

  constructor(
    readonly address: string,
    private readonly signer?: GrpcSigner,
    /** The channel's credentials: plaintext by default; `credentials.createSsl(...)` for (mutual) TLS. */
    channel: ChannelCredentials = grpcCredentials.createInsecure(),
    /**
     * The :authority to send and sign instead of `address`: the name of a Service in front of
     * several replicas, which every replica then sees (ADR 0050's replay tests).
     */
    private readonly authority?: string,
  ) {
    this.client = new Client(address, channel, authority ? { 'grpc.default_authority': authority } : {});
  }

  close(): void {
    this.client.close();
  }

  /** The metadata that signs a call of `path` with `body` as its request message. */
  sign(
    path: string,
    body: Uint8Array,
    signer: GrpcSigner,
    signedAt?: Date,
    callId: string = randomUUID(),
  ): Metadata {
    const signed = signRequest(
      {
        method: 'POST',
        path,
        query: '',
        headers: { host: this.authority ?? this.address, 'idfed-call-id': callId },
        body: Buffer.from(body),
      },
      signer,
      {
        region: signer.region ?? 'us-east-1',
        service: 'idfed',
        ...(signedAt ? { now: () => signedAt } : {}),
      },
    );
    const metadata = new Metadata();
    for (const [name, value] of Object.entries(signed.headers)) {
      if (name === 'host' || value === undefined) continue;
      metadata.set(name, Array.isArray(value) ? value.join(',') : value);
    }
    return metadata;
  }

  /** Sends one unary call; resolves with the decoded answer, rejects with the grpc-js ServiceError. */
  unary<Req, Res>(
    path: string,
    type: Encoder<Req>,
    resultType: Decoder<Res>,
    request: Req,
    options: CallOptions = {},
  ): Promise<{ response: Res; metadata: Metadata; body: Uint8Array; sent: Metadata }> {
    const body = type.encode(request).finish();
    const signer = options.signer === undefined ? this.signer : options.signer;
    const sent =
      options.metadata ?? (signer ? this.sign(path, body, signer, options.signedAt) : new Metadata());
    return new Promise((resolve, reject) => {
      let headers = new Metadata();
      const call = this.client.makeUnaryRequest<Uint8Array, Res>(
        path,
        (b) => Buffer.from(b),
        (buf) => resultType.decode(buf),
        body,
        sent,
        options.deadline !== undefined ? { deadline: options.deadline } : {},
        (err, response) =>
          err ? reject(err) : resolve({ response: response!, metadata: headers, body, sent }),
      );
      call.on('metadata', (md: Metadata) => (headers = md));
    });
  }

  verifyToken(request: idfed.tokens.v1.IVerifyTokenRequest, options?: CallOptions) {
    return this.unary(
      '/idfed.tokens.v1.Tokens/VerifyToken',
      idfed.tokens.v1.VerifyTokenRequest,
      idfed.tokens.v1.VerifyTokenResponse,
      request,
      options,
    ).then((r) => r.response);
  }

  verifyOpenIdToken(request: idfed.tokens.v1.IVerifyOpenIdTokenRequest, options?: CallOptions) {
    return this.unary(
      '/idfed.tokens.v1.Tokens/VerifyOpenIdToken',
      idfed.tokens.v1.VerifyOpenIdTokenRequest,
      idfed.tokens.v1.VerifyOpenIdTokenResponse,
      request,
      options,
    ).then((r) => r.response);
  }

  authorize(request: idfed.authorizer.v1.IAuthorizeRequest, options?: CallOptions) {
    return this.unary(
      '/idfed.authorizer.v1.Authorizer/Authorize',
      idfed.authorizer.v1.AuthorizeRequest,
      idfed.authorizer.v1.AuthorizeResponse,
      request,
      options,
    ).then((r) => r.response);
  }

  getUser(request: idfed.userdirectory.v1.IGetUserRequest, options?: CallOptions) {
    return this.unary(
      '/idfed.userdirectory.v1.UserDirectory/GetUser',
      idfed.userdirectory.v1.GetUserRequest,
      idfed.userdirectory.v1.GetUserResponse,
      request,
      options,
    ).then((r) => r.response);
  }

  /** Admin.Invoke: the operation's AWS JSON in, its JSON answer out (parsed). */
  invoke(
    api: string,
    operation: string,
    input: object | string,
    options?: CallOptions,
  ): Promise<Record<string, unknown>> {
    return this.unary(
      '/idfed.admin.v1.Admin/Invoke',
      idfed.admin.v1.InvokeRequest,
      idfed.admin.v1.InvokeResponse,
      { api, operation, inputJson: typeof input === 'string' ? input : JSON.stringify(input) },
      options,
    ).then((r) => JSON.parse(r.response.outputJson) as Record<string, unknown>);
  }

  listOperations(options?: CallOptions) {
    return this.unary(
      '/idfed.admin.v1.Admin/ListOperations',
      idfed.admin.v1.ListOperationsRequest,
      idfed.admin.v1.ListOperationsResponse,
      {},
      options,
    ).then((r) => r.response.operations);
  }

  /**
   * Tokens.VerifyTokens (ADR 0051): a bidirectional stream, signed once when it opens (the payload
   * signed is empty: no message was sent yet). Write `{ items: [{ id, request }] }`, read answers.
   */
  verifyTokens(
    options: CallOptions = {},
  ): ClientDuplexStream<idfed.tokens.v1.IVerifyTokensRequest, idfed.tokens.v1.VerifyTokensResponse> {
    const path = '/idfed.tokens.v1.Tokens/VerifyTokens';
    const signer = options.signer === undefined ? this.signer : options.signer;
    const sent =
      options.metadata ??
      (signer ? this.sign(path, new Uint8Array(0), signer, options.signedAt) : new Metadata());
    return this.client.makeBidiStreamRequest(
      path,
      (m: idfed.tokens.v1.IVerifyTokensRequest) =>
        Buffer.from(idfed.tokens.v1.VerifyTokensRequest.encode(m).finish()),
      (buf) => idfed.tokens.v1.VerifyTokensResponse.decode(buf),
      sent,
      options.deadline !== undefined ? { deadline: options.deadline } : {},
    );
  }

  /** AccountEvents.Subscribe: the stream of decoded events. */
  subscribe(
    request: idfed.events.v1.ISubscribeRequest,
    options: CallOptions = {},
  ): ClientReadableStream<idfed.events.v1.AccountEvent> {
    const path = '/idfed.events.v1.AccountEvents/Subscribe';
    const body = idfed.events.v1.SubscribeRequest.encode(request).finish();
    const signer = options.signer === undefined ? this.signer : options.signer;
    const sent = options.metadata ?? (signer ? this.sign(path, body, signer) : new Metadata());
    return this.client.makeServerStreamRequest<Uint8Array, idfed.events.v1.AccountEvent>(
      path,
      (b) => Buffer.from(b),
      (buf) => idfed.events.v1.AccountEvent.decode(buf),
      body,
      sent,
      options.deadline !== undefined ? { deadline: options.deadline } : {},
    );
  }
}

/** The AWS error a refused call carries: google.rpc.ErrorInfo's reason in grpc-status-details-bin, and the trailer. */
export function awsErrorOf(err: unknown): {
  code: number;
  name: string;
  trailer: string;
  domain: string;
  message: string;
} {
  const e = err as ServiceError;
  if (typeof e?.code !== 'number' || !(e.metadata instanceof Metadata)) throw err;
  const details = e.metadata.get('grpc-status-details-bin')[0];
  let name = '';
  let domain = '';
  if (Buffer.isBuffer(details)) {
    const status = fields(details);
    for (const any of status.get(3) ?? []) {
      const a = fields(any as Buffer);
      if (String((a.get(1) ?? [])[0]) !== 'type.googleapis.com/google.rpc.ErrorInfo') continue;
      const info = fields((a.get(2) ?? [])[0] as Buffer);
      name = String((info.get(1) ?? [''])[0]);
      domain = String((info.get(2) ?? [''])[0]);
    }
  }
  return {
    code: e.code,
    name,
    domain,
    trailer: String(e.metadata.get('x-amzn-errortype')[0] ?? ''),
    message: e.details,
  };
}

/** Length-delimited and varint fields of a message, by number (enough for Status, Any and ErrorInfo). */
function fields(bytes: Buffer): Map<number, (Buffer | string | number)[]> {
  const reader = Reader.create(bytes);
  const out = new Map<number, (Buffer | string | number)[]>();
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    const wire = tag & 7;
    const list = out.get(field) ?? [];
    if (wire === 0) list.push(reader.int32());
    else if (wire === 2) {
      const value = Buffer.from(reader.bytes());
      list.push(field === 1 || (field === 2 && isText(value)) ? value.toString('utf8') : value);
    } else reader.skipType(wire);
    out.set(field, list);
  }
  return out;
}

function isText(b: Buffer): boolean {
  return /^[\x20-\x7e]*$/.test(b.toString('latin1'));
}
