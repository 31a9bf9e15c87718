import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AuditCommands,
  CommandEnvelope,
  CommandMeta,
  DeviceSyncOperations,
  DeviceSyncWire as W,
  RecordRefusedCallRequest,
} from '@idfed/contracts';
import { InProcessBus, InProcessServer } from '@idfed/messaging';

/** The devices device sync knows in these tests: id -> owner and subscriptions. */
export const deviceSyncState: {
  devices: Map<string, { identityPoolId: string; identityId: string; datasets: string[] }>;
  /** The refusals the device gateway handed over for audit (ADR 0075, 0090), as received. */
  refusals: { request: RecordRefusedCallRequest; meta: CommandMeta }[];
} = { devices: new Map(), refusals: [] };

/** Device sync as the device gateway asks it: a socket's registered device and its subscriptions. */
@Controller()
class DeviceSyncDouble {
  @MessagePattern(DeviceSyncOperations.GetDeviceSubscriptions.pattern)
  subscriptions(@Payload() e: CommandEnvelope<W.DeviceSubscriptionsQuery>): W.DeviceSubscriptionsResult {
    const device = deviceSyncState.devices.get(e.payload.deviceId);
    const mine =
      device !== undefined &&
      device.identityId === e.payload.identityId &&
      device.identityPoolId === e.payload.identityPoolId;
    if (!mine) return { registered: false, datasets: [] };
    return { registered: true, datasets: device.datasets };
  }

  @MessagePattern(AuditCommands['device-sync'].pattern)
  refused(@Payload() e: CommandEnvelope<RecordRefusedCallRequest>): Record<string, never> {
    deviceSyncState.refusals.push({ request: e.payload, meta: e.meta });
    return {};
  }
}

@Module({ controllers: [DeviceSyncDouble] })
class DeviceSyncDoubleModule {}

export async function startDeviceSyncDouble(bus: InProcessBus): Promise<INestMicroservice> {
  const app = await NestFactory.createMicroservice(DeviceSyncDoubleModule, {
    strategy: new InProcessServer('device-sync', bus),
    logger: false,
  });
  await app.listen();
  return app;
}
