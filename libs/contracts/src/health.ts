import { defineCommand } from './command';
import { SERVICE_NAMES, ServiceName } from './services';

export interface HealthReport {
  service: ServiceName;
  database: 'up' | 'down';
  detail?: string;
}

/** Every service answers `<service>.health` over the bus; the gateway's /health asks all of them. */
export const HealthCommands = Object.fromEntries(
  SERVICE_NAMES.map((service) => [
    service,
    defineCommand<Record<string, never>, HealthReport>(service, 'health'),
  ]),
) as Record<ServiceName, ReturnType<typeof defineCommand<Record<string, never>, HealthReport>>>;
