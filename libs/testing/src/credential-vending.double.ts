import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ClaimCallIdsRequest,
  ClaimCallIdsResult,
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
  /** The gRPC call id digests claimed so far, as credential_vending.grpc_call_ids keeps them. */
  callIds: Set<string>;
  /** When set, ClaimGrpcCallIds fails (credential vending unreachable). */
  callIdsDown: boolean;
} = { revocations: [], permissions: new Map(), callIds: new Set(), callIdsDown: false };

/** Credential vending as the device and gRPC gateways ask it: revocations and a role's policies. */
@Controller()
class CredentialVendingDouble {
  @MessagePattern(C.ListRevocations.pattern)
  listRevocations(): ListRevocationsResult {
    return { Revocations: credentialVendingState.revocations, AsOf: new Date().toISOString() };
  }

  @MessagePattern(C.ClaimGrpcCallIds.pattern)
  claimCallIds(@Payload() e: CommandEnvelope<ClaimCallIdsRequest>): ClaimCallIdsResult {
    if (credentialVendingState.callIdsDown) throw new ServiceError('ServiceUnavailable', 'down');
    const replayed: number[] = [];
    e.payload.Claims.forEach((c, i) => {
      if (credentialVendingState.callIds.has(c.Digest)) replayed.push(i);
      else credentialVendingState.callIds.add(c.Digest);
    });
    return { Replayed: replayed };
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
