import { MalformedPolicyDocumentError, PolicyErrors } from './policy.errors';
import { fitsSizeLimit, POLICY_SIZE_LIMITS } from './policy.limits';
import { parsePolicy, ParsePolicyOptions, tryParsePolicy } from './policy.parser';
import { PolicyKind } from './policy.types';

const V = '2012-10-17';
const allowAll = { Effect: 'Allow', Action: '*', Resource: '*' };
const trustStmt = {
  Effect: 'Allow',
  Principal: { Federated: 'cognito-identity.amazonaws.com' },
  Action: 'sts:AssumeRoleWithWebIdentity',
};

function errorOf(input: string | object, options?: ParsePolicyOptions): MalformedPolicyDocumentError {
  const result = tryParsePolicy(input, options);
  if (result.ok) throw new Error('expected a MalformedPolicyDocument error');
  return result.error;
}

describe('IAM JSON policy grammar — documents that parse', () => {
  test.each<[string, object | string, PolicyKind]>([
    ['single statement object', { Version: V, Statement: allowAll }, 'identity'],
    [
      'statement array with Sid and Id',
      { Version: V, Id: 'p1', Statement: [{ Sid: 'A1', ...allowAll }] },
      'identity',
    ],
    ['Version 2008-10-17', { Version: '2008-10-17', Statement: allowAll }, 'identity'],
    ['no Version at all', { Statement: allowAll }, 'identity'],
    [
      'NotAction and NotResource',
      { Version: V, Statement: { Effect: 'Deny', NotAction: 'iam:*', NotResource: 'arn:aws:iam::*:*' } },
      'identity',
    ],
    [
      'session policy',
      { Version: V, Statement: { Effect: 'Allow', Action: 'cognito-sync:*', Resource: '*' } },
      'session',
    ],
    ['trust policy with Federated principal', { Version: V, Statement: trustStmt }, 'trust'],
    [
      'trust policy with AWS account principal',
      { Version: V, Statement: { ...trustStmt, Principal: { AWS: '123456789012' } } },
      'trust',
    ],
    [
      'trust policy with Service principal list',
      {
        Version: V,
        Statement: { ...trustStmt, Principal: { Service: ['a.amazonaws.com', 'b.amazonaws.com'] } },
      },
      'trust',
    ],
    [
      'resource policy with Principal "*"',
      { Version: V, Statement: { ...allowAll, Principal: '*' } },
      'resource',
    ],
    [
      'resource policy with NotPrincipal',
      {
        Version: V,
        Statement: { ...allowAll, Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::123456789012:role/R' } },
      },
      'resource',
    ],
    [
      'resource policy Sid may contain spaces',
      { Version: V, Statement: { Sid: 'Allow all', ...allowAll, Principal: '*' } },
      'resource',
    ],
    [
      'JSON text input with whitespace',
      `{\n  "Version": "${V}",\n  "Statement": { "Effect": "Allow", "Action": "s3:Get*", "Resource": "*" }\n}`,
      'identity',
    ],
    [
      'action with wildcard in name',
      {
        Version: V,
        Statement: { Effect: 'Allow', Action: ['s3:Get*', 'cognito-sync:List?ecords'], Resource: '*' },
      },
      'identity',
    ],
    [
      'every operator family parses',
      {
        Version: V,
        Statement: {
          ...allowAll,
          Condition: {
            StringLike: { 's3:prefix': 'a*' },
            NumericLessThan: { 's3:max-keys': 10 },
            DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' },
            Bool: { 'aws:SecureTransport': true },
            BinaryEquals: { 'svc:b': 'QQ==' },
            IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '2001:db8::/32'] },
            ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:*:*' },
            Null: { 'aws:TokenIssueTime': 'true' },
            'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': ['a'] },
          },
        },
      },
      'identity',
    ],
  ])('%s', (_name, input, kind) => {
    expect(() => parsePolicy(input, { kind })).not.toThrow();
  });

  test('reports version, id, label, statements and normalizes a single statement to a list', () => {
    const p = parsePolicy(
      { Version: V, Id: 'doc', Statement: { Sid: 'S', ...allowAll } },
      { label: 'inline/x' },
    );
    expect(p).toMatchObject({
      version: V,
      versionSpecified: true,
      id: 'doc',
      label: 'inline/x',
      kind: 'identity',
    });
    expect(p.statements).toHaveLength(1);
    expect(p.statements[0]).toMatchObject({ index: 0, sid: 'S', effect: 'Allow' });
  });

  test('a document without Version is read as 2008-10-17', () => {
    expect(parsePolicy({ Statement: allowAll })).toMatchObject({
      version: '2008-10-17',
      versionSpecified: false,
    });
  });

  test('an account id principal is normalized to its root ARN', () => {
    const p = parsePolicy(
      { Version: V, Statement: { ...trustStmt, Principal: { AWS: '123456789012' } } },
      { kind: 'trust' },
    );
    expect(p.statements[0].principal?.entries[0]).toEqual({
      type: 'AWS',
      values: ['arn:aws:iam::123456789012:root'],
    });
  });
});

describe('IAM and AWS STS quotas — policy size counts characters without whitespace', () => {
  test('size of JSON text', () => {
    const text = `{ "Version": "${V}",\n\t"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"} }`;
    const p = parsePolicy(text);
    expect(p.size.characters).toBe(text.length);
    expect(p.size.withoutWhitespace).toBe(text.replace(/\s/g, '').length);
  });

  test('whitespace inside strings is counted', () => {
    const text = `{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"a:b": "x y"}}}}`;
    const spaces = text.split(' ').length - 1;
    // Every space but the one inside "x y" is between tokens.
    expect(parsePolicy(text).size.withoutWhitespace).toBe(text.length - (spaces - 1));
  });

  test('escaped quotes and backslashes inside strings do not confuse the count', () => {
    const text = String.raw`{"Id": "a \" b \\", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}`;
    const p = parsePolicy(text);
    expect(p.id).toBe('a " b \\');
    // Eight spaces between tokens; the two inside the Id string count.
    expect(p.size.withoutWhitespace).toBe(text.length - 8);
  });

  test.each<[string, number, boolean]>([
    ['managedPolicy', 6144, true],
    ['managedPolicy', 6145, false],
    ['inlineRolePolicy', 10240, true],
    ['sessionPolicy', 2049, false],
  ])('fitsSizeLimit %s at %i characters', (limit, size, fits) => {
    const filler = 'x'.repeat(size - JSON.stringify({ Id: '', Statement: allowAll }).length);
    const p = parsePolicy({ Id: filler, Statement: allowAll });
    expect(p.size.withoutWhitespace).toBe(size);
    expect(fitsSizeLimit(p, limit as keyof typeof POLICY_SIZE_LIMITS)).toBe(fits);
  });

  test('object input is measured as its compact JSON', () => {
    const doc = { Version: V, Statement: allowAll };
    const p = parsePolicy(doc);
    expect(p.size.characters).toBe(JSON.stringify(doc).length);
    expect(p.size.withoutWhitespace).toBe(JSON.stringify(doc).length);
  });
});

describe('IAM JSON policy grammar — MalformedPolicyDocument reasons', () => {
  const stmt = (extra: object) => ({ Version: V, Statement: { ...allowAll, ...extra } });
  test.each<[string, string | object, string, PolicyKind?]>([
    ['not JSON', '{"Version": ', PolicyErrors.syntax],
    ['JSON but not an object', '[1,2]', PolicyErrors.syntax],
    [
      'trailing comma',
      `{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*",}}`,
      PolicyErrors.syntax,
    ],
    ['unknown top-level field', { Version: V, Statement: allowAll, Foo: 1 }, 'Unknown field Foo'],
    [
      'Condition at top level is unknown',
      { Version: V, Statement: allowAll, Condition: {} },
      'Unknown field Condition',
    ],
    [
      'invalid Version',
      { Version: '2012-10-18', Statement: allowAll },
      PolicyErrors.invalidVersion('2012-10-18'),
    ],
    ['Id not a string', { Version: V, Id: 5, Statement: allowAll }, PolicyErrors.syntax],
    ['missing Statement', { Version: V }, 'Missing required field Statement'],
    ['Statement is a string', { Version: V, Statement: 'x' }, PolicyErrors.syntax],
    ['empty Statement list', { Version: V, Statement: [] }, PolicyErrors.emptyStatement],
    ['statement not an object', { Version: V, Statement: [1] }, PolicyErrors.syntax],
    ['unknown statement field', stmt({ Foo: 'bar' }), 'Unknown field Foo'],
    [
      'field names are case-sensitive',
      { Version: V, Statement: { effect: 'Allow', Action: '*', Resource: '*' } },
      'Unknown field effect',
    ],
    [
      'missing Effect',
      { Version: V, Statement: { Action: '*', Resource: '*' } },
      'Missing required field Effect',
    ],
    ['invalid Effect', stmt({ Effect: 'Permit' }), 'Invalid effect: Permit'],
    ['Effect is case-sensitive', stmt({ Effect: 'allow' }), 'Invalid effect: allow'],
    ['Effect not a string', stmt({ Effect: true }), PolicyErrors.syntax],
    [
      'Principal in identity policy',
      stmt({ Principal: '*' }),
      'Policy document should not specify a principal.',
    ],
    [
      'NotPrincipal in session policy',
      stmt({ NotPrincipal: { AWS: '123456789012' } }),
      'Policy document should not specify a principal.',
      'session',
    ],
    [
      'trust policy without Principal',
      { Version: V, Statement: { Effect: 'Allow', Action: 'sts:AssumeRole' } },
      'Missing required field Principal',
      'trust',
    ],
    [
      'trust policy with Resource',
      { Version: V, Statement: { ...trustStmt, Resource: '*' } },
      'Has prohibited field Resource',
      'trust',
    ],
    [
      'trust policy with NotResource',
      { Version: V, Statement: { ...trustStmt, NotResource: '*' } },
      'Has prohibited field NotResource',
      'trust',
    ],
    ['resource policy without Principal', stmt({}), 'Missing required field Principal', 'resource'],
    [
      'both Principal and NotPrincipal',
      stmt({ Principal: '*', NotPrincipal: '*' }),
      PolicyErrors.bothElements('Principal', 'NotPrincipal'),
      'resource',
    ],
    [
      'Principal string other than *',
      stmt({ Principal: 'bob' }),
      'Invalid principal in policy: "bob"',
      'resource',
    ],
    [
      'unknown principal type',
      stmt({ Principal: { User: 'bob' } }),
      'Invalid principal in policy: "User":"bob"',
      'resource',
    ],
    [
      'AWS principal not an ARN or account',
      stmt({ Principal: { AWS: 'bob' } }),
      'Invalid principal in policy: "AWS":"bob"',
      'resource',
    ],
    [
      'wildcard inside a principal ARN',
      stmt({ Principal: { AWS: 'arn:aws:iam::123456789012:role/*' } }),
      'Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:role/*"',
      'resource',
    ],
    [
      'Federated "*"',
      stmt({ Principal: { Federated: '*' } }),
      'Invalid principal in policy: "Federated":"*"',
      'resource',
    ],
    ['empty principal list', stmt({ Principal: { AWS: [] } }), PolicyErrors.syntax, 'resource'],
    [
      'missing Action',
      { Version: V, Statement: { Effect: 'Allow', Resource: '*' } },
      'Policy statement must contain actions.',
    ],
    ['empty Action list', stmt({ Action: [] }), 'Policy statement must contain actions.'],
    [
      'both Action and NotAction',
      stmt({ NotAction: 's3:*' }),
      PolicyErrors.bothElements('Action', 'NotAction'),
    ],
    ['Action not a string', stmt({ Action: 5 }), PolicyErrors.syntax],
    ['Action list with a non-string', stmt({ Action: ['s3:*', 5] }), PolicyErrors.syntax],
    [
      'action without vendor',
      stmt({ Action: 'GetObject' }),
      'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
    ],
    [
      'action with two colons',
      stmt({ Action: 's3:Get:Object' }),
      'Actions/Condition can contain only one colon.',
    ],
    ['action with invalid vendor', stmt({ Action: 's 3:GetObject' }), 'Vendor s 3 is not valid'],
    [
      'missing Resource',
      { Version: V, Statement: { Effect: 'Allow', Action: '*' } },
      'Policy statement must contain resources.',
    ],
    ['empty Resource list', stmt({ Resource: [] }), 'Policy statement must contain resources.'],
    [
      'both Resource and NotResource',
      stmt({ NotResource: '*' }),
      PolicyErrors.bothElements('Resource', 'NotResource'),
    ],
    [
      'Resource not an ARN',
      stmt({ Resource: 'bucket/key' }),
      'Resource bucket/key must be in ARN format or "*".',
    ],
    ['wildcard in the service segment', stmt({ Resource: 'arn:aws:s3*:::b' }), PolicyErrors.resourceVendor],
    [
      'duplicate Sid',
      {
        Version: V,
        Statement: [
          { Sid: 'A', ...allowAll },
          { Sid: 'A', ...allowAll },
        ],
      },
      'Statement IDs (SID) in a single policy must be unique.',
    ],
    ['Sid with punctuation in an IAM policy', stmt({ Sid: 'my-sid' }), PolicyErrors.sidNotAlphanumeric],
    ['Sid not a string', stmt({ Sid: 1 }), PolicyErrors.syntax],
    ['Condition not an object', stmt({ Condition: [] }), PolicyErrors.syntax],
    [
      'unknown condition operator',
      stmt({ Condition: { StringEqualz: { 'aws:username': 'x' } } }),
      'Invalid Condition operator: StringEqualz',
    ],
    [
      'operator names are case-sensitive',
      stmt({ Condition: { stringequals: { 'aws:username': 'x' } } }),
      'Invalid Condition operator: stringequals',
    ],
    [
      'IfExists on Null',
      stmt({ Condition: { NullIfExists: { 'aws:username': 'true' } } }),
      'Invalid Condition operator: NullIfExists',
    ],
    [
      'set operator on Null',
      stmt({ Condition: { 'ForAnyValue:Null': { 'aws:username': 'true' } } }),
      'Invalid Condition operator: ForAnyValue:Null',
    ],
    [
      'unknown set operator',
      stmt({ Condition: { 'ForSomeValues:StringEquals': { 'aws:username': 'x' } } }),
      'Invalid Condition operator: ForSomeValues:StringEquals',
    ],
    ['operator block not an object', stmt({ Condition: { StringEquals: 'x' } }), PolicyErrors.syntax],
    [
      'condition key without vendor',
      stmt({ Condition: { StringEquals: { username: 'x' } } }),
      PolicyErrors.actionVendor,
    ],
    [
      'condition value an object',
      stmt({ Condition: { StringEquals: { 'aws:username': { a: 1 } } } }),
      PolicyErrors.syntax,
    ],
    [
      'condition value null',
      stmt({ Condition: { StringEquals: { 'aws:username': null } } }),
      PolicyErrors.syntax,
    ],
    [
      'invalid date value',
      stmt({ Condition: { DateLessThan: { 'aws:CurrentTime': 'tomorrow' } } }),
      'The policy failed legacy parsing',
    ],
    [
      'invalid month in date',
      stmt({ Condition: { DateLessThan: { 'aws:CurrentTime': '2020-13-01' } } }),
      'The policy failed legacy parsing',
    ],
    [
      'invalid number value',
      stmt({ Condition: { NumericLessThan: { 's3:max-keys': 'ten' } } }),
      'Invalid Condition value for NumericLessThan: "ten"',
    ],
    [
      'invalid Bool value',
      stmt({ Condition: { Bool: { 'aws:SecureTransport': 'yes' } } }),
      'Invalid Condition value for Bool: "yes"',
    ],
    [
      'invalid Null value',
      stmt({ Condition: { Null: { 'aws:username': 'maybe' } } }),
      'Invalid Condition value for Null: "maybe"',
    ],
    [
      'invalid CIDR value',
      stmt({ Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/33' } } }),
      'Invalid Condition value for IpAddress: "10.0.0.0/33"',
    ],
    [
      'invalid base64 value',
      stmt({ Condition: { BinaryEquals: { 'svc:b': 'not base64!' } } }),
      'Invalid Condition value for BinaryEquals: "not base64!"',
    ],
    [
      'duplicate JSON key spelled with an escape',
      String.raw`{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"a:\"b": "1", "a:\u0022b": "2"}}}}`,
      'Duplicate field a:"b',
    ],
    [
      'duplicate JSON key',
      `{"Version": "${V}", "Statement": {"Effect": "Allow", "Effect": "Deny", "Action": "*", "Resource": "*"}}`,
      'Duplicate field Effect',
    ],
    // Rest parameters: jest would read a fourth named parameter as a `done` callback.
  ])('%s', (...[, input, message, kind]) => {
    const error = errorOf(input, { kind });
    expect(error).toBeInstanceOf(MalformedPolicyDocumentError);
    expect(error.code).toBe('MalformedPolicyDocument');
    expect(error.message).toBe(message);
  });

  test('parsePolicy throws the same error', () => {
    expect(() => parsePolicy({ Version: V })).toThrow(MalformedPolicyDocumentError);
  });

  test('errors carry the path of the offending element', () => {
    const error = errorOf({ Version: V, Statement: [allowAll, { ...allowAll, Condition: { Bogus: {} } }] });
    expect(error.path).toBe('Statement[1].Condition');
  });

  test('requireCurrentVersion refuses 2008-10-17 and a missing Version', () => {
    expect(
      errorOf({ Version: '2008-10-17', Statement: allowAll }, { requireCurrentVersion: true }).message,
    ).toBe('Policy document must be version 2012-10-17 or greater.');
    expect(errorOf({ Statement: allowAll }, { requireCurrentVersion: true }).message).toBe(
      PolicyErrors.versionTooOld,
    );
  });

  test('allowDuplicateKeys keeps JSON.parse semantics (last key wins)', () => {
    const text = `{"Statement": {"Effect": "Allow", "Effect": "Deny", "Action": "*", "Resource": "*"}}`;
    expect(parsePolicy(text, { allowDuplicateKeys: true }).statements[0].effect).toBe('Deny');
  });

  test('duplicate keys in different objects are fine', () => {
    const text = `{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Effect": "Deny", "Action": "*", "Resource": "*"}]}`;
    expect(parsePolicy(text).statements).toHaveLength(2);
  });

  test('empty Sids are not duplicates of each other', () => {
    expect(() =>
      parsePolicy({
        Statement: [
          { Sid: '', ...allowAll },
          { Sid: '', ...allowAll },
        ],
      }),
    ).not.toThrow();
  });
});
