import { evaluate } from './policy.evaluator';
import { parsePolicy } from './policy.parser';
import { compilePattern, ResolvedToken } from './variables.resolver';
import { compileAlternation, WildcardFlavour } from './wildcard.matcher';

function allows(statement: object, action: string, resource: string): boolean {
  const policy = parsePolicy({ Version: '2012-10-17', Statement: { Effect: 'Allow', ...statement } });
  return evaluate({ action, resource }, [policy]).decision === 'Allow';
}

describe('IAM JSON policy elements: Action — case-insensitive, * and ? wildcards, service prefix', () => {
  const R = 'arn:aws:cognito-sync:us-east-1:123456789012:identitypool/p/identity/i/dataset/d';
  test.each<[string, string | string[], string, boolean]>([
    ['exact action', 'cognito-sync:ListRecords', 'cognito-sync:ListRecords', true],
    ['action names are case-insensitive', 'Cognito-Sync:listrecords', 'cognito-sync:ListRecords', true],
    ['* matches everything', '*', 'sts:AssumeRoleWithWebIdentity', true],
    ['service:* matches the service', 'cognito-sync:*', 'cognito-sync:UpdateRecords', true],
    ['service:* does not match another service', 'cognito-sync:*', 'cognito-identity:GetId', false],
    ['prefix wildcard', 'cognito-sync:List*', 'cognito-sync:ListDatasets', true],
    ['prefix wildcard, other verb', 'cognito-sync:List*', 'cognito-sync:UpdateRecords', false],
    ['infix wildcard', 'iam:*AccessKey*', 'iam:CreateAccessKey', true],
    ['? matches exactly one character', 'sts:AssumeRole?', 'sts:AssumeRoleX', true],
    ['? does not match zero characters', 'sts:AssumeRole?', 'sts:AssumeRole', false],
    ['no partial match without wildcard', 'sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', false],
    ['list: any entry matches', ['s3:GetObject', 'cognito-sync:*'], 'cognito-sync:ListRecords', true],
    ['regex metacharacters are literal', 'svc:a.c', 'svc:abc', false],
  ])('%s', (_name, action, requested, expected) => {
    expect(allows({ Action: action, Resource: '*' }, requested, R)).toBe(expected);
  });
});

describe('IAM JSON policy elements: NotAction / NotResource', () => {
  test.each<[string, object, string, string, boolean]>([
    [
      'NotAction applies to other actions',
      { NotAction: 'iam:*', Resource: '*' },
      's3:GetObject',
      'arn:aws:s3:::b',
      true,
    ],
    [
      'NotAction does not apply to listed actions',
      { NotAction: 'iam:*', Resource: '*' },
      'iam:CreateUser',
      'arn:aws:iam::1:user/u',
      false,
    ],
    [
      'NotResource applies to other resources',
      { Action: 's3:*', NotResource: 'arn:aws:s3:::secret/*' },
      's3:GetObject',
      'arn:aws:s3:::public/k',
      true,
    ],
    [
      'NotResource does not apply to listed resources',
      { Action: 's3:*', NotResource: 'arn:aws:s3:::secret/*' },
      's3:GetObject',
      'arn:aws:s3:::secret/k',
      false,
    ],
    [
      'NotAction with NotResource',
      { NotAction: 's3:Delete*', NotResource: 'arn:aws:s3:::logs' },
      's3:GetObject',
      'arn:aws:s3:::data',
      true,
    ],
  ])('%s', (_name, statement, action, resource, expected) => {
    expect(allows(statement, action, resource)).toBe(expected);
  });
});

describe('IAM JSON policy elements: Resource — using wildcards in resource ARNs', () => {
  test.each<[string, string | string[], string, boolean]>([
    [
      'exact ARN',
      'arn:aws:sqs:us-east-2:123456789012:queue1',
      'arn:aws:sqs:us-east-2:123456789012:queue1',
      true,
    ],
    [
      'ARNs are case-sensitive',
      'arn:aws:iam::123456789012:user/Bob',
      'arn:aws:iam::123456789012:user/bob',
      false,
    ],
    ['* matches everything', '*', 'arn:aws:s3:::b/k', true],
    ['* matches a non-ARN resource too', '*', 'not-an-arn', true],
    ['* in the resource part spans /', 'arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b/c', true],
    [
      '* in the resource part spans :',
      'arn:aws:logs:us-east-1:1:log-group:*',
      'arn:aws:logs:us-east-1:1:log-group:g:log-stream:s',
      true,
    ],
    [
      'path prefix',
      'arn:aws:iam::123456789012:user/accounting/*',
      'arn:aws:iam::123456789012:user/sales/x',
      false,
    ],
    [
      'wildcard region and account',
      'arn:aws:cognito-sync:*:*:identitypool/*',
      'arn:aws:cognito-sync:eu-west-1:123456789012:identitypool/p',
      true,
    ],
    [
      'a * ending a shortened pattern spans the missing colons',
      'arn:aws:s3:*',
      'arn:aws:s3:::bucket/key',
      true,
    ],
    ['"arn:aws:iam::*" covers all of IAM', 'arn:aws:iam::*', 'arn:aws:iam::123456789012:role/r', true],
    [
      'a * ending a middle component stays in it',
      'arn:aws:cognito-sync:*:111122223333:identitypool/*',
      'arn:aws:cognito-sync:us-east-1:999999999999:identitypool/x:111122223333:identitypool/y',
      false,
    ],
    [
      'a * ending a middle component matches the usual values',
      'arn:aws:cognito-sync:*:111122223333:identitypool/*',
      'arn:aws:cognito-sync:us-east-1:111122223333:identitypool/y',
      true,
    ],
    ['"arn:aws:s3:::*" covers all of S3', 'arn:aws:s3:::*', 'arn:aws:s3:::bucket', true],
    ['segment-final * keeps the service fixed', 'arn:aws:s3:*', 'arn:aws:sqs:us-east-1:1:q', false],
    ['mid-segment * does not cross a colon', 'arn:aws:sqs:us-*-2:1:q', 'arn:aws:sqs:us-east:x-2:1:q', false],
    ['mid-segment * within the segment', 'arn:aws:sqs:us-*-2:1:q', 'arn:aws:sqs:us-east-2:1:q', true],
    ['? is one character within a segment', 'arn:aws:sqs:us-east-?:1:q', 'arn:aws:sqs:us-east-2:1:q', true],
    ['? never matches the segment colon', 'arn:aws:sqs:us-east-2?1:q', 'arn:aws:sqs:us-east-2:1:q', false],
    ['? in the resource part matches anything', 'arn:aws:s3:::b/a?c', 'arn:aws:s3:::b/a:c', true],
    ['empty region matches only empty', 'arn:aws:s3:::b', 'arn:aws:s3:us-east-1::b', false],
    ['list: any entry', ['arn:aws:s3:::x', 'arn:aws:s3:::y/*'], 'arn:aws:s3:::y/z', true],
    ['regex metacharacters are literal', 'arn:aws:s3:::b/a+b', 'arn:aws:s3:::b/aab', false],
  ])('%s', (_name, resource, requested, expected) => {
    expect(allows({ Action: '*', Resource: resource }, 'svc:Act', requested)).toBe(expected);
  });
});

describe('wildcard matching stays linear on hostile input', () => {
  test('many * against a long value that almost matches', () => {
    const policy = parsePolicy({
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Action: 'svc:*a*a*a*a*a*a*a*a*b',
        Resource: 'arn:aws:s3:::b/*a*a*a*a*a*a*a*a*b*c',
        Condition: { StringLike: { 'aws:UserAgent': 'x*a*b*a*b*a*b*a*b*a*b*a*b*x' } },
      },
    });
    const long = 'a'.repeat(50_000);
    // A backtracking regex needs seconds for the first of these at 200 characters, and would not
    // finish at all at 50,000: the test finishing is the check, with no clock in it.
    expect(evaluate({ action: `svc:${long}`, resource: '*' }, [policy]).decision).toBe('ImplicitDeny');
    expect(evaluate({ action: 'svc:ab', resource: `arn:aws:s3:::b/${long}bx` }, [policy]).decision).toBe(
      'ImplicitDeny',
    );
    const context = { 'aws:UserAgent': `x${long}x` };
    expect(evaluate({ action: 'svc:ab', resource: 'arn:aws:s3:::b/abc', context }, [policy]).decision).toBe(
      'ImplicitDeny',
    );
  });

  test('agrees with a reference regex translation of the rules on random patterns', () => {
    // The rules of wildcard.matcher.ts written as a (backtracking, so small inputs only) regex.
    const reference = (tokens: readonly ResolvedToken[], flavour: WildcardFlavour): RegExp => {
      let total = 0;
      for (const t of tokens) if (t.kind === 'text') total += t.text.split(':').length - 1;
      let colons = 0;
      let src = '';
      for (const t of tokens) {
        if (t.kind === 'text') {
          const text = flavour === 'action' ? t.text.toLowerCase() : t.text;
          src += text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
          colons += t.text.split(':').length - 1;
        } else if ((flavour !== 'resource' && flavour !== 'arn') || colons >= 5) {
          src += t.kind === 'any' ? '.*' : '.';
        } else if (t.kind === 'one') {
          src += '[^:]';
        } else {
          src += flavour === 'resource' && colons === total ? '.*' : '[^:]*';
        }
      }
      return new RegExp(`^(?:${src})$`, flavour === 'action' ? 'is' : 's');
    };
    let seed = 7;
    const pick = (s: string) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return s[seed % s.length];
    };
    const word = (alphabet: string, max: number) => {
      let out = '';
      const n = Number(pick('0123456789'.slice(0, max + 1)));
      for (let i = 0; i < n; i++) out += pick(alphabet);
      return out;
    };
    const prefixes = ['', 'a:', 'a:b:', 'a:b:c:d:'];
    let mismatches = 0;
    let matched = 0;
    let checked = 0;
    for (const flavour of ['text', 'action', 'resource', 'arn'] as const) {
      for (let p = 0; p < 1500; p++) {
        const arnish = flavour === 'resource' || flavour === 'arn';
        const source = (arnish ? prefixes[p % 4] : '') + word('ab:*?', 8);
        const tokens = compilePattern(source, { variables: false, wildcards: true })
          .tokens as ResolvedToken[];
        const matcher = compileAlternation([tokens], flavour);
        const re = reference(tokens, flavour);
        for (let v = 0; v < 10; v++) {
          const value = (arnish ? prefixes[v % 4] : '') + word('abA:', 9);
          const expected = re.test(value);
          if (matcher.test(value) !== expected) mismatches++;
          if (expected) matched++;
          checked++;
        }
      }
    }
    expect(mismatches).toBe(0);
    // The random cases must exercise both outcomes to mean anything.
    expect(matched).toBeGreaterThan(checked / 20);
    expect(matched).toBeLessThan(checked / 2);
  });
});
