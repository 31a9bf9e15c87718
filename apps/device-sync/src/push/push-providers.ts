import { PushEnv } from '@idfed/config';
import { PushPlatform } from '../pools/push-platforms';
import { ApnsProvider } from './apns.provider';
import { FcmProvider } from './fcm.provider';
import { PushProvider } from './push-provider';

/** The provider of each platform, as configured (ADR 0017); a platform without one is not pushed to. */
export class PushProviders {
  constructor(private readonly byPlatform: Partial<Record<PushPlatform, PushProvider>>) {}

  static fromEnv(push: PushEnv): PushProviders {
    const providers: Partial<Record<PushPlatform, PushProvider>> = {};
    if (push.fcmServiceAccountFile) {
      providers.GCM = new FcmProvider({
        serviceAccountFile: push.fcmServiceAccountFile,
        baseUrl: push.fcmBaseUrl,
        tokenUrl: push.fcmTokenUrl,
      });
    }
    if (push.apnsKeyFile && push.apnsKeyId && push.apnsTeamId) {
      const apns = new ApnsProvider({
        keyFile: push.apnsKeyFile,
        keyId: push.apnsKeyId,
        teamId: push.apnsTeamId,
        baseUrl: push.apnsBaseUrl,
        sandboxBaseUrl: push.apnsSandboxBaseUrl,
      });
      providers.APNS = apns;
      providers.APNS_SANDBOX = apns;
    }
    return new PushProviders(providers);
  }

  of(platform: PushPlatform): PushProvider | undefined {
    return this.byPlatform[platform];
  }

  async close(): Promise<void> {
    await Promise.all([...new Set(Object.values(this.byPlatform))].map((p) => p.close()));
  }
}

/** How device sync's push delivery retries (from IDFED_PUSH_*). */
export interface PushRetryPolicy {
  maxAttempts: number;
  retryBackoffMs: number;
  pollMs: number;
}

export const PUSH_RETRY_POLICY = Symbol('PUSH_RETRY_POLICY');
