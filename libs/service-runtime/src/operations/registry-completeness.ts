import { operationsOf, ServiceName } from '@idfed/contracts';
import { OperationBinding } from './operation-handler';

/**
 * A service's registry must serve exactly the operations the catalog gives the service, each once:
 * checked at start-up, so a contract without a handler (or a handler without a contract) stops the
 * service instead of answering "no handler" at run time.
 */
export function assertRegistryComplete(service: ServiceName, bindings: readonly OperationBinding[]): void {
  const expected = operationsOf(service).map((op) => op.pattern);
  const bound = bindings.map((b) => b.contract.pattern);
  const missing = expected.filter((p) => !bound.includes(p));
  const foreign = bound.filter((p) => !expected.includes(p));
  const twice = bound.filter((p, i) => bound.indexOf(p) !== i);
  if (missing.length || foreign.length || twice.length) {
    throw new Error(
      `${service} operation registry: ` +
        [
          missing.length ? `no handler for ${missing.join(', ')}` : '',
          foreign.length ? `not ${service}'s: ${foreign.join(', ')}` : '',
          twice.length ? `bound twice: ${twice.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; '),
    );
  }
}
