import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, Provider } from '@nestjs/common';
import { ServiceName } from '@idfed/contracts';
import {
  BUS_CLIENT_PROXY,
  BUS_REQUEST_TIMEOUT_MS,
  BusClient,
  createClientTransport,
  TransportConfig,
} from '@idfed/messaging';

/** Connects the service's own bus client with the app and closes it on shutdown. */
@Injectable()
export class PeerBusLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(BusClient) private readonly bus: BusClient) {}

  onApplicationBootstrap(): Promise<void> {
    return this.bus.connect();
  }

  onApplicationShutdown(): Promise<void> {
    return this.bus.close();
  }
}

/** The reply group of a service's own requests: its replicas share `replyTopic(<group>)`. */
export function peerReplyGroup(service: ServiceName): string {
  return `idfed.${service}.replies`;
}

/**
 * A BusClient for a service that also asks other services (the broker asks credential vending for
 * credentials, credential vending asks the broker for its issuer keys). Its replies come back to
 * the service's own reply group, shared by its replicas. The client proxy is the one value built
 * here: which one depends on the configured transport.
 */
export function peerBusProviders(
  service: ServiceName,
  transport: TransportConfig,
  timeoutMs: number,
): Provider[] {
  return [
    { provide: BUS_CLIENT_PROXY, useValue: createClientTransport(transport, peerReplyGroup(service)) },
    { provide: BUS_REQUEST_TIMEOUT_MS, useValue: timeoutMs },
    BusClient,
    PeerBusLifecycle,
  ];
}
