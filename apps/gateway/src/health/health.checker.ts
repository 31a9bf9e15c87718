import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { HealthCommands, SERVICE_NAMES, ServiceName } from '@idfed/contracts';
import { BUS_CLIENT_PROXY, BusClient, BusClientProxy } from '@idfed/messaging';

/** A health probe must answer well inside a load balancer's timeout, whatever the request timeout is. */
export const HEALTH_TIMEOUT_MS = 3000;

export interface ServiceHealth {
  status: 'up' | 'down';
  database?: 'up' | 'down';
  detail?: string;
}

export interface HealthResult {
  healthy: boolean;
  services: Record<ServiceName, ServiceHealth>;
}

/** Asks every service for its health over the bus, in parallel; healthy only if all answer with their database up. */
@Injectable()
export class HealthChecker {
  private readonly bus: BusClient;

  constructor(@Inject(BUS_CLIENT_PROXY) private readonly proxy: BusClientProxy) {
    // Same connection as the request path, shorter patience.
    this.bus = new BusClient(proxy, HEALTH_TIMEOUT_MS);
  }

  /**
   * Whether this gateway's own bus connection is up. A transport that cannot tell (the in-process
   * bus, always connected) counts as up.
   */
  busConnected(): boolean {
    const probe = (this.proxy as Partial<{ isConnected(): boolean }>).isConnected;
    return typeof probe === 'function' ? probe.call(this.proxy) : true;
  }

  async check(): Promise<HealthResult> {
    const requestId = randomUUID();
    const reports = await Promise.all(
      SERVICE_NAMES.map(async (service): Promise<[ServiceName, ServiceHealth]> => {
        try {
          const report = await this.bus.request(
            HealthCommands[service],
            {},
            { requestId, caller: { kind: 'anonymous' } },
          );
          return [
            service,
            {
              status: report.database === 'up' ? 'up' : 'down',
              database: report.database,
              ...(report.detail ? { detail: report.detail } : {}),
            },
          ];
        } catch (err) {
          return [service, { status: 'down', detail: (err as Error).message }];
        }
      }),
    );
    return {
      healthy: reports.every(([, health]) => health.status === 'up'),
      services: Object.fromEntries(reports) as Record<ServiceName, ServiceHealth>,
    };
  }
}
