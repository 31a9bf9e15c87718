import { AttributeType, SchemaAttributeType } from '@idfed/contracts';
import { CognitoErrors } from '../common/cognito-errors';
import { isKnownAttribute, PoolConfig } from '../pools/pool-config';
import { STANDARD_SCHEMA } from '../pools/standard-attributes';
import { isFlagValue, VERIFIED_FLAGS } from './verified-flag';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+[0-9]{4,15}$/;

/**
 * Whether attributes are being given to a new user (SignUp, AdminCreateUser: Cognito prefixes its
 * refusals with "Attributes did not conform to the schema") or changed on an existing one (the
 * update operations and the NEW_PASSWORD_REQUIRED answer: "Invalid user attributes").
 */
export type AttributePhase = 'create' | 'update';

const PREFIX: Record<AttributePhase, string> = {
  create: 'Attributes did not conform to the schema: ',
  update: 'Invalid user attributes: ',
};

/** AWS's word for a write its caller may not make (a developer-only attribute, or one the client may not write). */
export function unauthorizedWrite(): Error {
  return CognitoErrors.notAuthorized('A client attempted to write unauthorized attribute');
}

/**
 * What is wrong with a value for a schema attribute, in Cognito's words ("birthdate: String must be
 * no shorter than 10 characters", aws-sdk-java#1396), or undefined. String lengths count UTF-16
 * units as Cognito's model does. DateTime values are not checked (docs/status.md).
 */
export function valueViolation(attr: SchemaAttributeType, value: string): string | undefined {
  const name = attr.Name!;
  switch (attr.AttributeDataType) {
    case 'Number': {
      if (!/^-?\d+(\.\d+)?$/.test(value)) return `${name}: Number must be a number`;
      const n = Number(value);
      const c = attr.NumberAttributeConstraints ?? {};
      if (c.MinValue !== undefined && n < Number(c.MinValue)) {
        return `${name}: Number must be no less than ${c.MinValue}`;
      }
      if (c.MaxValue !== undefined && n > Number(c.MaxValue)) {
        return `${name}: Number must be no greater than ${c.MaxValue}`;
      }
      return undefined;
    }
    case 'Boolean':
      return isFlagValue(value) ? undefined : `${name}: Boolean must be true or false`;
    case 'DateTime':
      return value.length > 2048 ? `${name}: String must be no longer than 2048 characters` : undefined;
    case 'String':
    case undefined: {
      const c = attr.StringAttributeConstraints ?? {};
      const min = Number(c.MinLength ?? 0);
      const max = Number(c.MaxLength ?? 2048);
      if (value.length < min) return `${name}: String must be no shorter than ${min} characters`;
      if (value.length > max) return `${name}: String must be no longer than ${max} characters`;
      return undefined;
    }
  }
}

/**
 * Checks an attribute list against the pool's schema (ADR 0038) and returns it as a map: unknown
 * names, values of the wrong type or out of their constraints are refused with Cognito's
 * InvalidParameterException. Attributes a user may not set themselves (sub, the *_verified flags)
 * are refused, as Cognito does; developer-only (`dev:custom:`) attributes are written by an
 * administrator only. An administrator (`admin`) may set the verified flags, to 'true' or 'false'
 * in any letter case (kept as given, as Cognito keeps it). Immutable attributes are checked where
 * the user's current values are known (applyAttributeChanges).
 */
export function userAttributesFromRequest(
  config: PoolConfig,
  list: AttributeType[] | undefined,
  { admin = false, phase = 'update' }: { admin?: boolean; phase?: AttributePhase } = {},
): Record<string, string> {
  const attributes: Record<string, string> = {};
  const refuse = (detail: string) => CognitoErrors.invalidParameter(PREFIX[phase] + detail);
  for (const { Name, Value } of list ?? []) {
    const attr = schemaAttribute(config, Name);
    if (!attr) {
      throw phase === 'create'
        ? refuse(`Type for attribute {${Name}} could not be determined`)
        : refuse(`user.${Name}: Attribute does not exist in the schema.\n`);
    }
    if (Name === 'sub' || (VERIFIED_FLAGS.has(Name) && !admin)) {
      throw CognitoErrors.invalidParameter(`Cannot modify the non-mutable attribute ${Name}`);
    }
    if (attr.DeveloperOnlyAttribute && !admin) throw unauthorizedWrite();
    const value = Value ?? '';
    const violation = valueViolation(attr, value);
    if (violation) throw refuse(violation);
    if (Name === 'email' && !EMAIL.test(value))
      throw CognitoErrors.invalidParameter('Invalid email address format.');
    if (Name === 'phone_number' && !PHONE.test(value)) {
      throw CognitoErrors.invalidParameter('Invalid phone number format.');
    }
    attributes[Name] = value;
  }
  return attributes;
}

/** The schema entry of an attribute name, standard or custom; undefined when the pool has none. */
export function schemaAttribute(config: PoolConfig, name: string): SchemaAttributeType | undefined {
  if (!isKnownAttribute(config, name)) return undefined;
  return (
    config.schema.find((a) => a.Name === name) ??
    STANDARD_SCHEMA.find((a) => a.Name === name) ?? { Name: name, AttributeDataType: 'String' }
  );
}

/**
 * Required attributes a new user lacks, refused as Cognito words it ("Attributes did not conform to
 * the schema: given_name: The attribute is required"; Cognito names `name` by its claim's
 * `name.formatted`).
 */
export function checkRequiredAttributes(config: PoolConfig, attributes: Record<string, string>): void {
  const missing = config.schema.filter((a) => a.Required && a.Name !== 'sub' && !attributes[a.Name!]);
  if (missing.length > 0) {
    const detail = missing
      .map((a) => `${a.Name === 'name' ? 'name.formatted' : a.Name}: The attribute is required`)
      .join('\n');
    throw CognitoErrors.invalidParameter(`${PREFIX.create}${detail}`);
  }
}

export function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

export function isPhoneNumber(value: string): boolean {
  return PHONE.test(value);
}

export function toAttributeList(sub: string, attributes: Record<string, string>): AttributeType[] {
  return [
    { Name: 'sub', Value: sub },
    ...Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
  ];
}

/** `a***@e***` as Cognito masks a destination in CodeDeliveryDetails. */
export function maskDestination(value: string): string {
  if (value.includes('@')) {
    const [local, domain] = value.split('@');
    return `${local[0]}***@${domain[0]}***`;
  }
  return `+*******${value.slice(-4)}`;
}
