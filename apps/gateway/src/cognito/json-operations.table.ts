import type { AwsApi } from '@idfed/aws-protocol';
import { AnyOperation, OPERATION_CATALOG } from '@idfed/contracts';

/** One JSON operation the gateway forwards: the bus command, and whether the admin key must sign it. */
export interface JsonOperation {
  command: AnyOperation;
  signed: boolean;
  /** SigV4 service name in the credential scope of signed requests. */
  signingName: string;
  /** The AWS API whose published shapes the request is validated against. */
  api: AwsApi;
}

/** `<X-Amz-Target service prefix>.<operation>` -> the operation, from the catalog of every operation. */
const JSON_OPERATIONS: ReadonlyMap<string, JsonOperation> = new Map(
  OPERATION_CATALOG.flatMap((op) => {
    const s = op.surface;
    if (s.protocol !== 'json') return [];
    // Only `admin` and `public` reach a JSON API: the contract's types allow nothing else there.
    const entry: JsonOperation = {
      command: op,
      signed: op.access !== 'public',
      signingName: s.api,
      api: s.api,
    };
    return [[`${s.targetPrefix}.${op.name}`, entry] as const];
  }),
);

/** Undefined for an unknown prefix or operation. */
export function findJsonOperation(servicePrefix: string, operation: string): JsonOperation | undefined {
  return JSON_OPERATIONS.get(`${servicePrefix}.${operation}`);
}
