import { randomUUID } from 'node:crypto';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { eventually } from '../libs/testing/src/eventually';
import { hasSample, PromScrape, sampleValue, scrapeMetrics } from '../libs/testing/src/prometheus-text';
import { awsErrorOf, IdfedGrpcClient } from '../libs/testing/src/grpc/idfed-grpc-client';
import { cognitoAdmin, e2eSystem } from './support/e2e-context';

/**
 * `GET /metrics` of every process, read as Prometheus reads it (a strict parser of the text
 * format), before and after real calls with the AWS SDKs: the counters and histograms of the
 * operations called move by what was called, under the operation's AWS name and nothing else.
 */
describe('Prometheus metrics', () => {
  const system = e2eSystem();
  const distributed = system.mode === 'distributed';
  /** Where the gateway's and the user directory's metrics are: one process embedded, two distributed. */
  const gatewayMetrics = distributed ? system.metrics.gateway : system.metrics.embedded;
  const userDirectoryMetrics = distributed ? system.metrics['user-directory'] : system.metrics.embedded;
  let admin: CognitoIdentityProviderClient;
  let sts: STSClient;

  beforeAll(() => {
    admin = cognitoAdmin(system);
    sts = new STSClient({
      endpoint: system.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey },
      maxAttempts: 1,
    });
  });
  afterAll(() => {
    admin.destroy();
    sts.destroy();
  });

  const scrape = async (url: string): Promise<PromScrape> => (await scrapeMetrics(url)).scrape;
  const delta = (before: PromScrape, after: PromScrape, name: string, labels: Record<string, string> = {}) =>
    sampleValue(after, name, labels) - sampleValue(before, name, labels);

  it('answers on every process, in a format Prometheus reads, with the process metrics', async () => {
    const expected = distributed
      ? [
          'gateway',
          'user-directory',
          'federation-broker',
          'credential-vending',
          'device-sync',
          'device-gateway-1',
          'grpc-gateway-1',
          'grpc-gateway-2',
        ]
      : ['embedded'];
    expect(Object.keys(system.metrics)).toEqual(expect.arrayContaining(expected));
    for (const [name, url] of Object.entries(system.metrics)) {
      const s = await scrape(url);
      expect({ name, cpu: hasSample(s, 'process_cpu_seconds_total') }).toEqual({ name, cpu: true });
      expect(s.types.get('idfed_dead_letters_total')).toBe('counter');
      expect(s.types.get('nodejs_eventloop_lag_seconds')).toBe('gauge');
    }
  });

  it('counts, times and names each AWS operation the SDK calls, with its errors', async () => {
    const before = await scrape(gatewayMetrics);
    const beforeService = await scrape(userDirectoryMetrics);

    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: `metrics-${randomUUID()}` }));
    await expectAwsError(
      admin.send(new DescribeUserPoolCommand({ UserPoolId: `${UserPool!.Id!}x` })),
      'ResourceNotFoundException',
    );
    await sts.send(new GetCallerIdentityCommand({}));

    const after = await scrape(gatewayMetrics);
    expect(
      delta(before, after, 'idfed_http_requests_total', { operation: 'CreateUserPool', code: '2xx' }),
    ).toBe(1);
    expect(
      delta(before, after, 'idfed_http_request_duration_seconds_count', { operation: 'CreateUserPool' }),
    ).toBe(1);
    expect(
      delta(before, after, 'idfed_http_request_duration_seconds_bucket', {
        operation: 'CreateUserPool',
        le: '+Inf',
      }),
    ).toBe(1);
    expect(
      delta(before, after, 'idfed_http_requests_total', { operation: 'DescribeUserPool', code: '4xx' }),
    ).toBe(1);
    expect(
      delta(before, after, 'idfed_http_request_errors_total', {
        operation: 'DescribeUserPool',
        error: 'ResourceNotFoundException',
      }),
    ).toBe(1);
    // The Query protocol (STS), answered by the gateway itself.
    expect(
      delta(before, after, 'idfed_http_requests_total', { operation: 'GetCallerIdentity', code: '2xx' }),
    ).toBe(1);
    // Two commands went to the user directory and came back (one answer, one error).
    expect(
      delta(before, after, 'idfed_bus_command_duration_seconds_count', { service: 'user-directory' }),
    ).toBeGreaterThanOrEqual(2);

    const afterService = await scrape(userDirectoryMetrics);
    expect(
      delta(beforeService, afterService, 'idfed_service_operation_duration_seconds_count', {
        service: 'user-directory',
        operation: 'CreateUserPool',
        outcome: 'ok',
      }),
    ).toBe(1);
    expect(
      delta(beforeService, afterService, 'idfed_service_operation_duration_seconds_count', {
        service: 'user-directory',
        operation: 'DescribeUserPool',
        outcome: 'error',
      }),
    ).toBe(1);
    // CreateUserPool wrote rows: its statements were timed on the user directory's pool.
    expect(
      delta(beforeService, afterService, 'idfed_db_query_duration_seconds_count', {
        schema: 'user_directory',
        outcome: 'ok',
      }),
    ).toBeGreaterThan(0);
    await admin.send(new DeleteUserPoolCommand({ UserPoolId: UserPool!.Id! }));
  });

  it('collapses operations that do not exist into one label value, and shows no id or key', async () => {
    const before = await scrape(gatewayMetrics);
    const bogus = `NoSuchOperation${randomUUID().replace(/-/g, '')}`;
    const res = await fetch(system.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AWSCognitoIdentityProviderService.${bogus}`,
      },
      body: '{}',
    });
    expect(res.status).toBe(400);
    const probePath = `/us-east-1_${randomUUID().replace(/-/g, '')}/nothing-here`;
    expect((await fetch(`${system.endpoint}${probePath}`)).status).toBe(404);
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: `metrics-${randomUUID()}` }));

    const { text, scrape: after } = await scrapeMetrics(gatewayMetrics);
    expect(delta(before, after, 'idfed_http_requests_total', { operation: 'unknown', code: '4xx' })).toBe(2);
    expect(
      delta(before, after, 'idfed_http_request_errors_total', {
        operation: 'unknown',
        error: 'UnknownOperationException',
      }),
    ).toBe(1);
    for (const leak of [
      bogus,
      probePath,
      UserPool!.Id!,
      system.adminAccessKeyId,
      system.adminSecretAccessKey,
    ])
      expect(text).not.toContain(leak);
    for (const url of Object.values(system.metrics)) {
      const other = (await scrapeMetrics(url)).text;
      for (const leak of [bogus, UserPool!.Id!, system.adminAccessKeyId, system.adminSecretAccessKey])
        expect(other).not.toContain(leak);
    }
    await admin.send(new DeleteUserPoolCommand({ UserPoolId: UserPool!.Id! }));
  });

  it('counts, times and names each gRPC method called, on the process that answered it', async () => {
    // Distributed: the first gRPC gateway's own IDFED_METRICS_PORT; embedded: the one /metrics.
    const url = distributed ? system.metrics['grpc-gateway-1'] : system.metrics.embedded;
    const method = 'idfed.tokens.v1.Tokens/VerifyToken';
    const client = new IdfedGrpcClient(system.grpcGateways[0], {
      accessKeyId: system.adminAccessKeyId,
      secretAccessKey: system.adminSecretAccessKey,
    });
    try {
      const before = await scrape(url);
      // A made-up token is answered (inactive, status OK); an unsigned call is refused.
      expect(await client.verifyToken({ token: 'not.a.token' })).toMatchObject({ active: false });
      const refused = await client.verifyToken({ token: 'x' }, { signer: null }).then(
        () => undefined,
        (err: unknown) => awsErrorOf(err),
      );
      expect(refused).toMatchObject({ name: 'MissingAuthenticationTokenException' });
      const after = await scrape(url);
      expect(delta(before, after, 'idfed_grpc_requests_total', { method, code: 'OK' })).toBe(1);
      expect(delta(before, after, 'idfed_grpc_requests_total', { method, code: 'UNAUTHENTICATED' })).toBe(1);
      expect(
        delta(before, after, 'idfed_grpc_request_errors_total', {
          method,
          error: 'MissingAuthenticationTokenException',
        }),
      ).toBe(1);
      expect(delta(before, after, 'idfed_grpc_request_duration_seconds_count', { method })).toBe(2);
      expect((await scrapeMetrics(url)).text).not.toContain(system.adminAccessKeyId);
    } finally {
      client.close();
    }
  });

  it("reads each service's outbox and database pool when scraped", async () => {
    const s = await scrape(userDirectoryMetrics);
    for (const schema of distributed
      ? ['user_directory']
      : ['user_directory', 'federation_broker', 'credential_vending', 'device_sync']) {
      expect({ schema, backlog: hasSample(s, 'idfed_outbox_backlog_events', { schema }) }).toEqual({
        schema,
        backlog: true,
      });
      expect(sampleValue(s, 'idfed_outbox_oldest_event_age_seconds', { schema })).toBeGreaterThanOrEqual(0);
      expect(sampleValue(s, 'idfed_db_pool_max_connections', { schema })).toBeGreaterThan(0);
      expect(hasSample(s, 'idfed_db_pool_connections', { schema, state: 'idle' })).toBe(true);
      expect(hasSample(s, 'idfed_db_pool_waiting_requests', { schema })).toBe(true);
    }
  });

  it('shows the websocket gauge where devices connect', async () => {
    const url = distributed ? system.metrics['device-gateway-1'] : system.metrics.embedded;
    const s = await scrape(url);
    expect(s.types.get('idfed_websocket_connections')).toBe('gauge');
    expect(sampleValue(s, 'idfed_websocket_connections')).toBeGreaterThanOrEqual(0);
  });

  (distributed ? it : it.skip)('times Kafka produces and reports consumer lag (distributed)', async () => {
    const before = await scrape(system.metrics.gateway);
    await sts.send(new GetCallerIdentityCommand({}));
    await admin.send(new DescribeUserPoolCommand({ UserPoolId: 'us-east-1_nothere' })).catch(() => undefined);
    const after = await scrape(system.metrics.gateway);
    expect(
      delta(before, after, 'idfed_kafka_produce_duration_seconds_count', { kind: 'commands' }),
    ).toBeGreaterThanOrEqual(1);
    expect(hasSample(after, 'idfed_kafka_consumer_lag_messages', { consumer: 'idfed.gateway.replies' })).toBe(
      true,
    );
    await eventually(async () => {
      const service = await scrape(system.metrics['user-directory']);
      expect(
        hasSample(service, 'idfed_kafka_consumer_lag_messages', {
          consumer: 'idfed.user-directory',
          topic: 'user-directory.commands.v1',
        }),
      ).toBe(true);
      expect(
        sampleValue(service, 'idfed_kafka_produce_duration_seconds_count', { kind: 'replies' }),
      ).toBeGreaterThan(0);
    });
  });
});
