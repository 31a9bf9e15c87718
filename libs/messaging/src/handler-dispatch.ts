import { MessageHandler, Server } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import { isServiceErrorShape, ServiceErrorShape } from '@idfed/contracts';
import { BusContext } from './bus-context';
import { TransportErrors } from './service-error';

export type RequestOutcome = { ok: true; response: unknown } | { ok: false; error: ServiceErrorShape };

async function settle(result: unknown): Promise<unknown> {
  const value = await result;
  return isObservable(value) ? lastValueFrom(value, { defaultValue: undefined }) : value;
}

/**
 * Runs a request handler and turns whatever it produced into an outcome that can cross the bus.
 * Nest's exception filter has already converted a thrown ServiceError into its {name, message}
 * shape; anything else becomes an internal error, so no stack trace leaves the service.
 */
export async function runRequestHandler(
  handler: MessageHandler | null,
  pattern: string,
  payload: unknown,
  ctx: BusContext,
): Promise<RequestOutcome> {
  if (!handler) {
    return { ok: false, error: TransportErrors.unavailable(`no handler for ${pattern}`) };
  }
  try {
    return { ok: true, response: await settle(handler(payload, ctx)) };
  } catch (err) {
    return { ok: false, error: isServiceErrorShape(err) ? err : TransportErrors.internal() };
  }
}

/** Runs an event handler; throws when the handler failed so the transport redelivers. */
export async function runEventHandler(
  handler: MessageHandler,
  payload: unknown,
  ctx: BusContext,
): Promise<void> {
  await settle(handler(payload, ctx));
}

/** Nest keeps request and event handlers in one map; a transport needs them apart. */
export function eventPatternsOf(server: Server): string[] {
  return [...server.getHandlers().entries()].filter(([, h]) => h.isEventHandler).map(([pattern]) => pattern);
}
