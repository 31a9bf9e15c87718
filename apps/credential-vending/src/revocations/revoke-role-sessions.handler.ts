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
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { Clock, CLOCK } from '../common/clock';
import { IamErrors } from '../common/iam-errors';
import { awsTimestamp } from '../common/timestamps';
import { Patterns, RequestValidator } from '../common/validate';
import { RoleLookup } from '../roles/role.lookup';
import { RevocationsRepository } from './revocations.repository';
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
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(RevocationsRepository) private readonly revocations: RevocationsRepository,
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
    const result = await this.transactions.run(async (tx) => {
      const role = await this.roles.require(req.RoleName, tx);
      const revokedBefore = await this.revocations.raise(role.arn, new Date(before), tx);
      const event: RoleSessionsRevokedEvent = {
        roleArn: role.arn,
        revokedBefore: revokedBefore.toISOString(),
        occurredAt: new Date(now).toISOString(),
      };
      await this.outbox.add(tx, {
        topic: CredentialVendingTopics.roleSessionsRevoked,
        key: role.arn,
        payload: event,
        correlationId: meta.requestId,
      });
      return { RoleArn: role.arn, RevokedBefore: revokedBefore };
    });
    this.outbox.nudge();
    // Millisecond precision on the bus (verifiers compare issue times in ms); whole seconds on the wire.
    return { RoleArn: result.RoleArn, RevokedBefore: awsTimestamp(result.RevokedBefore) };
  }
}
