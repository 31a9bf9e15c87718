import { SchemaAttributeType } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { MAX_CUSTOM_ATTRIBUTES, schemaFromRequest, withCustomAttributes } from './attribute-schema';
import { poolConfigFromRequest } from './pool-config';
import { STANDARD_SCHEMA } from './standard-attributes';

function errorOf(fn: () => unknown): { name: string; message: string } | undefined {
  try {
    fn();
  } catch (err) {
    return (err as ServiceError).getError() as { name: string; message: string };
  }
  return undefined;
}

const byName = (schema: SchemaAttributeType[], name: string) => schema.find((a) => a.Name === name);

describe("a pool's Schema (CreateUserPool)", () => {
  it('answers the standard attributes in AWS order and shapes (birthdate 10..10, sub 1..2048)', () => {
    const schema = schemaFromRequest(undefined);
    expect(schema.map((a) => a.Name)).toEqual([
      'sub',
      'name',
      'given_name',
      'family_name',
      'middle_name',
      'nickname',
      'preferred_username',
      'profile',
      'picture',
      'website',
      'email',
      'email_verified',
      'gender',
      'birthdate',
      'zoneinfo',
      'locale',
      'phone_number',
      'phone_number_verified',
      'address',
      'updated_at',
    ]);
    expect(byName(schema, 'birthdate')!.StringAttributeConstraints).toEqual({
      MinLength: '10',
      MaxLength: '10',
    });
    expect(byName(schema, 'sub')).toEqual({
      Name: 'sub',
      AttributeDataType: 'String',
      DeveloperOnlyAttribute: false,
      Mutable: false,
      Required: true,
      StringAttributeConstraints: { MinLength: '1', MaxLength: '2048' },
    });
    expect(byName(schema, 'email_verified')).toEqual({
      Name: 'email_verified',
      AttributeDataType: 'Boolean',
      DeveloperOnlyAttribute: false,
      Mutable: true,
      Required: false,
    });
    expect(byName(schema, 'updated_at')!.NumberAttributeConstraints).toEqual({ MinValue: '0' });
  });

  it('makes a standard attribute required or immutable and narrows its bounds, in place', () => {
    const schema = schemaFromRequest([
      { Name: 'email', Required: true, Mutable: false },
      { Name: 'given_name', AttributeDataType: 'String', StringAttributeConstraints: { MaxLength: '255' } },
    ]);
    expect(schema.findIndex((a) => a.Name === 'email')).toBe(10);
    expect(byName(schema, 'email')).toMatchObject({ Required: true, Mutable: false });
    expect(byName(schema, 'given_name')!.StringAttributeConstraints).toEqual({
      MinLength: '0',
      MaxLength: '255',
    });
    expect(schema).toHaveLength(STANDARD_SCHEMA.length);
  });

  it('stores custom attributes as custom:<name> and developer-only ones as dev:custom:<name>, no constraints invented', () => {
    const schema = schemaFromRequest([
      { Name: 'tenant', AttributeDataType: 'String' },
      {
        Name: 'age',
        AttributeDataType: 'Number',
        NumberAttributeConstraints: { MinValue: '0', MaxValue: '150' },
      },
      { Name: 'score', AttributeDataType: 'Number' },
      { Name: 'secret', AttributeDataType: 'String', DeveloperOnlyAttribute: true, Mutable: false },
      { Name: 'joined', AttributeDataType: 'DateTime', StringAttributeConstraints: { MaxLength: '9' } },
      { Name: 'vip', AttributeDataType: 'Boolean' },
      // AWS takes the verified flags in a Schema as custom names (aws-cdk#14699).
      { Name: 'email_verified', AttributeDataType: 'Boolean' },
    ]);
    expect(schema.slice(STANDARD_SCHEMA.length)).toEqual([
      {
        Name: 'custom:tenant',
        AttributeDataType: 'String',
        DeveloperOnlyAttribute: false,
        Mutable: true,
        Required: false,
        StringAttributeConstraints: {},
      },
      {
        Name: 'custom:age',
        AttributeDataType: 'Number',
        DeveloperOnlyAttribute: false,
        Mutable: true,
        Required: false,
        NumberAttributeConstraints: { MinValue: '0', MaxValue: '150' },
      },
      {
        Name: 'custom:score',
        AttributeDataType: 'Number',
        DeveloperOnlyAttribute: false,
        Mutable: true,
        Required: false,
      },
      {
        Name: 'dev:custom:secret',
        AttributeDataType: 'String',
        DeveloperOnlyAttribute: true,
        Mutable: false,
        Required: false,
        StringAttributeConstraints: {},
      },
      {
        Name: 'custom:joined',
        AttributeDataType: 'DateTime',
        DeveloperOnlyAttribute: false,
        Mutable: true,
        Required: false,
      },
      {
        Name: 'custom:vip',
        AttributeDataType: 'Boolean',
        DeveloperOnlyAttribute: false,
        Mutable: true,
        Required: false,
      },
      {
        Name: 'custom:email_verified',
        AttributeDataType: 'Boolean',
        DeveloperOnlyAttribute: false,
        Mutable: true,
        Required: false,
      },
    ]);
  });

  // Messages as AWS answered them, recorded in moto's tests (getmoto/moto#4493) unless marked.
  const refusals: [string, SchemaAttributeType[], string][] = [
    [
      'a required custom attribute',
      [{ Name: 'banana', AttributeDataType: 'String', Required: true }],
      'Required custom attributes are not supported currently.',
    ],
    [
      'a custom attribute without a type',
      [{ Name: 'banana' }],
      'Invalid AttributeDataType input, consider using the provided AttributeDataType enum.',
    ],
    [
      "a standard attribute's type changed",
      [{ Name: 'email', AttributeDataType: 'Number' }],
      'You can not change AttributeDataType or set developerOnlyAttribute for standard schema attribute email',
    ],
    [
      'a standard attribute made developer-only',
      [{ Name: 'email', DeveloperOnlyAttribute: true }],
      'You can not change AttributeDataType or set developerOnlyAttribute for standard schema attribute email',
    ],
    [
      'a string bound that is not a number',
      [{ Name: 'a', AttributeDataType: 'String', StringAttributeConstraints: { MinLength: 'ten' } }],
      'Invalid StringAttributeConstraints for schema attribute custom:a',
    ],
    [
      'a negative number bound',
      [{ Name: 'a', AttributeDataType: 'Number', NumberAttributeConstraints: { MinValue: '-1' } }],
      'Invalid NumberAttributeConstraints for schema attribute custom:a',
    ],
    [
      'a string longer than 2048',
      [{ Name: 'a', AttributeDataType: 'String', StringAttributeConstraints: { MaxLength: '2049' } }],
      'user.custom:a: String attributes cannot have a length of more than 2048',
    ],
    [
      'a string minimum above its maximum',
      [
        {
          Name: 'a',
          AttributeDataType: 'String',
          StringAttributeConstraints: { MinLength: '5', MaxLength: '4' },
        },
      ],
      'user.custom:a: Max length cannot be less than min length.',
    ],
    [
      "a standard attribute's bounds crossed",
      [
        {
          Name: 'updated_at',
          AttributeDataType: 'Number',
          NumberAttributeConstraints: { MinValue: '10', MaxValue: '9' },
        },
      ],
      'user.updated_at: Max value cannot be less than min value.',
    ],
    [
      // idfed's wording (not observed): the same name twice, plain and developer-only.
      'one custom name twice',
      [
        { Name: 'a', AttributeDataType: 'String' },
        { Name: 'a', AttributeDataType: 'Number', DeveloperOnlyAttribute: true },
      ],
      'custom:a: Existing attribute already has name custom:a.',
    ],
    [
      'an unknown data type',
      [{ Name: 'a', AttributeDataType: 'Date' as 'String' }],
      "1 validation error detected: Value 'Date' failed to satisfy constraint: Member must satisfy enum value set: [Boolean, Number, String, DateTime]",
    ],
  ];

  it.each(refusals)('refuses %s with InvalidParameterException', (_, entries, message) => {
    expect(errorOf(() => poolConfigFromRequest({ PoolName: 'p', Schema: entries }, 'arn'))).toEqual({
      name: 'InvalidParameterException',
      message,
    });
  });

  it(`holds at most ${MAX_CUSTOM_ATTRIBUTES} custom attributes`, () => {
    const custom = (n: number, from = 0) =>
      Array.from({ length: n }, (_, i): SchemaAttributeType => ({
        Name: `a${i + from}`,
        AttributeDataType: 'String',
      }));
    expect(schemaFromRequest(custom(50)).length).toBe(STANDARD_SCHEMA.length + 50);
    expect(errorOf(() => withCustomAttributes(schemaFromRequest(custom(30)), custom(21, 30)))?.name).toBe(
      'InvalidParameterException',
    );
  });
});

describe('AddCustomAttributes', () => {
  it('appends custom attributes after the existing ones, leaving the given schema untouched', () => {
    const before = schemaFromRequest([{ Name: 'first', AttributeDataType: 'String' }]);
    const copy = structuredClone(before);
    const after = withCustomAttributes(before, [
      { Name: 'second', AttributeDataType: 'Number' },
      // A standard attribute's name is a custom one here.
      { Name: 'email', AttributeDataType: 'String' },
    ]);
    expect(after.slice(-3).map((a) => a.Name)).toEqual(['custom:first', 'custom:second', 'custom:email']);
    expect(before).toEqual(copy);
  });

  it("refuses a name the pool has, developer-only or not (AWS's message, moto's record)", () => {
    const schema = schemaFromRequest([
      { Name: 'banana', AttributeDataType: 'String', DeveloperOnlyAttribute: true },
    ]);
    expect(
      errorOf(() =>
        withCustomAttributes(schema, [
          { Name: 'banana', AttributeDataType: 'String', DeveloperOnlyAttribute: true },
        ]),
      ),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'custom:banana: Existing attribute already has name dev:custom:banana.',
    });
    expect(
      errorOf(() => withCustomAttributes(schema, [{ Name: 'banana', AttributeDataType: 'String' }]))?.message,
    ).toBe('custom:banana: Existing attribute already has name dev:custom:banana.');
  });
});
