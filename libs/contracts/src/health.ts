import { internalOperation, OperationContract } from './operations';
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
    internalOperation<Record<string, never>, HealthReport>()(service, 'health'),
  ]),
) as Record<
  ServiceName,
  OperationContract<Record<string, never>, HealthReport, 'InternalErrorException' | 'ServiceUnavailable'>
>;
