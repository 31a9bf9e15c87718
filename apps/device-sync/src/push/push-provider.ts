import { PushPlatform } from '../pools/push-platforms';
import { SyncTrigger } from './push-deliveries.repository';

/** What a provider made of one push. */
export type PushOutcome =
  | { kind: 'delivered' }
  /** The provider says the token is no longer valid: the device is dropped. */
  | { kind: 'unregistered'; reason: string }
  /** Try again later (provider down, throttled, our credentials refused): never the token in `reason`. */
  | { kind: 'retry'; reason: string; retryAfterMs?: number };

export interface PushTarget {
  platform: PushPlatform;
  /** The pool's platform application the device registered under (APNs: its name is the topic). */
  applicationArn: string;
  token: string;
}

export interface PushProvider {
  send(target: PushTarget, trigger: SyncTrigger): Promise<PushOutcome>;
  close(): Promise<void>;
}

/** Cognito's push payload keys, as its SyncTrigger carries them. */
export function syncTriggerPayload(trigger: SyncTrigger) {
  return {
    source: 'cognito-sync',
    type: 'SyncTrigger',
    identityPoolId: trigger.identityPoolId,
    identityId: trigger.identityId,
    datasetName: trigger.datasetName,
    syncCount: trigger.syncCount,
  };
}

/** Seconds of a Retry-After header, in ms. */
export function retryAfterMs(header: string | string[] | null | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const seconds = value ? Number(value) : NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}
