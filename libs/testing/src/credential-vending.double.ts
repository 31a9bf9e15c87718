import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CommandEnvelope,
  CredentialVendingOperations as C,
  ListRevocationsResult,
  RoleArnRequest,
  RolePermissionsResult,
} from '@idfed/contracts';
import {
  createServerTransport,
  InProcessBus,
  InProcessServer,
  ServiceError,
  TransportConfig,
} from '@idfed/messaging';

/** What the double answers; tests change it. */
export const credentialVendingState: {
  revocations: ListRevocationsResult['Revocations'];
  permissions: Map<string, RolePermissionsResult>;
} = { revocations: [], permissions: new Map() };

/** Credential vending as the device and gRPC gateways ask it: revocations and a role's policies. */
@Controller()
class CredentialVendingDouble {
  @MessagePattern(C.ListRevocations.pattern)
  listRevocations(): ListRevocationsResult {
    return { Revocations: credentialVendingState.revocations, AsOf: new Date().toISOString() };
  }

  @MessagePattern(C.GetRolePermissions.pattern)
  permissions(@Payload() e: CommandEnvelope<RoleArnRequest>): RolePermissionsResult {
    const found = credentialVendingState.permissions.get(e.payload.RoleArn);
    if (!found) throw new ServiceError('NoSuchEntity', 'no such role');
    return found;
  }
}

@Module({ controllers: [CredentialVendingDouble] })
class CredentialVendingDoubleModule {}

/** On an in-process bus, or on Kafka (the integration tier). */
export async function startCredentialVendingDouble(
  bus: InProcessBus | TransportConfig,
): Promise<INestMicroservice> {
  const app = await NestFactory.createMicroservice(CredentialVendingDoubleModule, {
    strategy:
      bus instanceof InProcessBus
        ? new InProcessServer('credential-vending', bus)
        : createServerTransport('credential-vending', bus),
    logger: false,
  });
  await app.listen();
  return app;
}
