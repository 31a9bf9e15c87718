import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PinoNestLogger, createAccessLogger, createRootLogger } from '@idfed/logging';
import { GatewayModule } from './gateway.module';
import { GatewayOptions } from './gateway.options';
import { LimitedExpressAdapter } from './http/limited-express.adapter';
import { BODY_TIMEOUT_SETTING } from './http/raw-body.reader';
import { requestContext } from './http/request-context.middleware';
import { DomainRouting } from './oauth/domain-routing';

// The embedded launcher reaches the gateway through this file alone (idfed/import-boundaries).
export { loadOrCreateAdminCredentials } from './admin-credentials';

/** Headers the browser SDKs (Amplify, amazon-cognito-identity-js, SDK v3 in a browser) send. */
const CORS_ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'x-amz-target',
  'x-amz-user-agent',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-content-sha256',
  'amz-sdk-invocation-id',
  'amz-sdk-request',
  // Amplify v6 sends `cache-control: no-store` with its Cognito API calls.
  'cache-control',
];
/** Response headers browser code may read: the SDKs take the request id and error type from them. */
const CORS_EXPOSED_HEADERS = ['x-amzn-RequestId', 'x-amzn-ErrorType', 'Date'];

/**
 * Builds and initialises the gateway (the bus is connected when this resolves) without listening:
 * the caller listens, `await app.listen(env.httpPort, env.httpHost)` (port 0 in tests, then
 * `app.getHttpServer().address().port`), and enables shutdown hooks when it owns the process.
 */
export async function createGatewayApp(options: GatewayOptions): Promise<INestApplication> {
  const logger = options.logger ?? createRootLogger(options.env.logLevel, 'gateway');
  const app = await NestFactory.create<NestExpressApplication>(
    GatewayModule.register({ ...options, logger }),
    new LimitedExpressAdapter(options.env.httpLimits, options.env.tls),
    {
      logger: new PinoNestLogger(logger),
      // The JSON endpoint needs the exact body bytes for SigV4; it reads them itself, with a limit.
      bodyParser: false,
      // Throw instead of exiting the process: the embedded launcher and tests handle the failure.
      abortOnError: false,
    },
  );
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set(BODY_TIMEOUT_SETTING, options.env.httpLimits.bodyTimeoutMs);
  // First, so every response, CORS preflights and 404s included, carries a request id and is logged.
  const name: unknown = logger.bindings().name;
  app.use(
    requestContext(createAccessLogger(options.env.logLevel, typeof name === 'string' ? name : 'gateway')),
  );
  // A user pool domain's host is served as the path form of its pool's endpoints.
  const domains = app.get(DomainRouting);
  app.use(domains.middleware);
  app.enableCors({
    origin: '*',
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    maxAge: 86400,
    optionsSuccessStatus: 204,
  });
  await app.init();
  return app;
}
