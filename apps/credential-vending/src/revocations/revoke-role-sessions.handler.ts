import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  CommandMeta,
  CredentialVendingOperations,
  CredentialVendingTopics,
  RevokeRoleSessionsRequest,
  RevokeRoleSessionsResult,
  RoleSessionsRevokedEvent,
} from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { IamErrors } from '../common/iam-errors';
import { awsTimestamp } from '../common/timestamps';
import { Patterns, RequestValidator } from '../common/validate';
import { RoleLookup } from '../roles/role.lookup';
import { FUTURE_SKEW_MS } from './revocation-window';

/**
 * Revoking a role's sessions: every session of the role issued before a time is refused from then
 * on. Recorded per role (only the latest time matters, it never moves back) with an event, and
 * served to the gateways, which keep the list of live revocations in memory (ADR 0004).
 */
@Injectable()
export class RevokeRoleSessionsHandler implements OperationHandler<
  typeof CredentialVendingOperations.RevokeRoleSessions
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(RoleLookup) private readonly roles: RoleLookup,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {}

  async execute(req: RevokeRoleSessionsRequest, meta: CommandMeta): Promise<RevokeRoleSessionsResult> {
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
      const role = await this.roles.require(req.RoleName, m);
      const [row] = await m.query<{ revoked_before: Date }[]>(
        `INSERT INTO credential_vending.revocations (role_arn, revoked_before, updated_at)
         VALUES ($1, $2, now())
         ON CONFLICT (role_arn) DO UPDATE
           SET revoked_before = GREATEST(credential_vending.revocations.revoked_before, EXCLUDED.revoked_before),
               updated_at = now()
         RETURNING revoked_before`,
        [role.arn, new Date(before)],
      );
      const event: RoleSessionsRevokedEvent = {
        roleArn: role.arn,
        revokedBefore: row.revoked_before.toISOString(),
        occurredAt: new Date(now).toISOString(),
      };
      await this.outbox.add(m, {
        topic: CredentialVendingTopics.roleSessionsRevoked,
        key: role.arn,
        payload: event,
        correlationId: meta.requestId,
      });
      return { RoleArn: role.arn, RevokedBefore: row.revoked_before };
    });
    this.outbox.nudge();
    // Millisecond precision on the bus (verifiers compare issue times in ms); whole seconds on the wire.
    return { RoleArn: result.RoleArn, RevokedBefore: awsTimestamp(result.RevokedBefore) };
  }
}
