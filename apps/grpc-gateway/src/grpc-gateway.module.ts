import { DynamicModule, Module } from '@nestjs/common';
import {
  credentialProviders,
  RefusedCallRecorder,
  RESOURCE_TAGS_SETTINGS,
  ResourceTags,
} from '@idfed/authorizer';
import { GRPC_GATEWAY_REPLY_GROUP } from '@idfed/contracts';
import { createRootLogger } from '@idfed/logging';
import { BUS_CLIENT_PROXY, BUS_REQUEST_TIMEOUT_MS, BusClient, createClientTransport } from '@idfed/messaging';
import { loadSessionTokenKey, SessionTokenCodec, UserAccessKeySealer } from '@idfed/session-credentials';
import { CallAuthenticator } from './auth/call-authenticator';
import { SharedCallIds } from './auth/shared-call-ids';
import { AccountEventsFeed } from './events/account-events.feed';
import { GrpcServerHost } from './grpc/grpc-server.provider';
import {
  GRPC_GATEWAY_CLOCK,
  GRPC_GATEWAY_LOGGER,
  GRPC_GATEWAY_OPTIONS,
  GrpcGatewayOptions,
} from './grpc-gateway.options';
import { AccountEventsService } from './services/account-events.service';
import { AdminService } from './services/admin.service';
import { TypedAdminService } from './services/typed-admin.service';
import { AuthorizerService } from './services/authorizer.service';
import { TokensService } from './services/tokens.service';
import { UserDirectoryService } from './services/user-directory.service';
import { IdentityIssuerKeys, OpenIdTokenVerifier } from './tokens/openid-token.verifier';
import { GrpcAccountStates, UserPoolKeys, UserPoolTokenVerifier } from './tokens/user-pool-token.verifier';

/**
 * The gRPC gateway: idfed for internal apps over gRPC (ADR 0020). It owns nothing durable; like the
 * other gateways, everything arrives through register(), so the distributed main and the embedded
 * launcher differ only in what they pass. Providers bootstrap in the order listed: the bus, then
 * the account events, then the server, which reports SERVING last.
 */
@Module({})
export class GrpcGatewayModule {
  static register(options: GrpcGatewayOptions): DynamicModule {
    const logger = options.logger ?? createRootLogger(options.env.logLevel, 'grpc-gateway');
    const sessionTokenKey =
      options.sessionTokenKey ?? loadSessionTokenKey(options.env, (m) => logger.info(m));
    return {
      module: GrpcGatewayModule,
      providers: [
        { provide: GRPC_GATEWAY_OPTIONS, useValue: options },
        { provide: GRPC_GATEWAY_LOGGER, useValue: logger },
        { provide: GRPC_GATEWAY_CLOCK, useValue: options.now ?? Date.now },
        {
          provide: BUS_CLIENT_PROXY,
          useValue: createClientTransport(options.transport, GRPC_GATEWAY_REPLY_GROUP),
        },
        { provide: BUS_REQUEST_TIMEOUT_MS, useValue: options.env.requestTimeoutMs },
        BusClient,
        { provide: SessionTokenCodec, useValue: SessionTokenCodec.fromMasterKey(sessionTokenKey) },
        { provide: UserAccessKeySealer, useValue: new UserAccessKeySealer(sessionTokenKey) },
        ...credentialProviders({
          options: GRPC_GATEWAY_OPTIONS,
          settings: (o: GrpcGatewayOptions) => ({
            accountId: o.env.accountId,
            revocationRefreshMs: o.env.revocationRefreshMs,
            admin: o.adminCredentials,
          }),
          logger: GRPC_GATEWAY_LOGGER,
          clock: GRPC_GATEWAY_CLOCK,
          iamUserKeys: true,
          // The gRPC gateway has no other bus lifecycle: this one connects and closes it.
          closeBusOnShutdown: true,
        }),
        CallAuthenticator,
        SharedCallIds,
        UserPoolKeys,
        GrpcAccountStates,
        UserPoolTokenVerifier,
        IdentityIssuerKeys,
        OpenIdTokenVerifier,
        AccountEventsFeed,
        TokensService,
        AuthorizerService,
        AccountEventsService,
        UserDirectoryService,
        {
          provide: RESOURCE_TAGS_SETTINGS,
          useFactory: (o: GrpcGatewayOptions) => ({
            accountId: o.env.accountId,
            adminAccessKeyId: o.adminCredentials?.accessKeyId,
          }),
          inject: [GRPC_GATEWAY_OPTIONS],
        },
        ResourceTags,
        AdminService,
        RefusedCallRecorder,
        TypedAdminService,
        GrpcServerHost,
      ],
    };
  }
}
