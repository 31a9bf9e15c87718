import {
  CredentialVendingTopics,
  ListRevocationsResult,
  RevokeRoleSessionsRequest,
  RevokeRoleSessionsResult,
  RoleSessionsRevokedEvent,
} from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { DataSource } from 'typeorm';
import { IamErrors } from '../common/iam-errors';
import { awsTimestamp } from '../common/timestamps';
import { Patterns, RequestValidator } from '../common/validate';
import { RolesService } from '../roles/roles.service';

/** Sessions live at most 12 hours; a revocation older than that (plus skew) refuses nothing any more. */
const REVOCATION_RELEVANCE_MS = (12 * 3600 + 15 * 60) * 1000;
const FUTURE_SKEW_MS = 5 * 60 * 1000;

/**
 * Revoking a role's sessions: every session of the role issued before a time is refused from then
 * on. Recorded per role (only the latest time matters, it never moves back) with an event, and
 * served to the gateways, which keep the list of live revocations in memory (ADR 0004).
 */
export class RevocationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly roles: RolesService,
    private readonly outbox: OutboxService,
    private readonly now: () => number = Date.now,
  ) {}

  async revoke(req: RevokeRoleSessionsRequest, correlationId: string): Promise<RevokeRoleSessionsResult> {
    RequestValidator.of(req)
      .string('RoleName', { required: true, min: 1, max: 64, pattern: Patterns.roleName })
      .string('RevokedBefore', { min: 1, max: 64 })
      .check();
    const now = this.now();
    let before = now;
    if (req.RevokedBefore !== undefined) {
      before = Date.parse(req.RevokedBefore);
      if (!Number.isFinite(before))
        throw IamErrors.validation('RevokedBefore must be an ISO 8601 date-time.');
      if (before > now + FUTURE_SKEW_MS)
        throw IamErrors.validation('RevokedBefore must not be in the future.');
    }
    const result = await this.dataSource.transaction(async (m) => {
      const role = await this.roles.require(m, req.RoleName);
      const [row] = (await m.query(
        `INSERT INTO credential_vending.revocations (role_arn, revoked_before, updated_at)
         VALUES ($1, $2, now())
         ON CONFLICT (role_arn) DO UPDATE
           SET revoked_before = GREATEST(credential_vending.revocations.revoked_before, EXCLUDED.revoked_before),
               updated_at = now()
         RETURNING revoked_before`,
        [role.arn, new Date(before)],
      )) as { revoked_before: Date }[];
      const event: RoleSessionsRevokedEvent = {
        roleArn: role.arn,
        revokedBefore: row.revoked_before.toISOString(),
        occurredAt: new Date(now).toISOString(),
      };
      await this.outbox.add(m, {
        topic: CredentialVendingTopics.roleSessionsRevoked,
        key: role.arn,
        payload: event,
        correlationId,
      });
      return { RoleArn: role.arn, RevokedBefore: row.revoked_before };
    });
    this.outbox.nudge();
    // Millisecond precision on the bus (verifiers compare issue times in ms); whole seconds on the wire.
    return { RoleArn: result.RoleArn, RevokedBefore: awsTimestamp(result.RevokedBefore) };
  }

  async list(): Promise<ListRevocationsResult> {
    const now = this.now();
    const rows = (await this.dataSource.query(
      `SELECT role_arn, revoked_before FROM credential_vending.revocations WHERE revoked_before > $1 ORDER BY role_arn`,
      [new Date(now - REVOCATION_RELEVANCE_MS)],
    )) as { role_arn: string; revoked_before: Date }[];
    return {
      Revocations: rows.map((r) => ({ RoleArn: r.role_arn, RevokedBefore: r.revoked_before.toISOString() })),
      AsOf: new Date(now).toISOString(),
    };
  }
}
