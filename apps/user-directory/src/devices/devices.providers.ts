import { Provider } from '@nestjs/common';
import { DeviceTracking } from './device-tracking';
import { Devices } from './devices';
import { DevicesRepository } from './devices.repository';

/** Remembered devices' repository and the helpers their use cases and challenges share (ADR 0028). */
export const devicesProviders: Provider[] = [DevicesRepository, DeviceTracking, Devices];
