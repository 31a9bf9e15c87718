import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export type AuthEventType = 'SignIn' | 'SignUp' | 'ForgotPassword' | 'PasswordChange' | 'ResendCode';
export type AuthEventResponse = 'Pass' | 'Fail' | 'InProgress';

/** One challenge of an event and its outcome, as AdminListUserAuthEvents answers them. */
export interface ChallengeOutcome {
  ChallengeName: 'Password' | 'Mfa';
  ChallengeResponse: 'Success' | 'Failure';
}

export interface AuthEventRow {
  id: string;
  poolId: string;
  userSub: string;
  eventType: AuthEventType;
  eventResponse: AuthEventResponse;
  challengeResponses: ChallengeOutcome[];
  ipAddress: string | null;
  deviceName: string | null;
  feedbackValue: 'Valid' | 'Invalid' | null;
  feedbackProvider: string | null;
  feedbackDate: Date | null;
  createdAt: Date;
}

interface Row {
  id: string;
  pool_id: string;
  user_sub: string;
  event_type: AuthEventType;
  event_response: AuthEventResponse;
  challenge_responses: ChallengeOutcome[];
  ip_address: string | null;
  device_name: string | null;
  feedback_value: 'Valid' | 'Invalid' | null;
  feedback_provider: string | null;
  feedback_date: Date | null;
  created_at: Date;
}

const fromRow = (r: Row): AuthEventRow => ({
  id: r.id,
  poolId: r.pool_id,
  userSub: r.user_sub,
  eventType: r.event_type,
  eventResponse: r.event_response,
  challengeResponses: r.challenge_responses,
  ipAddress: r.ip_address,
  deviceName: r.device_name,
  feedbackValue: r.feedback_value,
  feedbackProvider: r.feedback_provider,
  feedbackDate: r.feedback_date,
  createdAt: r.created_at,
});

/** Every query of `user_directory.auth_events`. */
@Injectable()
export class AuthEventsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Records an event and, in the same statement, forgets the user's events older than
   * `retainAfter` (the retention, ADR 0083). A user deleted meanwhile leaves nothing (the insert
   * selects the user's row).
   */
  async record(
    event: Omit<AuthEventRow, 'feedbackValue' | 'feedbackProvider' | 'feedbackDate'>,
    retainAfter: Date,
  ): Promise<void> {
    await this.dataSource.query(
      `WITH pruned AS (
         DELETE FROM user_directory.auth_events WHERE user_sub = $3 AND created_at < $9
       )
       INSERT INTO user_directory.auth_events
         (id, pool_id, user_sub, event_type, event_response, challenge_responses, ip_address, device_name, created_at)
       SELECT $1, $2, u.sub, $4, $5, $6, $7, $8, $10
         FROM user_directory.users u WHERE u.sub = $3 AND u.pool_id = $2`,
      [
        event.id,
        event.poolId,
        event.userSub,
        event.eventType,
        event.eventResponse,
        JSON.stringify(event.challengeResponses),
        event.ipAddress,
        event.deviceName,
        retainAfter,
        event.createdAt,
      ],
    );
  }

  /** A user's events, newest first, after the event `afterId` (keyset), at most `limit`. */
  async list(poolId: string, userSub: string, limit: number, afterId?: string): Promise<AuthEventRow[]> {
    const rows = await this.dataSource.query<Row[]>(
      afterId === undefined
        ? `SELECT * FROM user_directory.auth_events WHERE pool_id = $1 AND user_sub = $2
            ORDER BY created_at DESC, id DESC LIMIT $3`
        : `SELECT e.* FROM user_directory.auth_events e,
                  (SELECT created_at, id FROM user_directory.auth_events
                    WHERE id = $4 AND pool_id = $1 AND user_sub = $2) a
            WHERE e.pool_id = $1 AND e.user_sub = $2 AND (e.created_at, e.id) < (a.created_at, a.id)
            ORDER BY e.created_at DESC, e.id DESC LIMIT $3`,
      afterId === undefined ? [poolId, userSub, limit] : [poolId, userSub, limit, afterId],
    );
    return rows.map(fromRow);
  }

  /** Sets the feedback of the user's event; false when the user has no such event. */
  async setFeedback(
    poolId: string,
    userSub: string,
    eventId: string,
    value: 'Valid' | 'Invalid',
    provider: string,
    at: Date,
  ): Promise<boolean> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `WITH updated AS (
         UPDATE user_directory.auth_events
            SET feedback_value = $4, feedback_provider = $5, feedback_date = $6
          WHERE id = $3 AND pool_id = $1 AND user_sub = $2
         RETURNING id
       )
       SELECT id FROM updated`,
      [poolId, userSub, eventId, value, provider, at],
    );
    return rows.length > 0;
  }
}
