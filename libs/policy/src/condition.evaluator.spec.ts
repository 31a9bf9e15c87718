import { evaluate } from './policy.evaluator';
import { parsePolicy } from './policy.parser';
import { RequestContext } from './policy.types';

/**
 * Condition operators, table-driven. Each row is one Allow statement whose only condition is
 * `{ [operator]: { [key]: values } }`, evaluated against a request context; `expected` is whether
 * the statement applies (Allow) or not (implicit deny).
 */
type Row = [
  name: string,
  operator: string,
  key: string,
  values: unknown,
  context: RequestContext,
  expected: boolean,
];

function applies(condition: Record<string, unknown>, context: RequestContext): boolean {
  const policy = parsePolicy({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'svc:Act', Resource: '*', Condition: condition }],
  });
  return evaluate({ action: 'svc:Act', resource: 'arn:aws:svc:::r', context }, [policy]).decision === 'Allow';
}

function runTable(rows: Row[]): void {
  test.each(rows)('%s', (_name, operator, key, values, context, expected) => {
    expect(applies({ [operator]: { [key]: values } }, context)).toBe(expected);
  });
}

describe('IAM JSON policy elements: Condition operators — String condition operators', () => {
  runTable([
    ['StringEquals exact match', 'StringEquals', 'aws:username', 'bob', { 'aws:username': 'bob' }, true],
    [
      'StringEquals is case-sensitive',
      'StringEquals',
      'aws:username',
      'bob',
      { 'aws:username': 'Bob' },
      false,
    ],
    [
      'StringEquals: several values OR',
      'StringEquals',
      'aws:username',
      ['al', 'bob'],
      { 'aws:username': 'bob' },
      true,
    ],
    ['StringEquals: * is literal', 'StringEquals', 'aws:username', 'b*', { 'aws:username': 'bob' }, false],
    ['StringEquals: missing key is false', 'StringEquals', 'aws:username', 'bob', {}, false],
    ['StringNotEquals differs', 'StringNotEquals', 'aws:username', 'bob', { 'aws:username': 'al' }, true],
    ['StringNotEquals equal', 'StringNotEquals', 'aws:username', 'bob', { 'aws:username': 'bob' }, false],
    [
      'StringNotEquals: several values NOR',
      'StringNotEquals',
      'aws:username',
      ['al', 'bob'],
      { 'aws:username': 'al' },
      false,
    ],
    ['StringNotEquals: missing key is true', 'StringNotEquals', 'aws:username', 'bob', {}, true],
    [
      'StringEqualsIgnoreCase',
      'StringEqualsIgnoreCase',
      'aws:username',
      'BOB',
      { 'aws:username': 'bob' },
      true,
    ],
    [
      'StringNotEqualsIgnoreCase equal',
      'StringNotEqualsIgnoreCase',
      'aws:username',
      'BOB',
      { 'aws:username': 'bob' },
      false,
    ],
    [
      'StringNotEqualsIgnoreCase differs',
      'StringNotEqualsIgnoreCase',
      'aws:username',
      'BOB',
      { 'aws:username': 'al' },
      true,
    ],
    ['StringLike with *', 'StringLike', 's3:prefix', 'home/*', { 's3:prefix': 'home/a/b' }, true],
    ['StringLike * crosses / and :', 'StringLike', 's3:prefix', 'a*z', { 's3:prefix': 'a/b:c/z' }, true],
    ['StringLike with ? is one character', 'StringLike', 's3:prefix', 'a?c', { 's3:prefix': 'abc' }, true],
    ['StringLike ? is not zero characters', 'StringLike', 's3:prefix', 'a?c', { 's3:prefix': 'ac' }, false],
    [
      'StringLike needs wildcard for partial match',
      'StringLike',
      's3:prefix',
      'home',
      { 's3:prefix': 'home/x' },
      false,
    ],
    ['StringLike is case-sensitive', 'StringLike', 's3:prefix', 'Home/*', { 's3:prefix': 'home/x' }, false],
    [
      'StringLike regex metacharacters are literal',
      'StringLike',
      's3:prefix',
      'a.c(*)',
      { 's3:prefix': 'abc(x)' },
      false,
    ],
    ['StringNotLike no match', 'StringNotLike', 's3:prefix', 'home/*', { 's3:prefix': 'tmp/x' }, true],
    ['StringNotLike match', 'StringNotLike', 's3:prefix', 'home/*', { 's3:prefix': 'home/x' }, false],
    ['StringNotLike: missing key is true', 'StringNotLike', 's3:prefix', 'home/*', {}, true],
    ['numbers in context compare as text', 'StringEquals', 's3:max-keys', '10', { 's3:max-keys': 10 }, true],
    [
      'JSON numbers in policy compare as text',
      'StringEquals',
      's3:max-keys',
      10,
      { 's3:max-keys': '10' },
      true,
    ],
  ]);
});

describe('IAM JSON policy elements: Condition — key names are case-insensitive, values are not', () => {
  runTable([
    [
      'policy key case differs from context key',
      'StringEquals',
      'AWS:UserName',
      'bob',
      { 'aws:username': 'bob' },
      true,
    ],
    [
      'context key case differs from policy key',
      'StringEquals',
      'aws:username',
      'bob',
      { 'AWS:USERNAME': 'bob' },
      true,
    ],
    [
      'tag key part is case-insensitive too',
      'StringEquals',
      'aws:PrincipalTag/Team',
      'x',
      { 'aws:principaltag/team': 'x' },
      true,
    ],
    [
      'values stay case-sensitive',
      'StringEquals',
      'aws:PrincipalTag/Team',
      'X',
      { 'aws:principaltag/team': 'x' },
      false,
    ],
    [
      'undefined context value means absent',
      'StringEquals',
      'aws:username',
      'bob',
      { 'aws:username': undefined },
      false,
    ],
    [
      'null context value means absent',
      'StringNotEquals',
      'aws:username',
      'bob',
      { 'aws:username': null },
      true,
    ],
  ]);
});

describe('IAM JSON policy elements: Condition operators — Numeric condition operators', () => {
  runTable([
    ['NumericEquals', 'NumericEquals', 's3:max-keys', '10', { 's3:max-keys': '10' }, true],
    [
      'NumericEquals compares values, not text',
      'NumericEquals',
      's3:max-keys',
      '10',
      { 's3:max-keys': '10.0' },
      true,
    ],
    ['NumericEquals unequal', 'NumericEquals', 's3:max-keys', '10', { 's3:max-keys': 11 }, false],
    ['NumericNotEquals', 'NumericNotEquals', 's3:max-keys', '10', { 's3:max-keys': 11 }, true],
    ['NumericNotEquals equal', 'NumericNotEquals', 's3:max-keys', '10', { 's3:max-keys': 10 }, false],
    ['NumericLessThan', 'NumericLessThan', 's3:max-keys', '10', { 's3:max-keys': 9 }, true],
    ['NumericLessThan boundary', 'NumericLessThan', 's3:max-keys', '10', { 's3:max-keys': 10 }, false],
    [
      'NumericLessThanEquals boundary',
      'NumericLessThanEquals',
      's3:max-keys',
      '10',
      { 's3:max-keys': 10 },
      true,
    ],
    ['NumericGreaterThan', 'NumericGreaterThan', 's3:max-keys', '10', { 's3:max-keys': 10.5 }, true],
    ['NumericGreaterThan boundary', 'NumericGreaterThan', 's3:max-keys', '10', { 's3:max-keys': 10 }, false],
    [
      'NumericGreaterThanEquals boundary',
      'NumericGreaterThanEquals',
      's3:max-keys',
      '10',
      { 's3:max-keys': 10 },
      true,
    ],
    ['Numeric with negative values', 'NumericLessThan', 'svc:n', '-1', { 'svc:n': -2 }, true],
    [
      'Numeric: non-numeric request value never matches',
      'NumericLessThan',
      's3:max-keys',
      '10',
      { 's3:max-keys': 'x' },
      false,
    ],
    ['Numeric: missing key is false', 'NumericLessThan', 's3:max-keys', '10', {}, false],
    ['NumericNotEquals: missing key is true', 'NumericNotEquals', 's3:max-keys', '10', {}, true],
  ]);
});

describe('IAM JSON policy elements: Condition operators — Date condition operators', () => {
  runTable([
    [
      'DateGreaterThan ISO 8601',
      'DateGreaterThan',
      'aws:CurrentTime',
      '2020-01-01T00:00:00Z',
      { 'aws:CurrentTime': '2021-06-01T12:00:00Z' },
      true,
    ],
    [
      'DateLessThan ISO 8601',
      'DateLessThan',
      'aws:CurrentTime',
      '2020-01-01T00:00:00Z',
      { 'aws:CurrentTime': '2021-06-01T12:00:00Z' },
      false,
    ],
    [
      'DateEquals across notations (epoch vs ISO)',
      'DateEquals',
      'aws:CurrentTime',
      '1577836800',
      { 'aws:CurrentTime': '2020-01-01T00:00:00Z' },
      true,
    ],
    [
      'DateEquals with offset',
      'DateEquals',
      'aws:CurrentTime',
      '2020-01-01T01:00:00+01:00',
      { 'aws:CurrentTime': '2020-01-01T00:00:00Z' },
      true,
    ],
    [
      'Date without zone is UTC',
      'DateEquals',
      'aws:CurrentTime',
      '2020-01-01T00:00:00',
      { 'aws:CurrentTime': '2020-01-01T00:00:00Z' },
      true,
    ],
    [
      'Date-only value',
      'DateLessThan',
      'aws:CurrentTime',
      '2020-01-02',
      { 'aws:CurrentTime': '2020-01-01T23:59:59Z' },
      true,
    ],
    [
      'DateNotEquals',
      'DateNotEquals',
      'aws:CurrentTime',
      '2020-01-01T00:00:00Z',
      { 'aws:CurrentTime': '2020-01-02T00:00:00Z' },
      true,
    ],
    [
      'DateLessThanEquals boundary',
      'DateLessThanEquals',
      'aws:EpochTime',
      '1577836800',
      { 'aws:EpochTime': 1577836800 },
      true,
    ],
    [
      'DateGreaterThanEquals boundary',
      'DateGreaterThanEquals',
      'aws:EpochTime',
      '1577836800',
      { 'aws:EpochTime': 1577836799 },
      false,
    ],
    [
      'Date: fractional seconds',
      'DateGreaterThan',
      'aws:CurrentTime',
      '2020-01-01T00:00:00Z',
      { 'aws:CurrentTime': '2020-01-01T00:00:00.5Z' },
      true,
    ],
    [
      'Date: unparsable request value never matches',
      'DateGreaterThan',
      'aws:CurrentTime',
      '2020-01-01',
      { 'aws:CurrentTime': 'yesterday' },
      false,
    ],
    ['Date: missing key is false', 'DateLessThan', 'aws:TokenIssueTime', '2020-01-01', {}, false],
  ]);
});

describe('IAM JSON policy elements: Condition operators — Boolean and Binary', () => {
  runTable([
    ['Bool true', 'Bool', 'aws:SecureTransport', 'true', { 'aws:SecureTransport': true }, true],
    ['Bool false vs true', 'Bool', 'aws:SecureTransport', 'false', { 'aws:SecureTransport': true }, false],
    [
      'Bool with JSON boolean in policy',
      'Bool',
      'aws:SecureTransport',
      false,
      { 'aws:SecureTransport': 'false' },
      true,
    ],
    [
      'Bool letter case ignored',
      'Bool',
      'aws:MultiFactorAuthPresent',
      'TRUE',
      { 'aws:MultiFactorAuthPresent': 'true' },
      true,
    ],
    [
      'Bool non-boolean request value',
      'Bool',
      'aws:SecureTransport',
      'true',
      { 'aws:SecureTransport': 'yes' },
      false,
    ],
    ['Bool missing key is false', 'Bool', 'aws:MultiFactorAuthPresent', 'false', {}, false],
    [
      'BinaryEquals same bytes',
      'BinaryEquals',
      'svc:blob',
      'QmluYXJ5VmFsdWU=',
      { 'svc:blob': 'QmluYXJ5VmFsdWU=' },
      true,
    ],
    [
      'BinaryEquals different bytes',
      'BinaryEquals',
      'svc:blob',
      'QmluYXJ5VmFsdWU=',
      { 'svc:blob': 'T3RoZXI=' },
      false,
    ],
  ]);
});

describe('IAM JSON policy elements: Condition operators — IP address condition operators', () => {
  runTable([
    [
      'IpAddress in IPv4 CIDR',
      'IpAddress',
      'aws:SourceIp',
      '203.0.113.0/24',
      { 'aws:SourceIp': '203.0.113.77' },
      true,
    ],
    [
      'IpAddress outside IPv4 CIDR',
      'IpAddress',
      'aws:SourceIp',
      '203.0.113.0/24',
      { 'aws:SourceIp': '203.0.114.1' },
      false,
    ],
    [
      'IpAddress single address without prefix',
      'IpAddress',
      'aws:SourceIp',
      '203.0.113.5',
      { 'aws:SourceIp': '203.0.113.5' },
      true,
    ],
    [
      'IpAddress /0 matches every IPv4',
      'IpAddress',
      'aws:SourceIp',
      '0.0.0.0/0',
      { 'aws:SourceIp': '8.8.8.8' },
      true,
    ],
    [
      'IpAddress in IPv6 CIDR',
      'IpAddress',
      'aws:SourceIp',
      '2001:db8::/32',
      { 'aws:SourceIp': '2001:db8:1234::1' },
      true,
    ],
    [
      'IpAddress outside IPv6 CIDR',
      'IpAddress',
      'aws:SourceIp',
      '2001:db8::/32',
      { 'aws:SourceIp': '2001:db9::1' },
      false,
    ],
    ['IPv4 address vs IPv6 CIDR', 'IpAddress', 'aws:SourceIp', '::/0', { 'aws:SourceIp': '10.0.0.1' }, false],
    [
      'IPv4-mapped IPv6 request address',
      'IpAddress',
      'aws:SourceIp',
      '10.0.0.0/8',
      { 'aws:SourceIp': '::ffff:10.1.2.3' },
      true,
    ],
    [
      'IpAddress several CIDRs OR',
      'IpAddress',
      'aws:SourceIp',
      ['192.0.2.0/24', '10.0.0.0/8'],
      { 'aws:SourceIp': '10.9.9.9' },
      true,
    ],
    [
      'NotIpAddress outside',
      'NotIpAddress',
      'aws:SourceIp',
      '10.0.0.0/8',
      { 'aws:SourceIp': '192.0.2.1' },
      true,
    ],
    [
      'NotIpAddress inside',
      'NotIpAddress',
      'aws:SourceIp',
      '10.0.0.0/8',
      { 'aws:SourceIp': '10.0.0.1' },
      false,
    ],
    [
      'IpAddress: garbage request address',
      'IpAddress',
      'aws:SourceIp',
      '0.0.0.0/0',
      { 'aws:SourceIp': 'localhost' },
      false,
    ],
  ]);
});

describe('IAM JSON policy elements: Condition operators — ARN condition operators', () => {
  const src = 'arn:aws:sns:us-east-1:123456789012:topic-a';
  runTable([
    ['ArnEquals exact', 'ArnEquals', 'aws:SourceArn', src, { 'aws:SourceArn': src }, true],
    [
      'ArnEquals accepts wildcards like ArnLike',
      'ArnEquals',
      'aws:SourceArn',
      'arn:aws:sns:*:123456789012:*',
      { 'aws:SourceArn': src },
      true,
    ],
    [
      'ArnLike region wildcard',
      'ArnLike',
      'aws:SourceArn',
      'arn:aws:sns:*:123456789012:topic-?',
      { 'aws:SourceArn': src },
      true,
    ],
    [
      'ArnLike is case-sensitive',
      'ArnLike',
      'aws:SourceArn',
      'arn:aws:sns:*:123456789012:TOPIC-A',
      { 'aws:SourceArn': src },
      false,
    ],
    [
      'ArnLike: * in a middle segment does not cross a colon',
      'ArnLike',
      'aws:SourceArn',
      'arn:aws:sns:*:topic-a',
      { 'aws:SourceArn': src },
      false,
    ],
    [
      'ArnLike: resource part may contain colons',
      'ArnLike',
      'aws:SourceArn',
      'arn:aws:logs:*:*:log-group:*',
      { 'aws:SourceArn': 'arn:aws:logs:us-east-1:1:log-group:g:log-stream:s' },
      true,
    ],
    [
      'ArnLike: non-ARN request value',
      'ArnLike',
      'aws:SourceArn',
      'arn:aws:sns:*:*:*',
      { 'aws:SourceArn': 'topic-a' },
      false,
    ],
    [
      'ArnNotEquals other ARN',
      'ArnNotEquals',
      'aws:SourceArn',
      'arn:aws:sns:*:*:topic-b',
      { 'aws:SourceArn': src },
      true,
    ],
    [
      'ArnNotLike matching ARN',
      'ArnNotLike',
      'aws:SourceArn',
      'arn:aws:sns:*:*:topic-*',
      { 'aws:SourceArn': src },
      false,
    ],
    ['ArnNotLike: missing key is true', 'ArnNotLike', 'aws:SourceArn', 'arn:aws:sns:*:*:*', {}, true],
  ]);
});

describe('IAM JSON policy elements: Condition operators — ...IfExists', () => {
  runTable([
    [
      'StringEqualsIfExists: missing key is true',
      'StringEqualsIfExists',
      'ec2:InstanceType',
      't2.micro',
      {},
      true,
    ],
    [
      'StringEqualsIfExists: present and equal',
      'StringEqualsIfExists',
      'ec2:InstanceType',
      't2.micro',
      { 'ec2:InstanceType': 't2.micro' },
      true,
    ],
    [
      'StringEqualsIfExists: present and different',
      'StringEqualsIfExists',
      'ec2:InstanceType',
      't2.micro',
      { 'ec2:InstanceType': 'm5.large' },
      false,
    ],
    [
      'StringNotEqualsIfExists: missing key is true',
      'StringNotEqualsIfExists',
      'ec2:InstanceType',
      't2.micro',
      {},
      true,
    ],
    [
      'NumericLessThanIfExists: missing key is true',
      'NumericLessThanIfExists',
      's3:max-keys',
      '10',
      {},
      true,
    ],
    [
      'NumericLessThanIfExists: present',
      'NumericLessThanIfExists',
      's3:max-keys',
      '10',
      { 's3:max-keys': 20 },
      false,
    ],
    ['BoolIfExists: missing key is true', 'BoolIfExists', 'aws:MultiFactorAuthPresent', 'true', {}, true],
    ['IpAddressIfExists: missing key is true', 'IpAddressIfExists', 'aws:SourceIp', '10.0.0.0/8', {}, true],
    [
      'DateLessThanIfExists: present and late',
      'DateLessThanIfExists',
      'aws:CurrentTime',
      '2020-01-01',
      { 'aws:CurrentTime': '2021-01-01' },
      false,
    ],
    [
      'ArnLikeIfExists: missing key is true',
      'ArnLikeIfExists',
      'aws:SourceArn',
      'arn:aws:sns:*:*:*',
      {},
      true,
    ],
    [
      'empty multivalued key counts as missing',
      'StringEqualsIfExists',
      'aws:TagKeys',
      'a',
      { 'aws:TagKeys': [] },
      true,
    ],
  ]);
});

describe('IAM JSON policy elements: Condition operators — Condition operator to check existence of condition keys (Null)', () => {
  runTable([
    ['Null true: key absent', 'Null', 'aws:TokenIssueTime', 'true', {}, true],
    [
      'Null true: key present',
      'Null',
      'aws:TokenIssueTime',
      'true',
      { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' },
      false,
    ],
    [
      'Null false: key present',
      'Null',
      'aws:TokenIssueTime',
      'false',
      { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' },
      true,
    ],
    ['Null false: key absent', 'Null', 'aws:TokenIssueTime', 'false', {}, false],
    ['Null with JSON boolean', 'Null', 'aws:TokenIssueTime', true, {}, true],
    [
      'Null true: empty multivalued key is absent',
      'Null',
      'aws:TagKeys',
      'true',
      { 'aws:TagKeys': [] },
      true,
    ],
    ['Null false: empty string is present', 'Null', 'aws:username', 'false', { 'aws:username': '' }, true],
  ]);
});

describe('IAM JSON policy elements: Condition operators — Set operators for multivalued context keys', () => {
  runTable([
    [
      'ForAllValues: every request value in the policy set',
      'ForAllValues:StringEquals',
      'aws:TagKeys',
      ['a', 'b', 'c'],
      { 'aws:TagKeys': ['a', 'b'] },
      true,
    ],
    [
      'ForAllValues: one request value outside',
      'ForAllValues:StringEquals',
      'aws:TagKeys',
      ['a', 'b'],
      { 'aws:TagKeys': ['a', 'x'] },
      false,
    ],
    ['ForAllValues: missing key is true', 'ForAllValues:StringEquals', 'aws:TagKeys', ['a'], {}, true],
    [
      'ForAllValues: empty set is true',
      'ForAllValues:StringEquals',
      'aws:TagKeys',
      ['a'],
      { 'aws:TagKeys': [] },
      true,
    ],
    [
      'ForAnyValue: one request value in the policy set',
      'ForAnyValue:StringEquals',
      'aws:TagKeys',
      ['a'],
      { 'aws:TagKeys': ['x', 'a'] },
      true,
    ],
    [
      'ForAnyValue: none in the set',
      'ForAnyValue:StringEquals',
      'aws:TagKeys',
      ['a'],
      { 'aws:TagKeys': ['x', 'y'] },
      false,
    ],
    ['ForAnyValue: missing key is false', 'ForAnyValue:StringEquals', 'aws:TagKeys', ['a'], {}, false],
    [
      'ForAnyValue: empty set is false',
      'ForAnyValue:StringEquals',
      'aws:TagKeys',
      ['a'],
      { 'aws:TagKeys': [] },
      false,
    ],
    [
      'ForAnyValue:StringLike on amr',
      'ForAnyValue:StringLike',
      'cognito-identity.amazonaws.com:amr',
      'authenticated',
      { 'cognito-identity.amazonaws.com:amr': ['authenticated', 'graph.facebook.com'] },
      true,
    ],
    [
      'ForAllValues:StringLike with wildcard',
      'ForAllValues:StringLike',
      'aws:TagKeys',
      'env-*',
      { 'aws:TagKeys': ['env-a', 'env-b'] },
      true,
    ],
    [
      'ForAllValues:StringNotEquals: no request value in the set',
      'ForAllValues:StringNotEquals',
      'aws:TagKeys',
      ['secret'],
      { 'aws:TagKeys': ['a', 'b'] },
      true,
    ],
    [
      'ForAllValues:StringNotEquals: one request value in the set',
      'ForAllValues:StringNotEquals',
      'aws:TagKeys',
      ['secret'],
      { 'aws:TagKeys': ['a', 'secret'] },
      false,
    ],
    [
      'ForAnyValue:StringNotEquals: some request value outside the set',
      'ForAnyValue:StringNotEquals',
      'aws:TagKeys',
      ['a'],
      { 'aws:TagKeys': ['a', 'b'] },
      true,
    ],
    [
      'ForAnyValue:StringNotEquals: all request values in the set',
      'ForAnyValue:StringNotEquals',
      'aws:TagKeys',
      ['a', 'b'],
      { 'aws:TagKeys': ['a', 'b'] },
      false,
    ],
    [
      'ForAnyValue:StringEqualsIfExists: missing key is true',
      'ForAnyValue:StringEqualsIfExists',
      'aws:TagKeys',
      ['a'],
      {},
      true,
    ],
    [
      'ForAllValues on a single-valued request key',
      'ForAllValues:StringEquals',
      'aws:username',
      ['bob'],
      { 'aws:username': 'bob' },
      true,
    ],
    [
      'no set operator, multivalued key: any value matches',
      'StringEquals',
      'aws:TagKeys',
      'a',
      { 'aws:TagKeys': ['x', 'a'] },
      true,
    ],
    [
      'no set operator, multivalued key, negated: some value matches',
      'StringNotEquals',
      'aws:TagKeys',
      'a',
      { 'aws:TagKeys': ['x', 'a'] },
      false,
    ],
    [
      'no set operator, multivalued key, negated: none matches',
      'StringNotEquals',
      'aws:TagKeys',
      'a',
      { 'aws:TagKeys': ['x', 'y'] },
      true,
    ],
  ]);
});

describe('Conditions with multiple context keys or values — AND across keys and operators', () => {
  const ctx = { 'aws:username': 'bob', 'aws:SourceIp': '10.0.0.1', 'aws:SecureTransport': 'true' };
  test.each([
    [
      'two keys under one operator, both true',
      { StringEquals: { 'aws:username': 'bob', 'aws:SecureTransport': 'true' } },
      true,
    ],
    [
      'two keys under one operator, one false',
      { StringEquals: { 'aws:username': 'bob', 'aws:SecureTransport': 'false' } },
      false,
    ],
    [
      'two operators, both true',
      { StringEquals: { 'aws:username': 'bob' }, IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
      true,
    ],
    [
      'two operators, one false',
      { StringEquals: { 'aws:username': 'bob' }, IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } },
      false,
    ],
    ['empty Condition block applies', {}, true],
    ['operator with no keys applies', { StringEquals: {} }, true],
  ])('%s', (_name, condition, expected) => {
    expect(applies(condition, ctx)).toBe(expected);
  });
});
