import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { IamArns } from '../common/arns';
import { IamErrors } from '../common/iam-errors';
import { RequestValidator } from '../common/validate';
import { ManagedPolicyEntity } from '../database/entities';
import { ManagedPoliciesRepository } from './managed-policies.repository';

/** Finds customer managed policies by ARN: for attachments, GetPolicy/DeletePolicy and session policies. */
@Injectable()
export class ManagedPolicyLookup {
  constructor(
    @Inject(ManagedPoliciesRepository) private readonly policies: ManagedPoliciesRepository,
    @Inject(IamArns) private readonly arns: IamArns,
  ) {}

  async requireByArn(policyArn: string, tx?: Transaction, lock = false): Promise<ManagedPolicyEntity> {
    RequestValidator.of({ PolicyArn: policyArn })
      .string('PolicyArn', { required: true, min: 20, max: 2048 })
      .check();
    if (policyArn.startsWith('arn:aws:iam::aws:policy/')) {
      // AWS managed policies are AWS's own documents; idfed does not ship copies of them.
      throw IamErrors.noSuchPolicy(policyArn);
    }
    if (!this.arns.parsePolicy(policyArn)) throw IamErrors.invalidInput(`ARN ${policyArn} is not valid.`);
    const policy = await this.policies.findByArn(policyArn, tx, lock);
    if (!policy) throw IamErrors.noSuchPolicy(policyArn);
    return policy;
  }

  /** The default version's document of each ARN, in order; NoSuchEntity naming the first unknown one. */
  async documents(policyArns: readonly string[]): Promise<string[]> {
    if (policyArns.length === 0) return [];
    const rows = await this.policies.defaultDocuments(policyArns);
    const byArn = new Map(rows.map((r) => [r.arn, r.document]));
    return policyArns.map((arn) => {
      const document = byArn.get(arn);
      if (document === undefined) throw IamErrors.noSuchPolicy(arn);
      return document;
    });
  }
}
