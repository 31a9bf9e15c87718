import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ServiceError } from '@idfed/messaging';
import { SyncErrors } from '../common/sync-errors';
import { endpointOf, SYNC_TRIGGER_CONFIG, SyncTriggerConfig } from './sync-trigger.config';
import { readTriggerAnswer, SyncTriggerEvent, TriggeredRecord } from './sync-trigger.event';
import { endpointKey, signTriggerCall } from './sync-trigger.signature';

/**
 * Calls a pool's SyncTrigger: the HTTP endpoint the operator configured under the function's name,
 * in place of a Lambda. A signed POST of the event; the answer is the event as the trigger wants it
 * written. A trigger that cannot be reached, answers too late or says it is overloaded (429, 503)
 * is LambdaThrottledException; one that fails (any other status) or answers something that is not
 * the event is InvalidLambdaFunctionOutputException. Redirects are not followed.
 */
@Injectable()
export class SyncTriggerClient {
  private readonly logger = new Logger(SyncTriggerClient.name);

  constructor(@Inject(SYNC_TRIGGER_CONFIG) private readonly config: SyncTriggerConfig) {}

  private readonly keys = new Map<string, Buffer>();

  /** The endpoint's own key, derived once (the configuration does not change while running). */
  private keyOf(name: string, secret: Buffer): Buffer {
    let key = this.keys.get(name);
    if (!key) this.keys.set(name, (key = endpointKey(secret, name)));
    return key;
  }

  /** Whether SetCognitoEvents may name this function. */
  knows(functionArn: string): boolean {
    return endpointOf(this.config, functionArn) !== undefined;
  }

  async invoke(functionArn: string, event: SyncTriggerEvent): Promise<Map<string, TriggeredRecord>> {
    const endpoint = endpointOf(this.config, functionArn);
    // A function the operator no longer configures cannot be called: as a Lambda that is gone.
    if (!endpoint || !this.config.secret)
      throw SyncErrors.lambdaThrottled(`Sync trigger ${functionArn} is not available.`);
    const { name, url } = endpoint;
    const body = JSON.stringify(event);
    const headers = signTriggerCall(this.keyOf(name, this.config.secret), {
      id: randomUUID(),
      timestamp: Math.floor(Date.now() / 1000),
      functionArn,
      body,
    });
    let text: string;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'idfed-sync-trigger/1', ...headers },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
      if (res.status === 429 || res.status === 503) {
        await res.body?.cancel();
        throw SyncErrors.lambdaThrottled(`Sync trigger ${functionArn} is throttled (HTTP ${res.status}).`);
      }
      if (res.status < 200 || res.status > 299) {
        await res.body?.cancel();
        throw SyncErrors.invalidLambdaOutput(`Sync trigger ${functionArn} failed (HTTP ${res.status}).`);
      }
      text = await this.readBounded(res, functionArn);
    } catch (err) {
      if (err instanceof ServiceError) throw err;
      // Connection refused, DNS, TLS, timeout: the trigger could not be reached in time.
      this.logger.warn(`sync trigger ${functionArn} not reached: ${(err as Error).name}`);
      throw SyncErrors.lambdaThrottled(`Sync trigger ${functionArn} could not be reached in time.`);
    }
    return readTriggerAnswer(event, text);
  }

  private async readBounded(res: Response, functionArn: string): Promise<string> {
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > this.config.maxAnswerBytes) {
      await res.body?.cancel();
      throw SyncErrors.invalidLambdaOutput(`Sync trigger ${functionArn} answered more than it may.`);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (res.body) {
      for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        if (size > this.config.maxAnswerBytes) {
          throw SyncErrors.invalidLambdaOutput(`Sync trigger ${functionArn} answered more than it may.`);
        }
        chunks.push(chunk);
      }
    }
    return Buffer.concat(chunks).toString('utf8');
  }
}
