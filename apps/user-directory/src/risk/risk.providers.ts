import { Provider } from '@nestjs/common';
import { AuthEventRecorder } from './auth-event-recorder';
import { AuthEventsRepository } from './auth-events.repository';
import { LogDeliveryRepository } from './log-delivery.repository';
import { RiskConfigurationsRepository } from './risk-configurations.repository';
import { BlockedAddresses } from './threat-protection';

/** The helpers threat protection's operations and the sign-in check inject (ADR 0083). */
export const riskProviders: Provider[] = [
  RiskConfigurationsRepository,
  BlockedAddresses,
  LogDeliveryRepository,
  AuthEventsRepository,
  AuthEventRecorder,
];
