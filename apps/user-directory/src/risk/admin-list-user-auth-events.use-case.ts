import { Inject, Injectable } from '@nestjs/common';
import {
  AdminListUserAuthEventsRequest,
  AdminListUserAuthEventsResponse,
  AuthEventType,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodePageToken, encodePageToken } from '../common/page-token';
import { RequestValidator } from '../common/validate';
import { UserLookup } from '../users/user-lookup';
import { AuthEventRow, AuthEventsRepository } from './auth-events.repository';
import { requireThreatProtection } from './threat-protection';

/** Cognito's page size when MaxResults is 0 or left out, and its largest. */
const DEFAULT_PAGE = 60;

/**
 * AdminListUserAuthEvents: the auth events recorded for a user while the pool's threat protection
 * was on, newest first. No `EventRisk`: idfed assesses no risk (ADR 0083).
 */
@Injectable()
export class AdminListUserAuthEventsUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminListUserAuthEvents
> {
  constructor(
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(AuthEventsRepository) private readonly events: AuthEventsRepository,
  ) {}

  async execute(req: AdminListUserAuthEventsRequest): Promise<AdminListUserAuthEventsResponse> {
    RequestValidator.of(req).integer('MaxResults', { min: 0, max: 60 }).check();
    const after = decodePageToken(req.NextToken);
    const { pool, user } = await this.lookup.requireAdminUser(req, undefined, false);
    requireThreatProtection(pool);
    const limit = req.MaxResults ? req.MaxResults : DEFAULT_PAGE;
    const rows = await this.events.list(pool.id, user.sub, limit + 1, after);
    const page = rows.slice(0, limit);
    return {
      AuthEvents: page.map(toAuthEventType),
      ...(rows.length > limit ? { NextToken: encodePageToken(page[page.length - 1].id) } : {}),
    };
  }
}

export function toAuthEventType(row: AuthEventRow): AuthEventType {
  const context = {
    ...(row.ipAddress ? { IpAddress: row.ipAddress } : {}),
    ...(row.deviceName ? { DeviceName: row.deviceName } : {}),
  };
  return {
    EventId: row.id,
    EventType: row.eventType,
    CreationDate: row.createdAt.getTime() / 1000,
    EventResponse: row.eventResponse,
    ChallengeResponses: row.challengeResponses,
    ...(Object.keys(context).length > 0 ? { EventContextData: context } : {}),
    ...(row.feedbackValue
      ? {
          EventFeedback: {
            FeedbackValue: row.feedbackValue,
            Provider: row.feedbackProvider ?? 'Admin',
            ...(row.feedbackDate ? { FeedbackDate: row.feedbackDate.getTime() / 1000 } : {}),
          },
        }
      : {}),
  };
}
