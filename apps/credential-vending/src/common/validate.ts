import { RequestValidator as AwsRequestValidator } from '@idfed/aws-protocol';
import { IamErrors } from './iam-errors';

/**
 * The AWS-worded validator (libs/aws-protocol) answering IAM's and STS's ValidationError, plus the
 * IAM tag list check.
 */
export class RequestValidator extends AwsRequestValidator {
  static override of(body: unknown): RequestValidator {
    return new RequestValidator(
      AwsRequestValidator.asObject(body, IamErrors.validation),
      IamErrors.validation,
    );
  }

  /** Tags: at most 50 {Key, Value} pairs with IAM's character set, keys unique. */
  tags(field = 'Tags'): this {
    const value = this.body[field];
    if (value === undefined || value === null) return this;
    if (!Array.isArray(value)) {
      this.fail(field, '***', 'Member must be a list');
      return this;
    }
    if (value.length > 50) this.fail(field, undefined, 'Member must have length less than or equal to 50');
    const keys = new Set<string>();
    value.forEach((tag, i) => {
      const t = (typeof tag === 'object' && tag !== null ? tag : {}) as Record<string, unknown>;
      this.checkString(`${field}.${i + 1}.member.key`, t.Key, { min: 1, max: 128, pattern: Patterns.tagKey });
      this.checkString(`${field}.${i + 1}.member.value`, t.Value ?? '', {
        max: 256,
        pattern: Patterns.tagValue,
      });
      if (typeof t.Key === 'string') {
        const key = t.Key.toLowerCase();
        if (keys.has(key)) this.fail(field, undefined, 'Duplicate tag keys found.');
        keys.add(key);
      }
    });
    return this;
  }
}

/** Patterns from botocore's IAM and STS models, anchored. */
export const Patterns = {
  roleName: /^(?:[\w+=,.@-]+)$/,
  userName: /^(?:[\w+=,.@-]+)$/,
  accessKeyId: /^(?:[\w]+)$/,
  policyName: /^(?:[\w+=,.@-]+)$/,
  policyVersionId: /^(?:v[1-9][0-9]*(\.[A-Za-z0-9-]*)?)$/,
  path: /^(?:(\u002F)|(\u002F[\u0021-\u007E]+\u002F))$/,
  policyPath: /^(?:((\/[A-Za-z0-9.,+@=_-]+)*)\/)$/,
  pathPrefix: /^(?:\u002F[\u0021-\u007F]*)$/,
  // eslint-disable-next-line no-control-regex -- IAM's own character set includes tab, LF and CR
  policyDocument: /^(?:[\u0009\u000A\u000D\u0020-\u00FF]+)$/,
  // eslint-disable-next-line no-control-regex -- as above
  description: /^(?:[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*)$/,
  roleSessionName: /^(?:[\w+=,.@-]*)$/,
  sourceIdentity: /^(?:[\w+=,.@-]*)$/,
  externalId: /^(?:[\w+=,.@:/-]*)$/,
  thumbprint: /^(?:[0-9A-Fa-f]{40})$/,
  tagKey: /^(?:[\p{L}\p{Z}\p{N}_.:/=+\-@]+)$/u,
  tagValue: /^(?:[\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u,
};
