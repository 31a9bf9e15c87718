import { Type } from '@nestjs/common';
import { AnyOperation, CommandMeta, RequestOf, ResultOf } from '@idfed/contracts';

/**
 * What serves one operation: a Nest provider (`@Injectable()`) with one method. The payload arrives
 * checked against the operation's AWS shape at the gateway; the caller is in `meta`.
 */
export interface OperationHandler<C extends AnyOperation> {
  execute(request: RequestOf<C>, meta: CommandMeta): Promise<ResultOf<C>>;
}

/** One registry entry of a service: the operation's contract and the class that serves it. */
export interface OperationBinding {
  readonly contract: AnyOperation;
  readonly handler: Type<OperationHandler<AnyOperation>>;
}

/** Binds an operation to its handler; a handler whose types do not fit the contract does not compile. */
export function serve<C extends AnyOperation>(
  contract: C,
  handler: Type<OperationHandler<C>>,
): OperationBinding {
  return { contract, handler: handler as Type<OperationHandler<AnyOperation>> };
}
