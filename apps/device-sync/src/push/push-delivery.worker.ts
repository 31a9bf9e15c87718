import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SyncClock } from '../common/device-sync.config';
import { DeviceTokens } from '../devices/device-tokens';
import { DevicesRepository } from '../devices/devices.repository';
import { ClaimedPush, PushDeliveriesRepository } from './push-deliveries.repository';
import { PushOutcome } from './push-provider';
import { PUSH_RETRY_POLICY, PushProviders, PushRetryPolicy } from './push-providers';

const BATCH = 32;
/** How long a claimed push is held by the replica that claimed it before another may take it. */
const LEASE_MS = 60_000;
const MAX_BACKOFF_MS = 3_600_000;

/**
 * Sends the queued SyncTriggers through the push providers: every replica polls the queue
 * (`IDFED_PUSH_POLL_MS`, and at once when a change was queued here), claims due pushes with
 * SKIP LOCKED, and per push: delivered, removed; the provider says the token is gone, the device
 * (with its subscriptions and pushes) is dropped; otherwise tried again after a doubling pause,
 * until `IDFED_PUSH_MAX_ATTEMPTS`. Nothing is lost while a provider or this service is down: the
 * rows wait. Tokens are opened only to be sent and never logged.
 */
@Injectable()
export class PushDeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PushDelivery');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    @Inject(PushDeliveriesRepository) private readonly deliveries: PushDeliveriesRepository,
    @Inject(DevicesRepository) private readonly devices: DevicesRepository,
    @Inject(DeviceTokens) private readonly tokens: DeviceTokens,
    @Inject(PushProviders) private readonly providers: PushProviders,
    @Inject(PUSH_RETRY_POLICY) private readonly policy: PushRetryPolicy,
    @Inject(SyncClock) private readonly clock: SyncClock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.wake(), this.policy.pollMs);
    this.timer.unref();
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.providers.close();
  }

  /** Looks for due pushes now (a change was just queued), or soon after the current round. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    // Errors of a round (the database away) are logged there; the next poll tries again.
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Sends every push due now; resolves when none is left. */
  async drain(): Promise<void> {
    try {
      for (;;) {
        const claimed = await this.deliveries.claimDue(this.clock.now(), BATCH, LEASE_MS);
        await Promise.all(claimed.map((push) => this.deliver(push)));
        if (claimed.length < BATCH || this.stopped) return;
      }
    } catch (err) {
      this.logger.warn(`push delivery round failed: ${(err as Error).message}`);
    }
  }

  private async deliver(push: ClaimedPush): Promise<void> {
    const provider = this.providers.of(push.platform);
    let outcome: PushOutcome;
    if (!provider) {
      outcome = { kind: 'retry', reason: `no push provider is configured for ${push.platform}` };
    } else {
      try {
        const token = this.tokens.open(push.tokenEnc, push.deviceId);
        outcome = await provider.send(
          { platform: push.platform, applicationArn: push.applicationArn, token },
          push.trigger,
        );
      } catch (err) {
        outcome = { kind: 'retry', reason: (err as Error).message };
      }
    }
    switch (outcome.kind) {
      case 'delivered':
        await this.deliveries.remove(push.id);
        return;
      case 'unregistered':
        // The device, its subscriptions and its queued pushes go (cascade).
        await this.devices.delete(push.deviceId);
        this.logger.log(`device ${push.deviceId} dropped: ${outcome.reason}`);
        return;
      case 'retry': {
        if (push.attempts >= this.policy.maxAttempts) {
          await this.deliveries.remove(push.id);
          this.logger.warn(
            `push to device ${push.deviceId} given up after ${push.attempts} tries: ${outcome.reason}`,
          );
          return;
        }
        const backoff = Math.min(MAX_BACKOFF_MS, this.policy.retryBackoffMs * 2 ** (push.attempts - 1));
        const wait = Math.max(backoff, outcome.retryAfterMs ?? 0);
        await this.deliveries.retryAt(push.id, new Date(this.clock.now().getTime() + wait), outcome.reason);
        return;
      }
    }
  }
}
