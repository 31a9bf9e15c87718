import { normalizeContext } from './context.normalizer';
import { evaluate } from './policy.evaluator';
import { parsePolicy } from './policy.parser';
import { PolicyVersion, RequestContext } from './policy.types';
import { compilePattern, resolveToString } from './variables.resolver';

/** One Allow statement on `resource` (optionally with a condition); does it allow `requested`? */
function allows(
  resource: string | string[],
  requested: string,
  context: RequestContext,
  version: PolicyVersion | null = '2012-10-17',
  condition?: object,
): boolean {
  const policy = parsePolicy({
    ...(version ? { Version: version } : {}),
    Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: resource, Condition: condition },
  });
  return evaluate({ action: 's3:GetObject', resource: requested, context }, [policy]).decision === 'Allow';
}

describe('IAM policy elements: Variables — in the Resource element', () => {
  const home = 'arn:aws:s3:::bucket/home/${aws:username}/*';
  test.each<[string, string | string[], string, RequestContext, boolean]>([
    ['substitutes aws:username', home, 'arn:aws:s3:::bucket/home/bob/f', { 'aws:username': 'bob' }, true],
    ['another user does not match', home, 'arn:aws:s3:::bucket/home/al/f', { 'aws:username': 'bob' }, false],
    [
      'variable key name is case-insensitive',
      'arn:aws:s3:::bucket/${AWS:UserName}',
      'arn:aws:s3:::bucket/bob',
      { 'aws:username': 'bob' },
      true,
    ],
    [
      'aws:userid',
      'arn:aws:s3:::bucket/${aws:userid}/*',
      'arn:aws:s3:::bucket/AIDAEXAMPLE/x',
      { 'aws:userid': 'AIDAEXAMPLE' },
      true,
    ],
    [
      'aws:PrincipalTag/x',
      'arn:aws:s3:::bucket/${aws:PrincipalTag/department}',
      'arn:aws:s3:::bucket/hr',
      { 'aws:PrincipalTag/department': 'hr' },
      true,
    ],
    [
      'cognito identity id',
      'arn:aws:s3:::bucket/${cognito-identity.amazonaws.com:sub}/*',
      'arn:aws:s3:::bucket/us-east-1:1234/x',
      { 'cognito-identity.amazonaws.com:sub': 'us-east-1:1234' },
      true,
    ],
    [
      'any context key',
      'arn:aws:s3:::bucket/${svc:project}',
      'arn:aws:s3:::bucket/p1',
      { 'svc:project': 'p1' },
      true,
    ],
    [
      'two variables in one ARN',
      'arn:aws:s3:::${svc:b}/${aws:username}',
      'arn:aws:s3:::b1/bob',
      { 'svc:b': 'b1', 'aws:username': 'bob' },
      true,
    ],
    [
      'substituted value is literal, not a wildcard',
      home,
      'arn:aws:s3:::bucket/home/bob-x/f',
      { 'aws:username': 'bob*' },
      false,
    ],
    [
      'substituted * matches only a literal *',
      home,
      'arn:aws:s3:::bucket/home/bob*/f',
      { 'aws:username': 'bob*' },
      true,
    ],
    ['missing variable: statement does not match', home, 'arn:aws:s3:::bucket/home/bob/f', {}, false],
    [
      'missing variable never matches its literal text',
      home,
      'arn:aws:s3:::bucket/home/${aws:username}/f',
      {},
      false,
    ],
    [
      'multivalued key cannot be a variable',
      home,
      'arn:aws:s3:::bucket/home/bob/f',
      { 'aws:username': ['bob'] },
      false,
    ],
    [
      'default used when missing',
      "arn:aws:s3:::bucket/${aws:username, 'anonymous'}/*",
      'arn:aws:s3:::bucket/anonymous/x',
      {},
      true,
    ],
    [
      'default ignored when present',
      "arn:aws:s3:::bucket/${aws:username, 'anonymous'}/*",
      'arn:aws:s3:::bucket/anonymous/x',
      { 'aws:username': 'bob' },
      false,
    ],
    [
      'spaces around key and default are ignored',
      "arn:aws:s3:::bucket/${ aws:username ,  'anon' }",
      'arn:aws:s3:::bucket/anon',
      {},
      true,
    ],
    [
      'default is literal (its * is no wildcard)',
      "arn:aws:s3:::bucket/${aws:username, 'a*'}",
      'arn:aws:s3:::bucket/abc',
      {},
      false,
    ],
    ['${*} is a literal asterisk', 'arn:aws:s3:::bucket/a${*}b', 'arn:aws:s3:::bucket/a*b', {}, true],
    ['${*} does not act as a wildcard', 'arn:aws:s3:::bucket/a${*}b', 'arn:aws:s3:::bucket/axxb', {}, false],
    ['${?} is a literal question mark', 'arn:aws:s3:::bucket/a${?}', 'arn:aws:s3:::bucket/a?', {}, true],
    [
      '${$} is a literal dollar',
      'arn:aws:s3:::bucket/${$}{aws:username}',
      'arn:aws:s3:::bucket/${aws:username}',
      { 'aws:username': 'bob' },
      true,
    ],
    [
      'one unresolved entry in a Resource list voids the statement',
      ['arn:aws:s3:::open/*', 'arn:aws:s3:::home/${aws:username}'],
      'arn:aws:s3:::open/x',
      {},
      false,
    ],
  ])('%s', (_name, resource, requested, context, expected) => {
    expect(allows(resource, requested, context)).toBe(expected);
  });
});

describe('IAM JSON policy elements: Version — variables only with 2012-10-17', () => {
  test.each<[string, PolicyVersion | null, string, boolean]>([
    ['2008-10-17 keeps ${...} as text', '2008-10-17', 'arn:aws:s3:::bucket/${aws:username}', true],
    ['no Version keeps ${...} as text', null, 'arn:aws:s3:::bucket/${aws:username}', true],
    ['2008-10-17 does not substitute', '2008-10-17', 'arn:aws:s3:::bucket/bob', false],
    ['2012-10-17 substitutes', '2012-10-17', 'arn:aws:s3:::bucket/bob', true],
  ])('%s', (_name, version, requested, expected) => {
    expect(allows('arn:aws:s3:::bucket/${aws:username}', requested, { 'aws:username': 'bob' }, version)).toBe(
      expected,
    );
  });
});

describe('IAM policy elements: Variables — in Condition values (string and ARN operators)', () => {
  const base = 'arn:aws:s3:::bucket';
  test.each<[string, object, RequestContext, boolean]>([
    [
      'StringLike with variable prefix',
      { StringLike: { 's3:prefix': '${aws:username}/*' } },
      { 'aws:username': 'bob', 's3:prefix': 'bob/x' },
      true,
    ],
    [
      'StringLike with variable, other prefix',
      { StringLike: { 's3:prefix': '${aws:username}/*' } },
      { 'aws:username': 'bob', 's3:prefix': 'al/x' },
      false,
    ],
    [
      'StringEquals against a tag',
      { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
      { 'aws:ResourceTag/team': 'a', 'aws:PrincipalTag/team': 'a' },
      true,
    ],
    [
      'StringEqualsIgnoreCase with variable',
      { StringEqualsIgnoreCase: { 'svc:owner': '${aws:username}' } },
      { 'svc:owner': 'BOB', 'aws:username': 'bob' },
      true,
    ],
    [
      'unresolved variable in a condition: no match',
      { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
      { 'aws:ResourceTag/team': 'a' },
      false,
    ],
    [
      'unresolved variable voids a negated condition too',
      { StringNotEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
      { 'aws:ResourceTag/team': 'a' },
      false,
    ],
    [
      'default value in a condition',
      { StringEquals: { 'svc:tier': "${aws:PrincipalTag/tier, 'free'}" } },
      { 'svc:tier': 'free' },
      true,
    ],
    [
      'ArnLike with variable',
      { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:*:${aws:username}-*' } },
      { 'aws:SourceArn': 'arn:aws:sns:us-east-1:1:bob-t', 'aws:username': 'bob' },
      true,
    ],
    ['numeric operators take no variables', { NumericEquals: { 'svc:n': '5' } }, { 'svc:n': 5 }, true],
    [
      'IfExists short-circuits before the variable is needed',
      { StringEqualsIfExists: { 'svc:k': '${aws:username}' } },
      {},
      true,
    ],
  ])('%s', (_name, condition, context, expected) => {
    expect(allows(base, base, context, '2012-10-17', condition)).toBe(expected);
  });
});

describe('variable tokenizer', () => {
  const ctx = normalizeContext({ 'aws:username': 'bob' });
  test.each<[string, string, string | undefined]>([
    ['plain text', 'abc', 'abc'],
    ['variable', 'x-${aws:username}', 'x-bob'],
    ["'' in a default is one quote", "${svc:none, 'it''s'}", "it's"],
    ['a default may contain }', "${svc:none, 'a}b'}", 'a}b'],
    ['unterminated ${ is text', '${aws:username', '${aws:username'],
    ['malformed variable is text', '${aws:username x}', '${aws:username x}'],
    ['substituted text is not substituted again', "${svc:none, '${aws:username}'}", '${aws:username}'],
    ['unresolved without default', '${svc:none}', undefined],
  ])('%s', (_name, source, expected) => {
    expect(resolveToString(compilePattern(source, { variables: true, wildcards: false }), ctx)).toBe(
      expected,
    );
  });
});

describe('one parsed policy, many requests — variables are resolved per request', () => {
  const policy = parsePolicy({
    Version: '2012-10-17',
    Statement: {
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: 'arn:aws:s3:::home/${aws:username}',
      Condition: { StringLike: { 's3:prefix': '${aws:username}/*' } },
    },
  });
  const ask = (user: string | undefined, resourceUser: string, prefix: string) =>
    evaluate(
      {
        action: 's3:ListBucket',
        resource: `arn:aws:s3:::home/${resourceUser}`,
        context: { 'aws:username': user, 's3:prefix': prefix },
      },
      [policy],
    ).decision;

  test.each<[string, string | undefined, string, string, string]>([
    ['bob on his home', 'bob', 'bob', 'bob/a', 'Allow'],
    ['al on his home', 'al', 'al', 'al/a', 'Allow'],
    ['al on bob home', 'al', 'bob', 'bob/a', 'ImplicitDeny'],
    ['bob with al prefix', 'bob', 'bob', 'al/a', 'ImplicitDeny'],
    ['bob again after others', 'bob', 'bob', 'bob/b', 'Allow'],
    ['anonymous', undefined, 'bob', 'bob/a', 'ImplicitDeny'],
  ])('%s', (...[, user, resourceUser, prefix, expected]) => {
    expect(ask(user, resourceUser, prefix)).toBe(expected);
  });

  test('hundreds of distinct users stay correct past the regex cache size', () => {
    for (let i = 0; i < 600; i++) {
      expect(ask(`u${i}`, `u${i}`, `u${i}/x`)).toBe('Allow');
      expect(ask(`u${i}`, `u${i + 1}`, `u${i}/x`)).toBe('ImplicitDeny');
    }
  });
});
