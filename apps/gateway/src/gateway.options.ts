import type { Logger } from 'pino';
import { IdfedEnv } from '@idfed/config';
import { TransportConfig } from '@idfed/messaging';

/** The long-term key pair that may call the signed (Admin*, pool management) operations. */
export interface AdminCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface GatewayOptions {
  env: IdfedEnv;
  transport: TransportConfig;
  adminCredentials: AdminCredentials;
  /**
   * The session-token master key shared with credential vending. Default: loadSessionTokenKey(env)
   * (IDFED_SESSION_TOKEN_KEY, else the file in the data directory).
   */
  sessionTokenKey?: Buffer;
  /** The process's root pino logger; the embedded launcher shares its own. Default: a new one at env.logLevel. */
  logger?: Logger;
}

export const GATEWAY_OPTIONS = Symbol('GATEWAY_OPTIONS');
export const GATEWAY_LOGGER = Symbol('GATEWAY_LOGGER');
