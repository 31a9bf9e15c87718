import { ServiceError } from '@idfed/messaging';
import { IamErrors } from './iam-errors';

/**
 * Input checks worded like IAM's and STS's own ("1 validation error detected: Value 'x' at
 * 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: ..."),
 * answered as ValidationError with every violation listed, as AWS does.
 */
export class RequestValidator {
  private readonly violations: string[] = [];

  constructor(private readonly body: Record<string, unknown>) {}

  static of(body: unknown): RequestValidator {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw IamErrors.validation('The request must be a set of parameters.');
    }
    return new RequestValidator(body as Record<string, unknown>);
  }

  private member(field: string): string {
    return field.charAt(0).toLowerCase() + field.slice(1);
  }

  private fail(field: string, shown: string | undefined, constraint: string): void {
    this.violations.push(
      `Value ${shown === undefined ? 'null' : `'${shown}'`} at '${this.member(field)}' failed to satisfy constraint: ${constraint}`,
    );
  }

  private checkString(
    field: string,
    value: unknown,
    opts: { min?: number; max?: number; pattern?: RegExp; secret?: boolean },
  ): void {
    if (typeof value !== 'string') {
      this.fail(field, '***', 'Member must be a string');
      return;
    }
    // Long or secret values are not echoed: the message must stay small and leak nothing.
    const shown = opts.secret || value.length > 256 ? '***' : value;
    if (opts.min !== undefined && value.length < opts.min) {
      this.fail(field, shown, `Member must have length greater than or equal to ${opts.min}`);
    } else if (opts.max !== undefined && value.length > opts.max) {
      this.fail(field, shown, `Member must have length less than or equal to ${opts.max}`);
    } else if (opts.pattern && !opts.pattern.test(value)) {
      this.fail(field, shown, `Member must satisfy regular expression pattern: ${patternText(opts.pattern)}`);
    }
  }

  string(
    field: string,
    opts: { required?: boolean; min?: number; max?: number; pattern?: RegExp; secret?: boolean } = {},
  ): this {
    const value = this.body[field];
    if (value === undefined || value === null) {
      if (opts.required) this.fail(field, undefined, 'Member must not be null');
      return this;
    }
    this.checkString(field, value, opts);
    return this;
  }

  integer(field: string, opts: { required?: boolean; min?: number; max?: number } = {}): this {
    const value = this.body[field];
    if (value === undefined || value === null) {
      if (opts.required) this.fail(field, undefined, 'Member must not be null');
      return this;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.fail(field, String(value).slice(0, 64), 'Member must be an integer');
    } else if (opts.min !== undefined && value < opts.min) {
      this.fail(field, String(value), `Member must have value greater than or equal to ${opts.min}`);
    } else if (opts.max !== undefined && value > opts.max) {
      this.fail(field, String(value), `Member must have value less than or equal to ${opts.max}`);
    }
    return this;
  }

  /** A list of strings, each checked like string(). */
  stringList(
    field: string,
    item: { min?: number; max?: number; pattern?: RegExp },
    opts: { maxItems?: number } = {},
  ): this {
    const value = this.body[field];
    if (value === undefined || value === null) return this;
    if (!Array.isArray(value)) {
      this.fail(field, '***', 'Member must be a list');
      return this;
    }
    if (opts.maxItems !== undefined && value.length > opts.maxItems) {
      this.fail(field, undefined, `Member must have length less than or equal to ${opts.maxItems}`);
    }
    value.forEach((v, i) => this.checkString(`${field}.${i + 1}.member`, v, item));
    return this;
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

  /** Throws ValidationError listing every violation found. */
  check(error: (message: string) => ServiceError = IamErrors.validation): void {
    const n = this.violations.length;
    if (n === 0) return;
    throw error(`${n} validation error${n > 1 ? 's' : ''} detected: ${this.violations.join('; ')}`);
  }
}

/** The regular expression as AWS prints it: its source without the anchors idfed adds. */
function patternText(pattern: RegExp): string {
  return pattern.source.replace(/^\^\(\?:/, '').replace(/\)\$$/, '');
}

/** Patterns from botocore's IAM and STS models, anchored. */
export const Patterns = {
  roleName: /^(?:[\w+=,.@-]+)$/,
  policyName: /^(?:[\w+=,.@-]+)$/,
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
