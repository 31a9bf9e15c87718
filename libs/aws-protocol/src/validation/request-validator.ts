import { violationText, violationsMessage } from './violation';

/**
 * Input checks worded like AWS's own ("1 validation error detected: Value null at 'username'
 * failed to satisfy constraint: Member must not be null"), so clients and people see the message
 * they would see against AWS. All violations are collected before failing, as AWS does. Long or
 * secret values are never echoed: a message stays small and leaks nothing.
 */
export class RequestValidator {
  private readonly violations: string[] = [];

  protected constructor(
    protected readonly body: Record<string, unknown>,
    private readonly invalid: (message: string) => Error,
  ) {}

  /** `invalid` builds the service's own error (InvalidParameterException, ValidationError) from the message. */
  static of(body: unknown, invalid: (message: string) => Error): RequestValidator {
    return new RequestValidator(RequestValidator.asObject(body, invalid), invalid);
  }

  protected static asObject(body: unknown, invalid: (message: string) => Error): Record<string, unknown> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw invalid('The request must be a JSON object of parameters.');
    }
    return body as Record<string, unknown>;
  }

  /**
   * Records a violation; `shown` undefined prints `null`, as AWS does for a missing member, and
   * `'***'` leaves a secret or unprintable value out, as AWS does for sensitive members.
   */
  protected fail(field: string, shown: string | undefined, constraint: string): void {
    this.violations.push(
      violationText(
        field,
        shown === undefined ? { shown: 'null' } : { value: shown, sensitive: shown === '***' },
        constraint,
      ),
    );
  }

  protected checkString(
    field: string,
    value: unknown,
    opts: { min?: number; max?: number; pattern?: RegExp; secret?: boolean },
  ): void {
    if (typeof value !== 'string') {
      this.fail(field, '***', 'Member must be a string');
      return;
    }
    const shown = opts.secret || value.length > 256 ? '***' : value;
    if (opts.min !== undefined && value.length < opts.min) {
      this.fail(field, shown, `Member must have length greater than or equal to ${opts.min}`);
    } else if (opts.max !== undefined && value.length > opts.max) {
      this.fail(field, shown, `Member must have length less than or equal to ${opts.max}`);
    } else if (opts.pattern && !opts.pattern.test(value)) {
      this.fail(field, shown, `Member must satisfy regular expression pattern: ${patternText(opts.pattern)}`);
    }
  }

  private missing(field: string, required: boolean | undefined): boolean {
    const value = this.body[field];
    if (value !== undefined && value !== null) return false;
    if (required) this.fail(field, undefined, 'Member must not be null');
    return true;
  }

  string(
    field: string,
    opts: { required?: boolean; min?: number; max?: number; pattern?: RegExp; secret?: boolean } = {},
  ): this {
    if (!this.missing(field, opts.required)) this.checkString(field, this.body[field], opts);
    return this;
  }

  integer(field: string, opts: { required?: boolean; min?: number; max?: number } = {}): this {
    if (this.missing(field, opts.required)) return this;
    const value = this.body[field];
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.fail(field, String(value).slice(0, 64), 'Member must be an integer');
    } else if (opts.min !== undefined && value < opts.min) {
      this.fail(field, String(value), `Member must have value greater than or equal to ${opts.min}`);
    } else if (opts.max !== undefined && value > opts.max) {
      this.fail(field, String(value), `Member must have value less than or equal to ${opts.max}`);
    }
    return this;
  }

  boolean(field: string, required = false): this {
    if (!this.missing(field, required) && typeof this.body[field] !== 'boolean') {
      this.fail(field, String(this.body[field]).slice(0, 64), 'Member must be a boolean');
    }
    return this;
  }

  enumList(field: string, allowed: readonly string[]): this {
    if (this.missing(field, false)) return this;
    const value = this.body[field];
    if (!Array.isArray(value) || value.some((v) => !allowed.includes(v as string))) {
      this.fail(
        field,
        JSON.stringify(value).slice(0, 256),
        `Member must satisfy constraint: [Member must satisfy enum value set: [${allowed.join(', ')}]]`,
      );
    }
    return this;
  }

  oneOf(field: string, allowed: readonly string[], required = false): this {
    if (!this.missing(field, required) && !allowed.includes(this.body[field] as string)) {
      this.fail(
        field,
        String(this.body[field]).slice(0, 64),
        `Member must satisfy enum value set: [${allowed.join(', ')}]`,
      );
    }
    return this;
  }

  /** A list of {Name, Value} attributes, as Cognito's UserAttributes. */
  attributeList(field: string): this {
    if (this.missing(field, false)) return this;
    const value = this.body[field];
    const ok =
      Array.isArray(value) &&
      value.every(
        (a) =>
          typeof a === 'object' &&
          a !== null &&
          typeof (a as { Name?: unknown }).Name === 'string' &&
          ((a as { Value?: unknown }).Value === undefined ||
            typeof (a as { Value?: unknown }).Value === 'string'),
      );
    if (!ok) this.fail(field, '***', 'Member must be a list of {Name, Value} attributes');
    return this;
  }

  stringMap(field: string, opts: { required?: boolean; maxEntries?: number } = {}): this {
    if (this.missing(field, opts.required)) return this;
    const value = this.body[field];
    const ok =
      typeof value === 'object' &&
      !Array.isArray(value) &&
      Object.values(value as object).every((v) => typeof v === 'string');
    if (!ok) this.fail(field, '***', 'Member must be a map of strings');
    else if (opts.maxEntries !== undefined && Object.keys(value as object).length > opts.maxEntries) {
      this.fail(field, undefined, `Member must have length less than or equal to ${opts.maxEntries}`);
    }
    return this;
  }

  /** A list of strings; with `item`, each is checked like string() (members named `<field>.<n>.member`). */
  stringList(
    field: string,
    opts: {
      required?: boolean;
      maxItems?: number;
      item?: { min?: number; max?: number; pattern?: RegExp };
    } = {},
  ): this {
    if (this.missing(field, opts.required)) return this;
    const value = this.body[field];
    if (!Array.isArray(value)) {
      this.fail(field, '***', 'Member must be a list');
      return this;
    }
    if (opts.maxItems !== undefined && value.length > opts.maxItems) {
      this.fail(field, undefined, `Member must have length less than or equal to ${opts.maxItems}`);
    }
    value.forEach((v, i) => this.checkString(`${field}.${i + 1}.member`, v, opts.item ?? {}));
    return this;
  }

  /** Throws the service's error listing every violation found; `error` overrides it for one call. */
  check(error: (message: string) => Error = this.invalid): void {
    const message = violationsMessage(this.violations);
    if (message) throw error(message);
  }
}

/** The regular expression as AWS prints it: its source without the anchors idfed adds. */
function patternText(pattern: RegExp): string {
  return pattern.source
    .replace(/^\^\(\?:/, '')
    .replace(/\)\$$/, '')
    .replace(/^\^/, '')
    .replace(/\$$/, '');
}
