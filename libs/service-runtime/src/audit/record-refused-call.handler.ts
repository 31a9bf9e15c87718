import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import {
  AuditCommands,
  CommandMeta,
  refusableOperationsOf,
  RecordRefusedCallRequest,
  ServiceName,
} from '@idfed/contracts';
import { OperationHandler } from '../operations/operation-handler';
import { SERVICE_NAME } from '../operations/health.handler';
import { AuditTrail } from './audit-trail';

type RecordRefusedCallOperation = (typeof AuditCommands)[ServiceName];

/**
 * Writes the record of a call the gateway refused before it got here (ADR 0075), through this
 * service's outbox, exactly as the dispatcher records a refusal of its own: the same caller (the
 * envelope's metadata is the refused call's), the same rules of what is audited and what is hidden.
 * Only an operation this service serves to clients (or a gateway sign-in it owns, ADR 0090) can be named; anything else is dropped with a
 * log line, so a confused or hostile sender cannot write records under another operation's name.
 */
@Injectable()
export class RecordRefusedCallHandler implements OperationHandler<RecordRefusedCallOperation> {
  private readonly logger = new Logger('RecordRefusedCall');

  constructor(
    @Inject(SERVICE_NAME) private readonly service: ServiceName,
    @Optional() @Inject(AuditTrail) private readonly audit?: AuditTrail,
  ) {}

  async execute(request: RecordRefusedCallRequest, meta: CommandMeta): Promise<Record<string, never>> {
    const operation = refusableOperationsOf(this.service).find((op) => op.name === request?.operation);
    if (!operation) {
      this.logger.warn(`refusal of an operation ${this.service} does not serve not recorded`);
      return {};
    }
    await this.audit?.refusedAtGateway(
      operation,
      { payload: request.requestParameters, meta },
      { errorCode: String(request.errorCode), errorMessage: String(request.errorMessage) },
    );
    return {};
  }
}
