import {
  NumberAttributeConstraintsType,
  SchemaAttributeType,
  StringAttributeConstraintsType,
} from '@idfed/contracts';
import { CognitoErrors } from '../common/cognito-errors';
import { CONFIGURABLE_STANDARD_NAMES, STANDARD_SCHEMA } from './standard-attributes';

/** Cognito's quota of custom attributes per pool (developer-only ones included). */
export const MAX_CUSTOM_ATTRIBUTES = 50;

const DATA_TYPES = ['String', 'Number', 'DateTime', 'Boolean'];
/** The longest string attribute Cognito stores; a String constraint may not go past it. */
const MAX_STRING_LENGTH = 2048;

/*
 * The checks of a user pool's `Schema` (CreateUserPool) and of AddCustomAttributes (ADR 0038).
 * Messages quoted from AWS's answers as moto's tests record them (getmoto/moto#4493) where such a
 * record exists; the others are idfed's wording, listed in docs/status.md.
 */

/** A custom attribute's stored name: `custom:<name>`, or `dev:custom:<name>` when developer-only. */
export function customAttributeName(attr: SchemaAttributeType): string {
  return `${attr.DeveloperOnlyAttribute ? 'dev:' : ''}custom:${attr.Name}`;
}

/** The bare name of a stored custom attribute (`custom:x` and `dev:custom:x` are both `x`). */
function bareName(stored: string): string | undefined {
  const m = /^(?:dev:)?custom:(.*)$/s.exec(stored);
  return m ? m[1] : undefined;
}

export function isCustomAttributeName(name: string): boolean {
  return bareName(name) !== undefined;
}

export function customAttributeCount(schema: SchemaAttributeType[]): number {
  return schema.filter((a) => isCustomAttributeName(a.Name ?? '')).length;
}

function dataTypeOf(attr: SchemaAttributeType): SchemaAttributeType['AttributeDataType'] {
  const type = attr.AttributeDataType;
  if (type !== undefined && !DATA_TYPES.includes(type)) {
    throw CognitoErrors.invalidParameter(
      `1 validation error detected: Value '${String(type)}' failed to satisfy constraint: Member must satisfy enum value set: [Boolean, Number, String, DateTime]`,
    );
  }
  return type;
}

/** A constraint's bound: a whole number of at least 0, given as a string as AWS's model has it. */
function bound(value: string | undefined, kind: string, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(value)) {
    throw CognitoErrors.invalidParameter(`Invalid ${kind} for schema attribute ${name}`);
  }
  return Number(value);
}

function stringConstraintsOf(
  name: string,
  given: StringAttributeConstraintsType,
): StringAttributeConstraintsType {
  const min = bound(given.MinLength, 'StringAttributeConstraints', name);
  const max = bound(given.MaxLength, 'StringAttributeConstraints', name);
  if ((min ?? 0) > MAX_STRING_LENGTH || (max ?? 0) > MAX_STRING_LENGTH) {
    throw CognitoErrors.invalidParameter(
      `user.${name}: String attributes cannot have a length of more than ${MAX_STRING_LENGTH}`,
    );
  }
  if (min !== undefined && max !== undefined && min > max) {
    throw CognitoErrors.invalidParameter(`user.${name}: Max length cannot be less than min length.`);
  }
  return {
    ...(given.MinLength !== undefined ? { MinLength: given.MinLength } : {}),
    ...(given.MaxLength !== undefined ? { MaxLength: given.MaxLength } : {}),
  };
}

function numberConstraintsOf(
  name: string,
  given: NumberAttributeConstraintsType,
): NumberAttributeConstraintsType {
  const min = bound(given.MinValue, 'NumberAttributeConstraints', name);
  const max = bound(given.MaxValue, 'NumberAttributeConstraints', name);
  if (min !== undefined && max !== undefined && min > max) {
    throw CognitoErrors.invalidParameter(`user.${name}: Max value cannot be less than min value.`);
  }
  return {
    ...(given.MinValue !== undefined ? { MinValue: given.MinValue } : {}),
    ...(given.MaxValue !== undefined ? { MaxValue: given.MaxValue } : {}),
  };
}

/**
 * A custom attribute as stored and answered: its constraints as given (only those of its type),
 * none invented; a String attribute given none answers `StringAttributeConstraints: {}`, as AWS
 * answers one.
 */
export function customAttributeOf(attr: SchemaAttributeType): SchemaAttributeType {
  const name = customAttributeName(attr);
  const type = dataTypeOf(attr);
  if (type === undefined) {
    throw CognitoErrors.invalidParameter(
      'Invalid AttributeDataType input, consider using the provided AttributeDataType enum.',
    );
  }
  if (attr.Required) {
    throw CognitoErrors.invalidParameter('Required custom attributes are not supported currently.');
  }
  return {
    Name: name,
    AttributeDataType: type,
    DeveloperOnlyAttribute: attr.DeveloperOnlyAttribute ?? false,
    Mutable: attr.Mutable ?? true,
    Required: false,
    ...(type === 'String'
      ? { StringAttributeConstraints: stringConstraintsOf(name, attr.StringAttributeConstraints ?? {}) }
      : {}),
    ...(type === 'Number' && attr.NumberAttributeConstraints
      ? { NumberAttributeConstraints: numberConstraintsOf(name, attr.NumberAttributeConstraints) }
      : {}),
  };
}

/**
 * A standard attribute configured by a `Schema` entry: it may be made required or immutable and
 * given other length (value) bounds; its type stays and it cannot be developer-only. `sub` stays
 * as it is.
 */
function configureStandard(standard: SchemaAttributeType, attr: SchemaAttributeType): SchemaAttributeType {
  const type = dataTypeOf(attr);
  if ((type !== undefined && type !== standard.AttributeDataType) || attr.DeveloperOnlyAttribute) {
    throw CognitoErrors.invalidParameter(
      `You can not change AttributeDataType or set developerOnlyAttribute for standard schema attribute ${standard.Name}`,
    );
  }
  if (standard.Name === 'sub') return standard;
  const name = standard.Name!;
  return {
    ...standard,
    Mutable: attr.Mutable ?? standard.Mutable,
    Required: attr.Required ?? standard.Required,
    ...(standard.StringAttributeConstraints && attr.StringAttributeConstraints
      ? {
          StringAttributeConstraints: stringConstraintsOf(name, {
            ...standard.StringAttributeConstraints,
            ...attr.StringAttributeConstraints,
          }),
        }
      : {}),
    ...(standard.NumberAttributeConstraints && attr.NumberAttributeConstraints
      ? {
          NumberAttributeConstraints: numberConstraintsOf(name, {
            ...standard.NumberAttributeConstraints,
            ...attr.NumberAttributeConstraints,
          }),
        }
      : {}),
  };
}

function requireName(attr: SchemaAttributeType): string {
  if (typeof attr.Name !== 'string' || attr.Name.length === 0) {
    throw CognitoErrors.invalidParameter('Schema attribute name is required.');
  }
  return attr.Name;
}

/** Refuses a custom attribute whose name the pool already has, as plain or developer-only. */
function refuseExisting(schema: SchemaAttributeType[], attr: SchemaAttributeType): void {
  const existing = schema.find((a) => bareName(a.Name ?? '') === attr.Name);
  if (existing) {
    throw CognitoErrors.invalidParameter(
      `custom:${attr.Name}: Existing attribute already has name ${existing.Name}.`,
    );
  }
}

function refuseOverQuota(schema: SchemaAttributeType[]): void {
  if (customAttributeCount(schema) > MAX_CUSTOM_ATTRIBUTES) {
    throw CognitoErrors.invalidParameter(
      `A user pool can have at most ${MAX_CUSTOM_ATTRIBUTES} custom attributes.`,
    );
  }
}

/**
 * A new pool's schema: the standard attributes (those its `Schema` names configured) followed by
 * its custom attributes in the order given.
 */
export function schemaFromRequest(entries: SchemaAttributeType[] | undefined): SchemaAttributeType[] {
  const schema = STANDARD_SCHEMA.map((a) => ({ ...a }));
  for (const attr of entries ?? []) {
    const name = requireName(attr);
    if (CONFIGURABLE_STANDARD_NAMES.has(name)) {
      const i = schema.findIndex((a) => a.Name === name);
      schema[i] = configureStandard(schema[i], attr);
      continue;
    }
    refuseExisting(schema, attr);
    schema.push(customAttributeOf(attr));
  }
  refuseOverQuota(schema);
  return schema;
}

/**
 * AddCustomAttributes: the pool's schema with the new attributes after its own. Every entry is a
 * custom attribute (a standard attribute's name makes `custom:<name>`); nothing is added when one
 * is refused.
 */
export function withCustomAttributes(
  schema: SchemaAttributeType[],
  entries: SchemaAttributeType[],
): SchemaAttributeType[] {
  const next = schema.map((a) => ({ ...a }));
  for (const attr of entries) {
    requireName(attr);
    refuseExisting(next, attr);
    next.push(customAttributeOf(attr));
  }
  refuseOverQuota(next);
  return next;
}
