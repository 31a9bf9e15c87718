import { Inject, Injectable, Logger } from '@nestjs/common';
import { AwsError } from '@idfed/aws-protocol';
import { AnyOperation, AuditCommands, CommandMeta } from '@idfed/contracts';
import { BusClient } from '@idfed/messaging';

/**
 * Hands a refusal the gateway answered itself (an IAM user's policy denying the call, input
 * refused at the edge, temporary credentials where IAM takes none) to the refused operation's own
 * service, which writes its audit record through its outbox (ADR 0075): CloudTrail records such
 * failed calls too. Only a caller the signature established is recorded (a bad signature has no
 * one to name), and only the AWS refusals the client was answered with. The hand-off is not
 * awaited: the refusal's answer does not wait on the audit write, and a lost hand-off is logged.
 */
@Injectable()
export class RefusedCallRecorder {
  private readonly logger = new Logger('RefusedCallRecorder');

  constructor(@Inject(BusClient) private readonly bus: BusClient) {}

  record(operation: AnyOperation, requestParameters: unknown, meta: CommandMeta, err: unknown): void {
    if (!(err instanceof AwsError)) return;
    if (meta.caller.kind !== 'admin' && meta.caller.kind !== 'temporary') return;
    const parameters =
      typeof requestParameters === 'object' && requestParameters !== null && !Array.isArray(requestParameters)
        ? (requestParameters as Record<string, unknown>)
        : null;
    this.bus
      .request(
        AuditCommands[operation.service],
        {
          operation: operation.name,
          requestParameters: parameters,
          errorCode: err.errorName,
          errorMessage: err.message,
        },
        meta,
      )
      .catch((failure: unknown) =>
        this.logger.error(
          `audit record of the refused ${operation.name} (request ${meta.requestId}) not handed over: ${(failure as Error).name}`,
        ),
      );
  }
}
