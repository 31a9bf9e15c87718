// The gRPC gateway's health probe where the platform has no gRPC probe of its own (the
// docker-compose.yml healthcheck; Kubernetes uses its native `grpc:` probe): calls
// grpc.health.v1.Health/Check, which answers without credentials.
//   node scripts/grpc-health.mjs [host:port] [service]
// host:port defaults to 127.0.0.1:$IDFED_GRPC_PORT (50051); service to '' (the whole server).
// Exit 0: SERVING. Exit 1: anything else (NOT_SERVING while starting or stopping, no answer in 3 s).
import { credentials, makeGenericClientConstructor } from '@grpc/grpc-js';

const target = process.argv[2] ?? `127.0.0.1:${process.env.IDFED_GRPC_PORT ?? '50051'}`;
const service = process.argv[3] ?? '';

// HealthCheckRequest { string service = 1; } and HealthCheckResponse { ServingStatus status = 1; },
// encoded by hand: two one-field messages do not need the proto files.
const encode = ({ service: name }) => {
  const bytes = Buffer.from(name, 'utf8');
  return bytes.length === 0 ? Buffer.alloc(0) : Buffer.concat([Buffer.from([0x0a, bytes.length]), bytes]);
};
const decode = (buf) => ({ status: buf.length >= 2 && buf[0] === 0x08 ? buf[1] : 0 });
const SERVING = 1;

const Health = makeGenericClientConstructor(
  {
    Check: {
      path: '/grpc.health.v1.Health/Check',
      requestStream: false,
      responseStream: false,
      requestSerialize: encode,
      requestDeserialize: () => ({}),
      responseSerialize: () => Buffer.alloc(0),
      responseDeserialize: decode,
    },
  },
  'Health',
);
const client = new Health(target, credentials.createInsecure());
client.Check({ service }, { deadline: Date.now() + 3000 }, (err, answer) => {
  client.close();
  if (err) {
    console.error(`${target}: ${err.message}`);
    process.exit(1);
  }
  if (answer.status !== SERVING) {
    console.error(`${target}: status ${answer.status}, not SERVING`);
    process.exit(1);
  }
  process.exit(0);
});
