import { Inject, Injectable, Optional } from '@nestjs/common';
import { CredentialVendingOperations, ListRevocationsResult } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Clock, CLOCK } from '../common/clock';
import { RevocationsRepository } from './revocations.repository';
import { REVOCATION_RELEVANCE_MS } from './revocation-window';

/** The revocations that can still refuse a session, for the gateways' in-memory list. */
@Injectable()
export class ListRevocationsHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListRevocations
> {
  constructor(
    @Inject(RevocationsRepository) private readonly revocations: RevocationsRepository,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {}

  async execute(): Promise<ListRevocationsResult> {
    const now = this.now();
    const live = await this.revocations.later(new Date(now - REVOCATION_RELEVANCE_MS));
    return {
      Revocations: live.map((r) => ({ RoleArn: r.roleArn, RevokedBefore: r.revokedBefore.toISOString() })),
      AsOf: new Date(now).toISOString(),
    };
  }
}
