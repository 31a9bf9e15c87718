/**
 * Input checks worded like AWS's own ("1 validation error detected: Value null at 'username'
 * failed to satisfy constraint: Member must not be null"), so clients and people see the message
 * they would see against AWS. All violations are collected before failing, as AWS does.
 */
export class RequestValidator {
  private readonly violations: string[] = [];

  private constructor(
    private readonly body: Record<string, unknown>,
    private readonly invalid: (message: string) => Error,
  ) {}

  /** `invalid` builds the service's own InvalidParameterException from the message. */
  static of(body: unknown, invalid: (message: string) => Error): RequestValidator {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw invalid('Request body must be a JSON object.');
    }
    return new RequestValidator(body as Record<string, unknown>, invalid);
  }

  private member(field: string): string {
    return field.charAt(0).toLowerCase() + field.slice(1);
  }

  private fail(field: string, value: unknown, constraint: string): void {
    const shown =
      value === undefined || value === null ? 'null' : `'${typeof value === 'string' ? value : '***'}'`;
    this.violations.push(
      `Value ${shown} at '${this.member(field)}' failed to satisfy constraint: ${constraint}`,
    );
  }

  string(
    field: string,
    opts: { required?: boolean; min?: number; max?: number; pattern?: RegExp; secret?: boolean } = {},
  ): this {
    const value = this.body[field];
    if (value === undefined || value === null) {
      if (opts.required) this.fail(field, value, 'Member must not be null');
      return this;
    }
    const shown = opts.secret ? '***' : value;
    if (typeof value !== 'string') {
      this.fail(field, '***', 'Member must be a string');
    } else if (opts.min !== undefined && value.length < opts.min) {
      this.fail(field, shown, `Member must have length greater than or equal to ${opts.min}`);
    } else if (opts.max !== undefined && value.length > opts.max) {
      this.fail(field, shown, `Member must have length less than or equal to ${opts.max}`);
    } else if (opts.pattern && !opts.pattern.test(value)) {
      this.fail(field, shown, `Member must satisfy regular expression pattern: ${opts.pattern.source}`);
    }
    return this;
  }

  integer(field: string, opts: { required?: boolean; min?: number; max?: number } = {}): this {
    const value = this.body[field];
    if (value === undefined || value === null) {
      if (opts.required) this.fail(field, value, 'Member must not be null');
      return this;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.fail(field, String(value), 'Member must be an integer');
    } else if (opts.min !== undefined && value < opts.min) {
      this.fail(field, String(value), `Member must have value greater than or equal to ${opts.min}`);
    } else if (opts.max !== undefined && value > opts.max) {
      this.fail(field, String(value), `Member must have value less than or equal to ${opts.max}`);
    }
    return this;
  }

  boolean(field: string): this {
    const value = this.body[field];
    if (value !== undefined && value !== null && typeof value !== 'boolean') {
      this.fail(field, String(value), 'Member must be a boolean');
    }
    return this;
  }

  enumList(field: string, allowed: readonly string[]): this {
    const value = this.body[field];
    if (value === undefined || value === null) return this;
    if (!Array.isArray(value) || value.some((v) => !allowed.includes(v as string))) {
      this.fail(
        field,
        JSON.stringify(value),
        `Member must satisfy constraint: [Member must satisfy enum value set: [${allowed.join(', ')}]]`,
      );
    }
    return this;
  }

  oneOf(field: string, allowed: readonly string[], required = false): this {
    const value = this.body[field];
    if (value === undefined || value === null) {
      if (required) this.fail(field, value, 'Member must not be null');
      return this;
    }
    if (!allowed.includes(value as string)) {
      this.fail(field, String(value), `Member must satisfy enum value set: [${allowed.join(', ')}]`);
    }
    return this;
  }

  attributeList(field: string): this {
    const value = this.body[field];
    if (value === undefined || value === null) return this;
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
    const value = this.body[field];
    if (value === undefined || value === null) {
      if (opts.required) this.fail(field, value, 'Member must not be null');
      return this;
    }
    const ok =
      typeof value === 'object' &&
      !Array.isArray(value) &&
      Object.values(value as object).every((v) => typeof v === 'string');
    if (!ok) this.fail(field, '***', 'Member must be a map of strings');
    else if (opts.maxEntries !== undefined && Object.keys(value as object).length > opts.maxEntries) {
      this.fail(field, '***', `Member must have length less than or equal to ${opts.maxEntries}`);
    }
    return this;
  }

  stringList(field: string, opts: { required?: boolean; max?: number } = {}): this {
    const value = this.body[field];
    if (value === undefined || value === null) {
      if (opts.required) this.fail(field, value, 'Member must not be null');
    } else if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
      this.fail(field, '***', 'Member must be a list of strings');
    } else if (opts.max !== undefined && value.length > opts.max) {
      this.fail(field, '***', `Member must have length less than or equal to ${opts.max}`);
    }
    return this;
  }

  /** Throws the service's InvalidParameterException listing every violation found. */
  check(): void {
    const n = this.violations.length;
    if (n === 0) return;
    throw this.invalid(`${n} validation error${n > 1 ? 's' : ''} detected: ${this.violations.join('; ')}`);
  }
}
