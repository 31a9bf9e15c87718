import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseRpcExceptionFilter } from '@nestjs/microservices';
import { Observable, throwError } from 'rxjs';
import { BusContext } from './bus-context';

/**
 * Nest's RPC filter turns any error into an opaque "Internal server error", which is right for a
 * command (its caller must not see internals) but leaves an event's transport unable to tell a
 * malformed message from a database that is down. Events have no caller: their error passes
 * unchanged to the transport, which retries, waits or dead-letters it (ADR 0012) and logs it there.
 */
@Catch()
export class BusExceptionFilter extends BaseRpcExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): Observable<unknown> {
    if (isEventDelivery(host)) return throwError(() => exception);
    return super.catch(exception, host);
  }
}

export function isEventDelivery(host: ArgumentsHost): boolean {
  const ctx: unknown = host.getArgByIndex(1);
  return ctx instanceof BusContext && ctx.isEvent();
}
