import type { Logger } from 'pino';
import { IdfedEnv } from '@idfed/config';
import { TransportConfig } from '@idfed/messaging';

export interface DeviceGatewayOptions {
  env: IdfedEnv;
  transport: TransportConfig;
  /** The session-token master key shared with credential vending. Default: loadSessionTokenKey(env). */
  sessionTokenKey?: Buffer;
  /** The process's root pino logger; the embedded launcher shares its own. */
  logger?: Logger;
  /** The clock of expiries, idle timeouts and signature times; tests inject one. */
  now?: () => number;
}

export const DEVICE_GATEWAY_OPTIONS = Symbol('DEVICE_GATEWAY_OPTIONS');
export const DEVICE_GATEWAY_LOGGER = Symbol('DEVICE_GATEWAY_LOGGER');
export const DEVICE_GATEWAY_CLOCK = Symbol('DEVICE_GATEWAY_CLOCK');
