import { ChannelCredentials, Client, credentials as grpcCredentials, Metadata } from '@grpc/grpc-js';

/** Waits until `grpc.health.v1.Health/Check` answers SERVING at `address` (a probe, as Kubernetes's grpc probe). */
export async function waitForGrpcServing(
  address: string,
  timeoutMs = 60_000,
  channel: ChannelCredentials = grpcCredentials.createInsecure(),
): Promise<void> {
  const client = new Client(address, channel);
  const until = Date.now() + timeoutMs;
  try {
    for (;;) {
      const status = await new Promise<number | undefined>((resolve) =>
        client.makeUnaryRequest<Buffer, Buffer>(
          '/grpc.health.v1.Health/Check',
          (b) => b,
          (b) => b,
          Buffer.alloc(0),
          new Metadata(),
          { deadline: Date.now() + 2000 },
          // HealthCheckResponse { status = 1 }: SERVING is 1.
          (err, res) => resolve(err ? undefined : res && res.length >= 2 ? res[1] : 0),
        ),
      );
      if (status === 1) return;
      if (Date.now() > until) throw new Error(`gRPC at ${address} is not SERVING after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    client.close();
  }
}
