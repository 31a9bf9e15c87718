import { SchemaAttributeType } from '@idfed/contracts';

const text = (Name: string, min = '0', max = '2048'): SchemaAttributeType => ({
  Name,
  AttributeDataType: 'String',
  DeveloperOnlyAttribute: false,
  Mutable: true,
  Required: false,
  StringAttributeConstraints: { MinLength: min, MaxLength: max },
});

const flag = (Name: string): SchemaAttributeType => ({
  Name,
  AttributeDataType: 'Boolean',
  DeveloperOnlyAttribute: false,
  Mutable: true,
  Required: false,
});

/**
 * The attributes every Cognito user pool has, in the order and with the constraints
 * DescribeUserPool answers them on AWS (answers quoted in public issues: `sub` 1..2048, `birthdate`
 * 10..10, `updated_at` a Number from 0, the two verified flags Booleans without constraints).
 */
export const STANDARD_SCHEMA: readonly SchemaAttributeType[] = [
  { ...text('sub', '1'), Mutable: false, Required: true },
  text('name'),
  text('given_name'),
  text('family_name'),
  text('middle_name'),
  text('nickname'),
  text('preferred_username'),
  text('profile'),
  text('picture'),
  text('website'),
  text('email'),
  flag('email_verified'),
  text('gender'),
  text('birthdate', '10', '10'),
  text('zoneinfo'),
  text('locale'),
  text('phone_number'),
  flag('phone_number_verified'),
  text('address'),
  {
    Name: 'updated_at',
    AttributeDataType: 'Number',
    DeveloperOnlyAttribute: false,
    Mutable: true,
    Required: false,
    NumberAttributeConstraints: { MinValue: '0' },
  },
];

export const STANDARD_ATTRIBUTE_NAMES = new Set(STANDARD_SCHEMA.map((a) => a.Name!));

/**
 * The standard attributes a `Schema` entry configures. The verified flags are not among them: AWS
 * takes `email_verified` or `phone_number_verified` in a `Schema` as a custom attribute's name
 * (aws-cdk#14699 quotes Cognito refusing `phone_number_verified` as a custom name of more than 20
 * characters).
 */
export const CONFIGURABLE_STANDARD_NAMES = new Set(
  [...STANDARD_ATTRIBUTE_NAMES].filter((n) => n !== 'email_verified' && n !== 'phone_number_verified'),
);
