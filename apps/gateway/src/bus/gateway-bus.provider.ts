import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, Provider } from '@nestjs/common';
import { GATEWAY_REPLY_GROUP } from '@idfed/contracts';
import { BusClient, BusClientProxy, createClientTransport } from '@idfed/messaging';
import { GATEWAY_OPTIONS, GatewayOptions } from '../gateway.options';

export const BUS_PROXY = Symbol('BUS_PROXY');

export const gatewayBusProviders: Provider[] = [
  {
    provide: BUS_PROXY,
    inject: [GATEWAY_OPTIONS],
    useFactory: (options: GatewayOptions) => createClientTransport(options.transport, GATEWAY_REPLY_GROUP),
  },
  {
    provide: BusClient,
    inject: [BUS_PROXY, GATEWAY_OPTIONS],
    useFactory: (proxy: BusClientProxy, options: GatewayOptions) =>
      new BusClient(proxy, options.env.requestTimeoutMs),
  },
];

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
