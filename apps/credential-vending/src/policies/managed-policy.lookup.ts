import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { IamArns } from '../common/arns';
import { IamErrors } from '../common/iam-errors';
import { RequestValidator } from '../common/validate';
import { ManagedPolicyEntity } from '../database/entities';

/** Finds customer managed policies by ARN: for attachments, GetPolicy/DeletePolicy and session policies. */
@Injectable()
export class ManagedPolicyLookup {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(IamArns) private readonly arns: IamArns,
  ) {}

  async requireByArn(
    policyArn: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<ManagedPolicyEntity> {
    RequestValidator.of({ PolicyArn: policyArn })
      .string('PolicyArn', { required: true, min: 20, max: 2048 })
      .check();
    if (policyArn.startsWith('arn:aws:iam::aws:policy/')) {
      // AWS managed policies are AWS's own documents; idfed does not ship copies of them.
      throw IamErrors.noSuchPolicy(policyArn);
    }
    if (!this.arns.parsePolicy(policyArn)) throw IamErrors.invalidInput(`ARN ${policyArn} is not valid.`);
    const policy = await manager.findOne(ManagedPolicyEntity, {
      where: { arn: policyArn },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!policy) throw IamErrors.noSuchPolicy(policyArn);
    return policy;
  }

  /** The default version's document of each ARN, in order; NoSuchEntity naming the first unknown one. */
  async documents(policyArns: readonly string[]): Promise<string[]> {
    if (policyArns.length === 0) return [];
    const rows = await this.dataSource.query<{ arn: string; document: string }[]>(
      `SELECT p.arn, v.document FROM credential_vending.managed_policies p
         JOIN credential_vending.managed_policy_versions v
           ON v.policy_id = p.policy_id AND v.version_id = p.default_version_id
        WHERE p.arn = ANY($1::text[])`,
      [policyArns],
    );
    const byArn = new Map(rows.map((r) => [r.arn, r.document]));
    return policyArns.map((arn) => {
      const document = byArn.get(arn);
      if (document === undefined) throw IamErrors.noSuchPolicy(arn);
      return document;
    });
  }
}
