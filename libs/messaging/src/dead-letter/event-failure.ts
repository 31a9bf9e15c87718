import { InvalidMessageError, isServiceErrorShape } from '@idfed/contracts';
import { isDatabaseUnavailable } from '@idfed/persistence';

/**
 * Why an event handler failed, as far as retrying goes:
 * - `malformed`: the message itself is wrong (not JSON, fails its contract's parse, no event id);
 *   trying again cannot help, so it goes to the dead letter at once.
 * - `unavailable`: a dependency is down (the database, or another service answered
 *   ServiceUnavailable); the event is fine and is tried again without counting.
 * - `failed`: anything else; tried again up to the policy's bound.
 */
export type EventFailureKind = 'malformed' | 'unavailable' | 'failed';

export interface EventFailure {
  kind: EventFailureKind;
  /** The error's name and message: never the payload (the dead letter keeps that separately). */
  reason: string;
}

/** A message the transport itself could not read, before any handler ran. */
export class MalformedEventError extends InvalidMessageError {
  override name = 'MalformedEventError';
}

const MAX_REASON = 1000;

export function classifyEventFailure(err: unknown): EventFailure {
  const reason = describe(err).slice(0, MAX_REASON);
  if (err instanceof InvalidMessageError) return { kind: 'malformed', reason };
  if (isDatabaseUnavailable(err) || nameOf(err) === 'ServiceUnavailable') {
    return { kind: 'unavailable', reason };
  }
  return { kind: 'failed', reason };
}

function nameOf(err: unknown): string | undefined {
  if (isServiceErrorShape(err)) return err.name;
  return err instanceof Error ? err.name : undefined;
}

function describe(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  if (isServiceErrorShape(err)) return `${err.name}: ${err.message}`;
  const message = (err as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : 'unknown error';
}
