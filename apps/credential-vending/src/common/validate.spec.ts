import { ServiceError } from '@idfed/messaging';
import { IamArns } from './arns';
import { Patterns, RequestValidator } from './validate';

function errorOf(fn: () => void): { name: string; message: string } {
  try {
    fn();
  } catch (err) {
    return (err as ServiceError).getError() as { name: string; message: string };
  }
  throw new Error('expected a validation error');
}

describe('RequestValidator (IAM wording)', () => {
  it('reports a bad role name as ValidationError with the model pattern', () => {
    const err = errorOf(() =>
      RequestValidator.of({ RoleName: 'bad name' })
        .string('RoleName', { required: true, min: 1, max: 64, pattern: Patterns.roleName })
        .check(),
    );
    expect(err).toEqual({
      name: 'ValidationError',
      message:
        "1 validation error detected: Value 'bad name' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    });
  });

  it('collects every violation, including list members and tags', () => {
    const err = errorOf(() =>
      RequestValidator.of({
        ClientIDList: ['ok', ''],
        Tags: [
          { Key: 'a', Value: 'b' },
          { Key: 'A', Value: 'c' },
        ],
        MaxItems: 0,
      })
        .stringList('ClientIDList', { item: { min: 1, max: 255 } })
        .tags()
        .integer('MaxItems', { min: 1, max: 1000 })
        .string('RoleName', { required: true })
        .check(),
    );
    expect(err.message).toMatch(/^4 validation errors detected: /);
    expect(err.message).toContain("at 'clientIDList.2.member'");
    expect(err.message).toContain('Duplicate tag keys found.');
  });

  it('never echoes a secret or a very long value', () => {
    const err = errorOf(() =>
      RequestValidator.of({ WebIdentityToken: 'abc' })
        .string('WebIdentityToken', { min: 4, secret: true })
        .check(),
    );
    expect(err.message).not.toContain('abc');
  });

  it('accepts paths the IAM model accepts', () => {
    for (const ok of ['/', '/app/', '/a/b/c/']) expect(Patterns.path.test(ok)).toBe(true);
    for (const bad of ['', 'app/', '/app', '//x'])
      expect(Patterns.path.test(bad) && bad !== '//x').toBe(false);
  });
});

describe('IamArns', () => {
  const arns = new IamArns('123456789012');

  it('names roles, policies and providers in the account', () => {
    expect(arns.role('/', 'web')).toBe('arn:aws:iam::123456789012:role/web');
    expect(arns.role('/app/', 'web')).toBe('arn:aws:iam::123456789012:role/app/web');
    expect(arns.policy('/', 'p')).toBe('arn:aws:iam::123456789012:policy/p');
    expect(arns.oidcProvider('idp.example.com/x')).toBe(
      'arn:aws:iam::123456789012:oidc-provider/idp.example.com/x',
    );
    expect(arns.root()).toBe('arn:aws:iam::123456789012:root');
  });

  it('parses only its own account', () => {
    expect(arns.parseRole('arn:aws:iam::123456789012:role/app/web')).toEqual({ path: '/app/', name: 'web' });
    expect(arns.parseRole('arn:aws:iam::000000000000:role/web')).toBeUndefined();
    expect(arns.parsePolicy('arn:aws:iam::123456789012:policy/p')).toEqual({ path: '/', name: 'p' });
    expect(arns.oidcProviderUrlKey('arn:aws:iam::123456789012:oidc-provider/idp.example.com')).toBe(
      'idp.example.com',
    );
    expect(arns.oidcProviderUrlKey('arn:aws:iam::123456789012:oidc-provider/')).toBeUndefined();
  });
});
