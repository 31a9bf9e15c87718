import { AttributeType } from '@idfed/contracts';
import { CognitoErrors } from '../common/cognito-errors';
import { isKnownAttribute, PoolConfig } from '../pools/pool-config';
import { isFlagValue, VERIFIED_FLAGS } from './verified-flag';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+[0-9]{4,15}$/;

/**
 * Checks an attribute list against the pool's schema and returns it as a map. Attributes a user
 * may not set themselves (sub, the *_verified flags) are refused, as Cognito does; an
 * administrator (`admin`) may set the verified flags, to 'true' or 'false' in any letter case
 * (kept as given, as Cognito keeps it).
 */
export function userAttributesFromRequest(
  config: PoolConfig,
  list: AttributeType[] | undefined,
  { admin = false }: { admin?: boolean } = {},
): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const { Name, Value } of list ?? []) {
    if (!isKnownAttribute(config, Name)) {
      throw CognitoErrors.invalidParameter(`Attribute does not exist in the schema: ${Name}`);
    }
    if (Name === 'sub' || (VERIFIED_FLAGS.has(Name) && !admin)) {
      throw CognitoErrors.invalidParameter(`Cannot modify the non-mutable attribute ${Name}`);
    }
    const value = Value ?? '';
    if (VERIFIED_FLAGS.has(Name) && !isFlagValue(value)) {
      throw CognitoErrors.invalidParameter(`${Name} must be true or false.`);
    }
    if (value.length > 2048) throw CognitoErrors.invalidParameter(`${Name}: value is too long`);
    if (Name === 'email' && !EMAIL.test(value))
      throw CognitoErrors.invalidParameter('Invalid email address format.');
    if (Name === 'phone_number' && !PHONE.test(value)) {
      throw CognitoErrors.invalidParameter('Invalid phone number format.');
    }
    attributes[Name] = value;
  }
  return attributes;
}

export function checkRequiredAttributes(config: PoolConfig, attributes: Record<string, string>): void {
  const missing = config.schema.filter((a) => a.Required && a.Name !== 'sub' && !attributes[a.Name!]);
  if (missing.length > 0) {
    const detail = missing.map((a) => `${a.Name}: The attribute ${a.Name} is required`).join(', ');
    throw CognitoErrors.invalidParameter(`Attributes did not conform to the schema: ${detail}`);
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
