import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { BusClient } from '@idfed/messaging';

/** Connects before sockets are accepted, closes after they are gone. */
@Injectable()
export class DeviceGatewayBusLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(BusClient) private readonly bus: BusClient) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bus.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}
