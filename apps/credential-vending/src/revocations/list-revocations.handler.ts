import { Inject, Injectable, Optional } from '@nestjs/common';
import { CredentialVendingOperations, ListRevocationsResult } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { REVOCATION_RELEVANCE_MS } from './revocation-window';

/** The revocations that can still refuse a session, for the gateways' in-memory list. */
@Injectable()
export class ListRevocationsHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListRevocations
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {}

  async execute(): Promise<ListRevocationsResult> {
    const now = this.now();
    const rows = await this.dataSource.query<{ role_arn: string; revoked_before: Date }[]>(
      `SELECT role_arn, revoked_before FROM credential_vending.revocations WHERE revoked_before > $1 ORDER BY role_arn`,
      [new Date(now - REVOCATION_RELEVANCE_MS)],
    );
    return {
      Revocations: rows.map((r) => ({ RoleArn: r.role_arn, RevokedBefore: r.revoked_before.toISOString() })),
      AsOf: new Date(now).toISOString(),
    };
  }
}
