import { AwsError } from '../aws.error';
import { Shape, ServiceShapes } from './shape-model';
import { violationText, violationsMessage } from './violation';

/** How the request reached idfed: JSON members are typed, Query members are all text. */
export type WireProtocol = 'json' | 'query';

export interface ShapeErrors {
  /** Constraint violations: InvalidParameterException (user pools, Sync), ValidationException (Cognito Identity), ValidationError (STS, IAM). */
  invalid: string;
  /** A value of the wrong type: SerializationException (JSON), the constraint error on Query. */
  wrongType: string;
}

const INT32 = { min: -2147483648, max: 2147483647 };

/**
 * Checks one request against its AWS input shape and returns the request as the service should see
 * it: `null` members dropped (AWS treats them as absent), Query text turned into the numbers,
 * booleans and empty lists the shape declares. Members the shape does not know are passed on
 * untouched, as AWS ignores them. A wrong type fails at once, as a deserializer does; constraint
 * violations are all collected and reported together in AWS's wording.
 */
export class ShapeValidator {
  private readonly violations: string[] = [];

  private constructor(
    private readonly model: ServiceShapes,
    private readonly protocol: WireProtocol,
    private readonly errors: ShapeErrors,
  ) {}

  static validate(
    model: ServiceShapes,
    operation: string,
    input: Record<string, unknown>,
    protocol: WireProtocol,
    errors: ShapeErrors,
  ): Record<string, unknown> {
    const inputShape = model.operations[operation];
    if (!inputShape) return input;
    const validator = new ShapeValidator(model, protocol, errors);
    const output = validator.structure(model.shapes[inputShape], input, '') as Record<string, unknown>;
    const message = violationsMessage(validator.violations);
    if (message) throw new AwsError(errors.invalid, message);
    return output;
  }

  /**
   * Cognito takes a null value in `AuthParameters` / `ChallengeResponses` as an absent one:
   * amazon-cognito-identity-js sends `DEVICE_KEY: null` once its cached device was forgotten, and
   * signs in against AWS. Such a value is dropped; other maps keep AWS's refusal.
   */
  private nullMeansAbsent(shape: Shape): boolean {
    return (
      this.model.service === 'cognito-idp' &&
      (shape === this.model.shapes.AuthParametersType || shape === this.model.shapes.ChallengeResponsesType)
    );
  }

  private shape(name: string): Shape {
    return this.model.shapes[name];
  }

  private value(shape: Shape, value: unknown, path: string): unknown {
    switch (shape.type) {
      case 'structure':
        return this.structure(shape, value, path);
      case 'list':
        return this.list(shape, value, path);
      case 'map':
        return this.map(shape, value, path);
      case 'string':
        return this.string(shape, value, path);
      case 'integer':
      case 'long':
      case 'double':
      case 'float':
        return this.number(shape, value, path);
      case 'boolean':
        return this.boolean(value, path);
      case 'timestamp':
        return this.timestamp(value, path);
      case 'blob':
        return this.blob(shape, value, path);
    }
  }

  private structure(shape: Shape, value: unknown, path: string): unknown {
    if (!isPlainObject(value)) this.wrongType(value, 'structure', path);
    const input = value;
    const output: Record<string, unknown> = {};
    for (const [name, member] of Object.entries(input)) {
      // A JSON `"__proto__"` member is data, but assigning it would replace the prototype.
      if (name === '__proto__') continue;
      const memberShape =
        shape.members && Object.hasOwn(shape.members, name) ? shape.members[name] : undefined;
      if (member === null && memberShape) continue;
      output[name] = memberShape ? this.value(this.shape(memberShape), member, join(path, name)) : member;
    }
    for (const name of shape.required ?? []) {
      if (output[name] === undefined) {
        this.violations.push(violationText(join(path, name), { shown: 'null' }, 'Member must not be null'));
      }
    }
    return output;
  }

  private list(shape: Shape, value: unknown, path: string): unknown {
    // Query sends an empty list as the bare name with an empty value.
    if (this.protocol === 'query' && value === '') return [];
    if (!Array.isArray(value)) this.wrongType(value, 'list', path);
    const items = value as unknown[];
    this.size(shape, items.length, items, path);
    const itemShape = this.shape(shape.member!);
    return items.map((item, i) => {
      const itemPath = `${path}.${i + 1}.member`;
      if (item === null || item === undefined) {
        this.violations.push(violationText(itemPath, { shown: 'null' }, 'Member must not be null'));
        return item;
      }
      return this.value(itemShape, item, itemPath);
    });
  }

  private map(shape: Shape, value: unknown, path: string): unknown {
    if (!isPlainObject(value)) this.wrongType(value, 'map', path);
    const input = value;
    const entries = Object.entries(input).filter(([key]) => key !== '__proto__');
    this.size(shape, entries.length, undefined, path);
    const keyShape = this.shape(shape.key!);
    const valueShape = this.shape(shape.value!);
    const output: Record<string, unknown> = {};
    for (const [key, item] of entries) {
      this.string(keyShape, key, path, 'Map keys must satisfy constraint: ');
      if (item === null) {
        if (!this.nullMeansAbsent(shape)) {
          this.violations.push(violationText(path, { shown: 'null' }, 'Map value must not be null'));
        }
        continue;
      }
      output[key] =
        valueShape.type === 'string'
          ? this.string(valueShape, item, path, 'Map value must satisfy constraint: ')
          : this.value(valueShape, item, `${path}.${key}`);
    }
    return output;
  }

  /** `prefix` words a constraint on a map's keys or values the way AWS does. */
  private string(shape: Shape, value: unknown, path: string, prefix = ''): unknown {
    if (typeof value !== 'string') this.wrongType(value, 'string', path);
    const text = value;
    const shown = { value: text, sensitive: shape.sensitive };
    const fail = (constraint: string) =>
      this.violations.push(violationText(path, shown, prefix ? `${prefix}[${constraint}]` : constraint));
    if (shape.min !== undefined && text.length < shape.min) {
      fail(`Member must have length greater than or equal to ${shape.min}`);
    } else if (shape.max !== undefined && text.length > shape.max) {
      fail(`Member must have length less than or equal to ${shape.max}`);
    } else if (shape.enum && !shape.enum.includes(text)) {
      fail(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
    } else if (shape.pattern !== undefined && !compiled(shape).test(text)) {
      fail(`Member must satisfy regular expression pattern: ${shape.pattern}`);
    } else if (!isStorableText(text)) {
      // AWS stores any Unicode; PostgreSQL refuses NUL and unpaired surrogates, so idfed cannot.
      fail('Member must not contain NUL characters or unpaired surrogates');
    }
    return text;
  }

  private number(shape: Shape, value: unknown, path: string): unknown {
    let number = value;
    if (this.protocol === 'query' && typeof value === 'string' && /^-?\d{1,19}(\.\d+)?$/.test(value)) {
      number = Number(value);
    }
    if (typeof number !== 'number' || !Number.isFinite(number)) this.wrongType(value, shape.type, path);
    const n = number;
    const integral = shape.type === 'integer' || shape.type === 'long';
    const range =
      shape.type === 'integer' ? INT32 : { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };
    if (integral && (!Number.isInteger(n) || n < range.min || n > range.max))
      this.wrongType(value, shape.type, path);
    const shown = { value: String(n) };
    if (shape.min !== undefined && n < shape.min) {
      this.violations.push(
        violationText(path, shown, `Member must have value greater than or equal to ${shape.min}`),
      );
    } else if (shape.max !== undefined && n > shape.max) {
      this.violations.push(
        violationText(path, shown, `Member must have value less than or equal to ${shape.max}`),
      );
    }
    return n;
  }

  private boolean(value: unknown, path: string): unknown {
    if (this.protocol === 'query' && (value === 'true' || value === 'false')) return value === 'true';
    if (typeof value !== 'boolean') this.wrongType(value, 'boolean', path);
    return value;
  }

  private timestamp(value: unknown, path: string): unknown {
    const ok =
      this.protocol === 'query'
        ? typeof value === 'string' && !Number.isNaN(Date.parse(value))
        : typeof value === 'number' && Number.isFinite(value);
    if (!ok) this.wrongType(value, 'timestamp', path);
    return value;
  }

  private blob(shape: Shape, value: unknown, path: string): unknown {
    if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value))
      this.wrongType(value, 'blob', path);
    this.size(shape, Buffer.byteLength(value, 'base64'), undefined, path);
    return value;
  }

  private size(shape: Shape, length: number, items: unknown[] | undefined, path: string): void {
    const shown = { value: items ? listText(items) : undefined };
    if (shape.min !== undefined && length < shape.min) {
      this.violations.push(
        violationText(path, shown, `Member must have length greater than or equal to ${shape.min}`),
      );
    } else if (shape.max !== undefined && length > shape.max) {
      this.violations.push(
        violationText(path, shown, `Member must have length less than or equal to ${shape.max}`),
      );
    }
  }

  private wrongType(value: unknown, expected: string, path: string): never {
    if (this.protocol === 'json')
      throw new AwsError(this.errors.wrongType, serializationMessage(value, expected));
    throw new AwsError(
      this.errors.wrongType,
      violationsMessage([
        violationText(
          path,
          { value: typeof value === 'string' ? value : undefined },
          `Member must be ${article(expected)}`,
        ),
      ])!,
    );
  }
}

function join(path: string, member: string): string {
  return path ? `${path}.${member}` : member;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text PostgreSQL can hold: no NUL, and UTF-16 that is well formed (no lone surrogate). */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const PATTERNS = new WeakMap<Shape, RegExp>();

function compiled(shape: Shape): RegExp {
  let re = PATTERNS.get(shape);
  if (!re) {
    re = new RegExp(`^(?:${shape.pattern})$`, shape.patternFlags ?? 'u');
    PATTERNS.set(shape, re);
  }
  return re;
}

function listText(items: unknown[]): string | undefined {
  return items.every((i) => typeof i === 'string') ? `[${items.join(', ')}]` : undefined;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'String',
  integer: 'Integer',
  long: 'Long',
  double: 'Double',
  float: 'Float',
  boolean: 'Boolean',
  timestamp: 'Date',
  blob: 'ByteBuffer',
};

/**
 * What AWS's JSON deserializer says when a value has the wrong type ("Start of structure or map
 * found where not expected.", "NUMBER_VALUE can not be converted to a String", "Expected map or
 * null"), so a client sees the SerializationException it would see from AWS.
 */
function serializationMessage(value: unknown, expected: string): string {
  if (Array.isArray(value)) return 'Start of list found where not expected';
  if (typeof value === 'object' && value !== null)
    return 'Start of structure or map found where not expected.';
  if (expected === 'structure' || expected === 'map') return 'Expected map or null';
  if (expected === 'list') return 'Expected list or null';
  const token =
    typeof value === 'string'
      ? 'STRING_VALUE'
      : typeof value === 'number'
        ? 'NUMBER_VALUE'
        : value === true
          ? 'TRUE_VALUE'
          : 'FALSE_VALUE';
  return `${token} can not be converted to ${article(TYPE_NAMES[expected] ?? expected)}`;
}

function article(noun: string): string {
  return `${/^[aeiouAEIOU]/.test(noun) ? 'an' : 'a'} ${noun}`;
}
