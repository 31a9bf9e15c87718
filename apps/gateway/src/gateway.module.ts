import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { credentialProviders, RESOURCE_TAGS_SETTINGS, ResourceTags } from '@idfed/authorizer';
import { GATEWAY_REPLY_GROUP } from '@idfed/contracts';
import { createRootLogger } from '@idfed/logging';
import { BUS_CLIENT_PROXY, BUS_REQUEST_TIMEOUT_MS, BusClient, createClientTransport } from '@idfed/messaging';
import { MetricsController } from '@idfed/observability';
import {
  AuthorizationMessageSealer,
  loadSessionTokenKey,
  SessionTokenCodec,
  UserAccessKeySealer,
} from '@idfed/session-credentials';
import { AuthorizeController } from './authorizer/authorize.controller';
import { GatewayBusLifecycle } from './bus/gateway-bus.lifecycle';
import { AdminSignatureVerifier } from './cognito/admin-signature.verifier';
import { JsonRpcController } from './cognito/json-rpc.controller';
import { GATEWAY_LOGGER, GATEWAY_OPTIONS, GatewayOptions } from './gateway.options';
import { HealthChecker } from './health/health.checker';
import { HealthController } from './health/health.controller';
import { AwsExceptionFilter } from './http/aws-exception.filter';
import { CustomDomainListener } from './oauth/custom-domain-listener';
import { HttpsListener } from './http/https-listener';
import { DomainRouting } from './oauth/domain-routing';
import { OAuthController } from './oauth/oauth.controller';
import { SamlController } from './oauth/saml.controller';
import { WellKnownController } from './oidc/well-known.controller';
import { OutboundIssuerController } from './oidc/outbound-issuer.controller';
import { QueryController } from './query/query.controller';
import { QueryDispatcher } from './query/query.dispatcher';
import { RestCallerAuthenticator } from './rest/rest-caller.authenticator';
import { RestJsonController } from './rest/rest-json.controller';
import { UserImportLogController } from './user-import/user-import-log.controller';
import { UserImportUploadController } from './user-import/user-import-upload.controller';
import { RefusedCallRecorder } from '@idfed/authorizer';

/**
 * The HTTP gateway: AWS protocols in, bus commands out. It owns nothing durable; everything it
 * needs arrives through register(), so the distributed main and the embedded launcher differ only
 * in the transport and logger they pass. Values are built here once from the options (the bus
 * client proxy of the configured transport, the session-token codec of the master key); every
 * class is an injectable provider.
 */
@Module({})
export class GatewayModule {
  static register(options: GatewayOptions): DynamicModule {
    const logger = options.logger ?? createRootLogger(options.env.logLevel, 'gateway');
    const sessionTokenKey =
      options.sessionTokenKey ?? loadSessionTokenKey(options.env, (m) => logger.info(m));
    return {
      module: GatewayModule,
      controllers: [
        MetricsController,
        HealthController,
        WellKnownController,
        OutboundIssuerController,
        JsonRpcController,
        QueryController,
        RestJsonController,
        AuthorizeController,
        OAuthController,
        SamlController,
        UserImportUploadController,
        UserImportLogController,
      ],
      providers: [
        { provide: GATEWAY_OPTIONS, useValue: options },
        { provide: GATEWAY_LOGGER, useValue: logger },
        {
          provide: BUS_CLIENT_PROXY,
          useValue: createClientTransport(options.transport, GATEWAY_REPLY_GROUP),
        },
        { provide: BUS_REQUEST_TIMEOUT_MS, useValue: options.env.requestTimeoutMs },
        BusClient,
        GatewayBusLifecycle,
        AdminSignatureVerifier,
        { provide: SessionTokenCodec, useValue: SessionTokenCodec.fromMasterKey(sessionTokenKey) },
        { provide: UserAccessKeySealer, useValue: new UserAccessKeySealer(sessionTokenKey) },
        { provide: AuthorizationMessageSealer, useValue: new AuthorizationMessageSealer(sessionTokenKey) },
        ...credentialProviders({
          options: GATEWAY_OPTIONS,
          settings: (o: GatewayOptions) => ({
            accountId: o.env.accountId,
            revocationRefreshMs: o.env.revocationRefreshMs,
            admin: o.adminCredentials,
          }),
          logger: GATEWAY_LOGGER,
          iamUserKeys: true,
          // GatewayBusLifecycle closes the bus.
          closeBusOnShutdown: false,
        }),
        {
          provide: RESOURCE_TAGS_SETTINGS,
          useFactory: (o: GatewayOptions) => ({
            accountId: o.env.accountId,
            adminAccessKeyId: o.adminCredentials.accessKeyId,
          }),
          inject: [GATEWAY_OPTIONS],
        },
        ResourceTags,
        QueryDispatcher,
        RefusedCallRecorder,
        RestCallerAuthenticator,
        HealthChecker,
        DomainRouting,
        CustomDomainListener,
        HttpsListener,
        { provide: APP_FILTER, useClass: AwsExceptionFilter },
      ],
    };
  }
}
