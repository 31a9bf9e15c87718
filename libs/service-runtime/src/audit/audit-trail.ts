import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AnyOperation, auditTopic, CommandEnvelope, ServiceErrorShape } from '@idfed/contracts';
import { OutboxService, ServiceError } from '@idfed/messaging';
import { auditRecord, AuditOptions, AuditOutcome, isAudited } from './audit-record';

export const AUDIT_OPTIONS = Symbol('AUDIT_OPTIONS');

/**
 * Writes a service's audit records to its outbox (ADR 0054), for the operations dispatcher: after
 * the handler's own transactions have committed (an answer) or rolled back (a refusal), as a row
 * of its own. A record that cannot be written is logged, without its content, and the call's
 * answer stands: the change is already committed, and a refusal changed nothing.
 */
@Injectable()
export class AuditTrail {
  private readonly logger = new Logger('AuditTrail');

  constructor(
    @Inject(AUDIT_OPTIONS) private readonly options: AuditOptions,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async answered(
    operation: AnyOperation,
    envelope: CommandEnvelope<unknown>,
    response: unknown,
  ): Promise<void> {
    await this.write(operation, envelope, { response }, false);
  }

  async refused(operation: AnyOperation, envelope: CommandEnvelope<unknown>, err: unknown): Promise<void> {
    await this.write(operation, envelope, refusalOf(err), true);
  }

  /** A refusal named by its AWS error: one the gateway answered before the call got here (ADR 0075). */
  async refusedAtGateway(
    operation: AnyOperation,
    envelope: CommandEnvelope<unknown>,
    refusal: { errorCode: string; errorMessage: string },
  ): Promise<void> {
    await this.write(operation, envelope, refusal, true);
  }

  private async write(
    operation: AnyOperation,
    envelope: CommandEnvelope<unknown>,
    outcome: AuditOutcome,
    failed: boolean,
  ): Promise<void> {
    const meta = envelope?.meta;
    if (!meta || !isAudited(operation, meta.caller, failed, this.options)) return;
    try {
      const record = auditRecord(operation, envelope.payload, meta, outcome, this.options);
      await this.outbox.add(this.dataSource.manager, {
        topic: auditTopic(operation.service),
        key: record.recipientAccountId,
        payload: record,
        correlationId: meta.requestId,
      });
    } catch (err) {
      this.logger.error(
        `audit record of ${operation.name} (request ${meta.requestId}) not written: ${(err as Error).name}`,
      );
    }
  }
}

function refusalOf(err: unknown): AuditOutcome {
  if (err instanceof ServiceError) {
    const shape = err.getError() as ServiceErrorShape;
    return { errorCode: shape.name, errorMessage: shape.message };
  }
  return { errorCode: 'InternalErrorException', errorMessage: 'Internal server error' };
}
