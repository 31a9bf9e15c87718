import { Inject, Injectable, Logger } from '@nestjs/common';
import { ServiceError } from '@idfed/messaging';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { UserEntity, UserPoolEntity } from '../database/entities';
import {
  AuthEventResponse,
  AuthEventsRepository,
  AuthEventType,
  ChallengeOutcome,
} from './auth-events.repository';
import { threatProtectionMode } from './threat-protection';

const logger = new Logger('AuthEvents');

/** `check`, with `onWrong` called when it refuses the code as wrong (CodeMismatchException). */
export async function recordingWrongCode(check: Promise<void>, onWrong: () => void): Promise<void> {
  try {
    await check;
  } catch (err) {
    if (err instanceof ServiceError && err.errorName === 'CodeMismatchException') onWrong();
    throw err;
  }
}

/** How long a user's events are kept (idfed's choice, ADR 0083). */
export const AUTH_EVENT_RETENTION_MS = 90 * 24 * 3600 * 1000;

/** Beyond this many events waiting to be written, new ones are dropped (and logged). */
const MAX_WAITING = 10_000;

/** What the request that caused an event says about the user's device. */
export interface EventContext {
  sourceIp?: string;
  userAgent?: string;
}

/**
 * Records the users' auth events (AdminListUserAuthEvents) in a pool whose threat protection is
 * AUDIT or ENFORCED, as Cognito logs them. Only a real user's event is recorded, once its answer
 * is decided, and written after the answer (ADR 0068's pattern): the request path of a known name
 * gets no database round trip an unknown name does not get. The request's address and user agent
 * come from the operation, which runs the flow `within` them.
 */
@Injectable()
export class AuthEventRecorder {
  private readonly context = new AsyncLocalStorage<EventContext>();
  private waiting = 0;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(@Inject(AuthEventsRepository) private readonly events: AuthEventsRepository) {}

  within<T>(context: EventContext, work: () => Promise<T>): Promise<T> {
    return this.context.run(context, work);
  }

  record(
    pool: Pick<UserPoolEntity, 'id' | 'config'>,
    user: Pick<UserEntity, 'sub'>,
    eventType: AuthEventType,
    eventResponse: AuthEventResponse,
    challengeResponses: ChallengeOutcome[] = [],
    /** The request's device, when the caller has it; else the flow's (`within`). */
    context: EventContext = this.context.getStore() ?? {},
  ): void {
    if (threatProtectionMode(pool) === 'OFF') return;
    if (this.waiting >= MAX_WAITING) {
      logger.warn(`dropped a ${eventType} event for pool ${pool.id}: queue full`);
      return;
    }
    const now = new Date();
    const event = {
      id: randomUUID(),
      poolId: pool.id,
      userSub: user.sub,
      eventType,
      eventResponse,
      challengeResponses,
      ipAddress: context.sourceIp ?? null,
      deviceName: context.userAgent?.slice(0, 256) ?? null,
      createdAt: now,
    };
    this.waiting++;
    const written: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.events.record(event, new Date(now.getTime() - AUTH_EVENT_RETENTION_MS)))
      .catch((err: unknown) =>
        logger.warn(`could not record a ${eventType} event for pool ${pool.id}: ${(err as Error).message}`),
      )
      .finally(() => {
        this.waiting--;
        this.inFlight.delete(written);
      });
    this.inFlight.add(written);
  }

  /**
   * A second factor's answer after a proven password: a SignIn event whose ChallengeResponses name
   * both (`Mfa` `Success` with the tokens, `Failure` for a wrong code). The password's own event
   * (`InProgress`) stays as it was written: idfed adds an event, it does not update one.
   */
  recordMfa(
    pool: Pick<UserPoolEntity, 'id' | 'config'>,
    user: Pick<UserEntity, 'sub'>,
    passed: boolean,
  ): void {
    this.record(pool, user, 'SignIn', passed ? 'Pass' : 'Fail', [
      { ChallengeName: 'Password', ChallengeResponse: 'Success' },
      { ChallengeName: 'Mfa', ChallengeResponse: passed ? 'Success' : 'Failure' },
    ]);
  }

  /** Resolves once every event recorded so far is written (tests; shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }
}
