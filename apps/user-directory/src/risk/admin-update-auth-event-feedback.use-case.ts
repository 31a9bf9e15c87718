import { Inject, Injectable } from '@nestjs/common';
import { AdminUpdateAuthEventFeedbackRequest, UserDirectoryOperations } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { RequestValidator } from '../common/validate';
import { UserLookup } from '../users/user-lookup';
import { AuthEventsRepository } from './auth-events.repository';
import { requireThreatProtection } from './threat-protection';

/** The user's event does not exist, or is another user's (idfed's wording; AWS's not observed). */
export const authEventNotFound = () => new ServiceError('ResourceNotFoundException', 'Auth event not found.');

export const EVENT_ID = { required: true, min: 1, max: 50, pattern: /^[\w+-]+$/ } as const;

/**
 * AdminUpdateAuthEventFeedback: an administrator's `Valid` / `Invalid` on one of the user's events,
 * answered by AdminListUserAuthEvents as `EventFeedback` (Provider `Admin`). It trains nothing:
 * idfed has no risk model (ADR 0083).
 */
@Injectable()
export class AdminUpdateAuthEventFeedbackUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminUpdateAuthEventFeedback
> {
  constructor(
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(AuthEventsRepository) private readonly events: AuthEventsRepository,
  ) {}

  async execute(req: AdminUpdateAuthEventFeedbackRequest): Promise<Record<string, never>> {
    RequestValidator.of(req)
      .string('EventId', EVENT_ID)
      .oneOf('FeedbackValue', ['Valid', 'Invalid'], true)
      .check();
    const { pool, user } = await this.lookup.requireAdminUser(req, undefined, false);
    requireThreatProtection(pool);
    const updated = await this.events.setFeedback(
      pool.id,
      user.sub,
      req.EventId,
      req.FeedbackValue,
      'Admin',
      new Date(),
    );
    if (!updated) throw authEventNotFound();
    return {};
  }
}
