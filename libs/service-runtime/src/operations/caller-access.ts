import { AnyOperation, Caller } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';

/**
 * The service's own check of who may call an operation, from the caller the gateway put in the
 * command's metadata after verifying it: a command that reaches the bus by any other way than a
 * gateway that authenticated it is refused here, not trusted.
 */
export function assertCallerAllowed(contract: AnyOperation, caller: Caller | undefined): void {
  if (callerAllowed(contract, caller)) return;
  const who = caller?.kind ?? 'unknown';
  const message = `A ${who} caller may not call ${contract.name}.`;
  throw contract.surface.protocol === 'query'
    ? new ServiceError('AccessDenied', message)
    : new ServiceError('AccessDeniedException', message);
}

function callerAllowed(contract: AnyOperation, caller: Caller | undefined): boolean {
  switch (contract.access) {
    case 'public':
    case 'internal':
      return true;
    case 'admin':
      return caller?.kind === 'admin';
    case 'signed':
      return caller?.kind === 'admin' || caller?.kind === 'temporary';
  }
}
