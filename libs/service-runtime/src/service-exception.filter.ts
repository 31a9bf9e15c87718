import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';
import { BusExceptionFilter, isEventDelivery, TransportErrors } from '@idfed/messaging';
import { isDatabaseUnavailable } from '@idfed/persistence';

/**
 * Every service's last word on a handler's error. Nest's own filter answers anything that is not a
 * ServiceError as an internal error; a lost or restarting database is not the request's fault and
 * passes, so it is answered as ServiceUnavailable, which the AWS SDKs retry. An event's error goes
 * to its transport unchanged (BusExceptionFilter), which waits for a database that is down.
 */
@Catch()
export class ServiceExceptionFilter extends BusExceptionFilter {
  private readonly logger = new Logger('ServiceExceptionFilter');

  override catch(exception: unknown, host: ArgumentsHost): Observable<unknown> {
    if (!isEventDelivery(host) && isDatabaseUnavailable(exception)) {
      // The message only: a driver error can carry the statement's parameters.
      this.logger.warn(`database unavailable: ${(exception as Error).message}`);
      return throwError(() => TransportErrors.unavailable('The service database is unavailable.'));
    }
    return super.catch(exception, host);
  }
}
