import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { BusClient } from '@idfed/messaging';

/**
 * Connects before the app serves (so Kafka's reply partitions are assigned before the first
 * request) and closes after it stopped serving, when shutdown hooks run.
 */
@Injectable()
export class GatewayBusLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(BusClient) private readonly bus: BusClient) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bus.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}
