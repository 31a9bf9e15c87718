// The gRPC gateway's health probe where the platform has no gRPC probe of its own (the
// docker-compose.yml healthcheck), or where its own cannot speak TLS (Kubernetes' native `grpc:`
// probe is plaintext only: with TLS on, the manifests' exec probe runs this): calls
// grpc.health.v1.Health/Check, which answers without credentials.
//   node scripts/grpc-health.mjs [host:port] [service]
// host:port defaults to 127.0.0.1:$IDFED_GRPC_PORT (50051); service to '' (the whole server).
// TLS, from the environment the gateway itself is given (an exec probe runs with the container's):
//   IDFED_GRPC_TLS_CERT_FILE set: the port speaks TLS, so does the probe.
//   IDFED_GRPC_HEALTH_CA_FILE: the CA that signed the server's certificate; the chain and the name
//     (IDFED_GRPC_HEALTH_SERVER_NAME, else the target's host) are then checked. Unset, the probe
//     does not check the certificate: it asks its own pod over loopback and sends no secret.
//   IDFED_GRPC_HEALTH_CERT_FILE / IDFED_GRPC_HEALTH_KEY_FILE: the probe's client certificate, needed
//     when IDFED_GRPC_TLS_CLIENT_CA_FILE makes the port mutual (the handshake refuses none).
// Exit 0: SERVING. Exit 1: anything else (NOT_SERVING while starting or stopping, no answer in 3 s,
// a refused handshake). Exit 2: a TLS setting that cannot work (a file missing, half a pair).
import { readFileSync } from 'node:fs';
import { credentials, makeGenericClientConstructor } from '@grpc/grpc-js';

const target = process.argv[2] ?? `127.0.0.1:${process.env.IDFED_GRPC_PORT ?? '50051'}`;
const service = process.argv[3] ?? '';
const env = process.env;

function channelCredentials() {
  if (!env.IDFED_GRPC_TLS_CERT_FILE) return { creds: credentials.createInsecure(), options: {} };
  const read = (name) => {
    try {
      return readFileSync(env[name]);
    } catch (err) {
      console.error(`${name}: ${err.message}`);
      process.exit(2);
    }
  };
  const certFile = env.IDFED_GRPC_HEALTH_CERT_FILE;
  const keyFile = env.IDFED_GRPC_HEALTH_KEY_FILE;
  if (Boolean(certFile) !== Boolean(keyFile)) {
    console.error(
      'IDFED_GRPC_HEALTH_CERT_FILE and IDFED_GRPC_HEALTH_KEY_FILE are set together or not at all',
    );
    process.exit(2);
  }
  if (env.IDFED_GRPC_TLS_CLIENT_CA_FILE && !certFile) {
    console.error(
      'the gRPC port asks for a client certificate (IDFED_GRPC_TLS_CLIENT_CA_FILE): ' +
        'set IDFED_GRPC_HEALTH_CERT_FILE and IDFED_GRPC_HEALTH_KEY_FILE for the probe',
    );
    process.exit(2);
  }
  const key = keyFile ? read('IDFED_GRPC_HEALTH_KEY_FILE') : null;
  const chain = certFile ? read('IDFED_GRPC_HEALTH_CERT_FILE') : null;
  if (env.IDFED_GRPC_HEALTH_CA_FILE) {
    const serverName = env.IDFED_GRPC_HEALTH_SERVER_NAME;
    return {
      creds: credentials.createSsl(read('IDFED_GRPC_HEALTH_CA_FILE'), key, chain),
      options: serverName ? { 'grpc.ssl_target_name_override': serverName } : {},
    };
  }
  return {
    creds: credentials.createSsl(null, key, chain, {
      rejectUnauthorized: false,
      checkServerIdentity: () => undefined,
    }),
    options: {},
  };
}

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
const { creds, options } = channelCredentials();
const client = new Health(target, creds, options);
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
