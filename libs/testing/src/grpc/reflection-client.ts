import { join } from 'node:path';
import { Client, credentials, Metadata } from '@grpc/grpc-js';
import { Root, Type } from 'protobufjs';
import * as descriptor from 'protobufjs/ext/descriptor';

export type ReflectionVersion = 'v1' | 'v1alpha';

const PROTO_DIR = join(require.resolve('@grpc/reflection/package.json'), '..', 'build', 'proto');

/**
 * A client of gRPC server reflection as grpcurl uses it: list the services, fetch the file
 * descriptors that define a symbol (with their dependencies), and build message types from them,
 * so calls can be made with no proto file at hand. Unauthenticated, as the server allows.
 */
export class ReflectionClient {
  private readonly client: Client;
  private readonly request: Type;
  private readonly response: Type;
  private readonly path: string;

  constructor(
    address: string,
    readonly version: ReflectionVersion = 'v1',
  ) {
    this.client = new Client(address, credentials.createInsecure());
    const root = new Root();
    root.loadSync(join(PROTO_DIR, 'grpc', 'reflection', version, 'reflection.proto'), { keepCase: true });
    this.request = root.lookupType(`grpc.reflection.${version}.ServerReflectionRequest`);
    this.response = root.lookupType(`grpc.reflection.${version}.ServerReflectionResponse`);
    this.path = `/grpc.reflection.${version}.ServerReflection/ServerReflectionInfo`;
  }

  close(): void {
    this.client.close();
  }

  /** One request on the reflection stream, and its one answer. */
  private ask(request: Record<string, unknown>): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const call = this.client.makeBidiStreamRequest<Record<string, unknown>, Record<string, unknown>>(
        this.path,
        (m) => Buffer.from(this.request.encode(this.request.fromObject(m)).finish()),
        (buf) => this.response.toObject(this.response.decode(buf), { bytes: Buffer, defaults: false }),
        new Metadata(),
        { deadline: Date.now() + 10_000 },
      );
      call.on('data', (answer: Record<string, unknown>) => {
        resolve(answer);
        call.end();
      });
      call.on('error', reject);
      call.write(request);
    });
  }

  async listServices(): Promise<string[]> {
    const answer = await this.ask({ list_services: '' });
    const list = answer.list_services_response as { service?: { name: string }[] } | undefined;
    if (!list) throw new Error(`no list_services_response: ${JSON.stringify(answer)}`);
    return (list.service ?? []).map((s) => s.name).sort();
  }

  /** The file descriptors defining `symbol`, as the server sends them (with their imports). */
  async fileContainingSymbol(symbol: string): Promise<Buffer[]> {
    const answer = await this.ask({ file_containing_symbol: symbol });
    if (answer.error_response) throw new Error(JSON.stringify(answer.error_response));
    const files = answer.file_descriptor_response as { file_descriptor_proto?: Buffer[] } | undefined;
    return files?.file_descriptor_proto ?? [];
  }

  /** A protobufjs root of every message and service the server's descriptors for `symbol` define. */
  async rootFor(symbol: string): Promise<Root> {
    const files = (await this.fileContainingSymbol(symbol)).map((b) =>
      descriptor.FileDescriptorProto.decode(b),
    );
    const set = descriptor.FileDescriptorSet.create({ file: files });
    return (Root as unknown as { fromDescriptor(s: unknown): Root }).fromDescriptor(set);
  }
}
