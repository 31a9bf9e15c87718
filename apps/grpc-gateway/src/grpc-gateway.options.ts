import type { Logger } from 'pino';
import { IdfedEnv } from '@idfed/config';
import { TransportConfig } from '@idfed/messaging';

/** The long-term key pair that signs as the account root (the HTTP gateway's admin key). */
export interface AdminCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface GrpcGatewayOptions {
  env: IdfedEnv;
  transport: TransportConfig;
  /** The admin key; without it only temporary credentials sign calls. */
  adminCredentials?: AdminCredentials;
  /** The session-token master key shared with credential vending. Default: loadSessionTokenKey(env). */
  sessionTokenKey?: Buffer;
  /** The process's root pino logger; the embedded launcher shares its own. */
  logger?: Logger;
  /** The clock of token expiries and signature times; tests inject one. */
  now?: () => number;
}

export const GRPC_GATEWAY_OPTIONS = Symbol('GRPC_GATEWAY_OPTIONS');
export const GRPC_GATEWAY_LOGGER = Symbol('GRPC_GATEWAY_LOGGER');
export const GRPC_GATEWAY_CLOCK = Symbol('GRPC_GATEWAY_CLOCK');

/** Credential scope service of calls signed for the gRPC API (the same as `POST /authorize`'s). */
export const GRPC_SIGNING_NAME = 'idfed';
