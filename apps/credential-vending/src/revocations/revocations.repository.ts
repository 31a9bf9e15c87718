import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';

/** A role's revocation: its sessions issued before `revokedBefore` are refused. */
export interface Revocation {
  roleArn: string;
  revokedBefore: Date;
}

/** Every query of the revocations aggregate (`credential_vending.revocations`, one row per role ARN). */
@Injectable()
export class RevocationsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Revokes the role's sessions issued before `before`, unless a later time is already recorded:
   * a revocation never moves back, even when two race. Answers the time now in force.
   */
  async raise(roleArn: string, before: Date, tx: Transaction): Promise<Date> {
    const [row] = await tx.query<{ revoked_before: Date }[]>(
      `INSERT INTO credential_vending.revocations (role_arn, revoked_before, updated_at)
       VALUES ($1, $2, now())
       ON CONFLICT (role_arn) DO UPDATE
         SET revoked_before = GREATEST(credential_vending.revocations.revoked_before, EXCLUDED.revoked_before),
             updated_at = now()
       RETURNING revoked_before`,
      [roleArn, before],
    );
    return row.revoked_before;
  }

  /** The revocations later than `since`, in role ARN order. */
  async later(since: Date): Promise<Revocation[]> {
    const rows = await this.dataSource.query<{ role_arn: string; revoked_before: Date }[]>(
      `SELECT role_arn, revoked_before FROM credential_vending.revocations WHERE revoked_before > $1 ORDER BY role_arn`,
      [since],
    );
    return rows.map((r) => ({ roleArn: r.role_arn, revokedBefore: r.revoked_before }));
  }
}
