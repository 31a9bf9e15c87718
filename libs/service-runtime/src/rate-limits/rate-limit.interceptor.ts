import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { ServiceError } from '@idfed/messaging';
import { Observable } from 'rxjs';
import { THROTTLES } from './rate-limit-categories';
import { SharedRateLimiter } from './shared-rate-limiter';

/**
 * Refuses a client operation over its category's rate before its handler runs, with the error name
 * its API uses (TooManyRequestsException for Cognito, Throttling for STS and IAM). In the service,
 * not the gateway: services own a database, gateways own nothing durable.
 */
@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  constructor(
    @Inject(SharedRateLimiter) private readonly limiter: SharedRateLimiter,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const metadata: unknown = this.reflector.get(PATTERN_METADATA, context.getHandler());
    const pattern: unknown = Array.isArray(metadata) ? metadata[0] : metadata;
    const throttle = typeof pattern === 'string' ? THROTTLES.get(pattern) : undefined;
    if (throttle && !(await this.limiter.admit(throttle.category))) {
      throw new ServiceError(throttle.errorName, throttle.message);
    }
    return next.handle();
  }
}
