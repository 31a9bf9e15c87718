import { internalOperation } from '../operations';

const svc = 'credential-vending' as const;

/**
 * One signed gRPC call's id, to be accepted once across every gRPC gateway replica (ADR 0050).
 * `Digest` is the hex SHA-256 of `<access key id>/<idfed-call-id>`: fixed length, and the call id
 * the caller chose is not stored; `ExpiresAt` is when the call's signature stops verifying.
 */
export interface CallIdClaim {
  Digest: string;
  ExpiresAt: string;
}

export interface ClaimCallIdsRequest {
  Claims: CallIdClaim[];
}

/** The indexes (into `Claims`) of the ids already claimed: those calls are replays. */
export interface ClaimCallIdsResult {
  Replayed: number[];
}

/** Bus-only operations of credential vending for the gRPC gateway's replay protection. */
export const CallIdOperations = {
  ClaimGrpcCallIds: internalOperation<ClaimCallIdsRequest, ClaimCallIdsResult>()(svc, 'ClaimGrpcCallIds'),
} as const;
