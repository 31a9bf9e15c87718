import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { createRootLogger } from '@idfed/logging';
import { GatewayBusLifecycle, gatewayBusProviders } from './bus/gateway-bus.provider';
import { AuthorizeController } from './authorizer/authorize.controller';
import { AdminSignatureVerifier } from './cognito/admin-signature.verifier';
import { JsonRpcController } from './cognito/json-rpc.controller';
import {
  gatewayCredentialProviders,
  RevocationListLifecycle,
} from './credentials/gateway-credentials.providers';
import { GATEWAY_LOGGER, GATEWAY_OPTIONS, GatewayOptions } from './gateway.options';
import { HealthChecker } from './health/health.checker';
import { HealthController } from './health/health.controller';
import { AwsExceptionFilter } from './http/aws-exception.filter';
import { WellKnownController } from './oidc/well-known.controller';
import { QueryController } from './query/query.controller';
import { QueryDispatcher } from './query/query.dispatcher';

/**
 * The HTTP gateway: AWS protocols in, bus commands out. It owns nothing durable; everything it
 * needs arrives through register(), so the distributed main and the embedded launcher differ only
 * in the transport and logger they pass.
 */
@Module({})
export class GatewayModule {
  static register(options: GatewayOptions): DynamicModule {
    return {
      module: GatewayModule,
      controllers: [
        HealthController,
        WellKnownController,
        JsonRpcController,
        QueryController,
        AuthorizeController,
      ],
      providers: [
        { provide: GATEWAY_OPTIONS, useValue: options },
        {
          provide: GATEWAY_LOGGER,
          useValue: options.logger ?? createRootLogger(options.env.logLevel, 'gateway'),
        },
        ...gatewayBusProviders,
        GatewayBusLifecycle,
        AdminSignatureVerifier,
        ...gatewayCredentialProviders,
        RevocationListLifecycle,
        QueryDispatcher,
        HealthChecker,
        { provide: APP_FILTER, useClass: AwsExceptionFilter },
      ],
    };
  }
}
