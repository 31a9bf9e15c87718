import { Injectable, Logger } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { AnyOperation, isServiceErrorShape } from '@idfed/contracts';

/** The log line the e2e suite looks for: an answer outside the operation's declared errors. */
export const UNDECLARED_ERROR_MARK = 'undeclared error';

/**
 * Watches the errors operations answer against the names their contracts declare. The compiler
 * already refuses a name AWS does not know; this catches a known name on the wrong operation,
 * which the SDKs would still parse but a client coded against AWS's documentation would not
 * expect. The answer is left as it is (the client sees the same either way); it is logged and
 * counted, and the e2e suite fails on any such line.
 */
@Injectable()
export class ErrorContractMonitor {
  private readonly logger = new Logger('ErrorContractMonitor');
  private undeclared = 0;

  observe(contract: AnyOperation, err: unknown): void {
    const shape = err instanceof RpcException ? err.getError() : err;
    if (!isServiceErrorShape(shape) || contract.errors.includes(shape.name)) return;
    this.undeclared++;
    this.logger.error(`${UNDECLARED_ERROR_MARK}: ${contract.name} answered ${shape.name}`);
  }

  get undeclaredCount(): number {
    return this.undeclared;
  }
}
