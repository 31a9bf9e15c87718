import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DeviceConfigurationType, NewDeviceMetadataType } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { AuthSessionSeal } from '../auth/auth-session-seal';
import { UserPoolEntity } from '../database/entities';
import { DeviceRow, DevicesRepository } from './devices.repository';

/** What the Session of DEVICE_SRP_AUTH carries (sealed): the user and the device they named. */
export interface DeviceSession {
  id: string;
  sub: string;
  deviceKey: string;
}

/** What SECRET_BLOCK of DEVICE_PASSWORD_VERIFIER carries (sealed): as the user's SRP block, plus the device. */
export interface DeviceSecretBlock extends DeviceSession {
  b: string;
  A: string;
  until: number;
}

/** Cognito's answer for a device key the user has no device under (the client then drops its key). */
export const deviceNotFound = () => new ServiceError('ResourceNotFoundException', 'Device does not exist.');

/**
 * Remembered devices at sign-in (ADR 0028): whether the pool tracks devices, the keys of a new
 * device, and the DEVICE_SRP_AUTH session that replaces the MFA challenge for a remembered one.
 */
@Injectable()
export class DeviceTracking {
  constructor(
    @Inject(DevicesRepository) private readonly devices: DevicesRepository,
    @Inject(AuthSessionSeal) private readonly seal: AuthSessionSeal,
  ) {}

  /** The pool's DeviceConfiguration; undefined when it tracks no devices. */
  static configOf(pool: UserPoolEntity): Required<DeviceConfigurationType> | undefined {
    return pool.config?.deviceConfiguration;
  }

  /**
   * A new device's keys: `<region>_<uuid>` as Cognito's, and its group key, derived from the device
   * key under the directory's decoy key so that ConfirmDevice can recompute it without a row
   * written at sign-in (the access token's `device_key` claim is what ties the key to the user).
   */
  newDevice(poolId: string): NewDeviceMetadataType {
    const region = poolId.split('_')[0];
    const DeviceKey = `${region}_${randomUUID()}`;
    return { DeviceKey, DeviceGroupKey: this.groupKeyOf(DeviceKey) };
  }

  groupKeyOf(deviceKey: string): string {
    return `-${this.seal.decoy(`device-group|${deviceKey}`, 9).toString('base64url')}`;
  }

  /** The user's device under this key in this pool, if any. */
  find(pool: UserPoolEntity, sub: string, deviceKey: string): Promise<DeviceRow | undefined> {
    return this.devices.find(pool.id, sub, deviceKey);
  }

  authenticated(deviceKey: string): Promise<void> {
    return this.devices.authenticated(deviceKey, new Date());
  }

  /** DEVICE_SRP_AUTH's Session: bound to the app client, the user and the device, expiring as the others. */
  sessionFor(clientId: string, ttlSeconds: number, sub: string, deviceKey: string): string {
    const value: DeviceSession = { id: randomUUID(), sub, deviceKey };
    return this.seal.seal('device-session', clientId, value, ttlSeconds);
  }
}
