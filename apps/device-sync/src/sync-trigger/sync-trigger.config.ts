import { IdfedEnv } from '@idfed/config';

/** The operator's sync trigger endpoints and how they are called (ADR 0016), injected by token. */
export interface SyncTriggerConfig {
  region: string;
  accountId: string;
  /** Function name -> the URL called in its place. Nothing else is ever called. */
  endpoints: ReadonlyMap<string, string>;
  /** The secret each endpoint's signing key is derived from; set whenever endpoints is not empty. */
  secret?: Buffer;
  timeoutMs: number;
  /** Largest answer read from a trigger; a longer one is invalid output. */
  maxAnswerBytes: number;
}

export const SYNC_TRIGGER_CONFIG = Symbol('SYNC_TRIGGER_CONFIG');

/** Cognito Sync's one event type. */
export const SYNC_TRIGGER_EVENT = 'SyncTrigger';

export function syncTriggerConfig(env: IdfedEnv): SyncTriggerConfig {
  return {
    region: env.region,
    accountId: env.accountId,
    endpoints: new Map(env.syncTriggers.map((t) => [t.name, t.url])),
    secret: env.syncTriggerSecret,
    timeoutMs: env.syncTriggerTimeoutMs,
    // A dataset holds at most 1 MB of keys and values; the JSON around them, escapes included, fits.
    maxAnswerBytes: 4 * 1024 * 1024,
  };
}

/** The function ARN SetCognitoEvents takes for a configured endpoint's name. */
export function triggerArn(config: SyncTriggerConfig, name: string): string {
  return `arn:aws:lambda:${config.region}:${config.accountId}:function:${name}`;
}

/**
 * The endpoint a function ARN names: only `arn:aws:lambda:<region>:<account>:function:<name>` of
 * idfed's own region and account, with a name the operator configured.
 */
export function endpointOf(
  config: SyncTriggerConfig,
  functionArn: string,
): { name: string; url: string } | undefined {
  const prefix = triggerArn(config, '');
  if (!functionArn.startsWith(prefix)) return undefined;
  const name = functionArn.slice(prefix.length);
  const url = config.endpoints.get(name);
  return url === undefined ? undefined : { name, url };
}
