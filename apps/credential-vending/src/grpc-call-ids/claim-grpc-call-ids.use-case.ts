import { Inject, Injectable, Optional } from '@nestjs/common';
import { ClaimCallIdsRequest, ClaimCallIdsResult, CredentialVendingOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Clock, CLOCK } from '../common/clock';
import { GrpcCallIdsRepository } from './grpc-call-ids.repository';

/** The longest a claim is kept: a signature verifies for at most 5 minutes after its date, plus skew. */
const MAX_KEEP_MS = 15 * 60_000;
const DIGEST = /^[0-9a-f]{64}$/;

/**
 * ClaimGrpcCallIds (bus only, ADR 0050): the gRPC gateway replicas record each signed call's id
 * here before they run it; an id recorded before, by any replica, is answered as replayed.
 * Expired ids are swept as claims come in.
 */
@Injectable()
export class ClaimGrpcCallIdsUseCase implements OperationHandler<
  typeof CredentialVendingOperations.ClaimGrpcCallIds
> {
  constructor(
    @Inject(GrpcCallIdsRepository) private readonly callIds: GrpcCallIdsRepository,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {}

  async execute(request: ClaimCallIdsRequest): Promise<ClaimCallIdsResult> {
    const now = this.now();
    const claims = (request.Claims ?? []).map((c) => {
      const expiresAt = Date.parse(c.ExpiresAt);
      if (!DIGEST.test(c.Digest) || !Number.isFinite(expiresAt))
        throw new Error('ClaimGrpcCallIds: a claim is not a SHA-256 digest with a time');
      return {
        digest: Buffer.from(c.Digest, 'hex'),
        expiresAt: new Date(Math.min(expiresAt, now + MAX_KEEP_MS)),
      };
    });
    await this.callIds.sweep(new Date(now));
    const inserted = await this.callIds.claim(claims);
    // Within one batch, the first of two equal digests is the one inserted.
    const firstIndex = new Map<string, number>();
    const replayed: number[] = [];
    claims.forEach((c, i) => {
      const hex = c.digest.toString('hex');
      if (!inserted.has(hex) || firstIndex.has(hex)) replayed.push(i);
      else firstIndex.set(hex, i);
    });
    return { Replayed: replayed };
  }
}
