import { RequestValidator as Base } from './request-validator';

class InvalidParameter extends Error {
  override name = 'InvalidParameterException';
}
const RequestValidator = { of: (body: unknown) => Base.of(body, (message) => new InvalidParameter(message)) };
const Patterns = { userPoolId: /^[\w-]+_[0-9a-zA-Z]+$/, username: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u };

function errorOf(fn: () => void): { name: string; message: string } {
  try {
    fn();
  } catch (err) {
    return { name: (err as Error).name, message: (err as Error).message };
  }
  throw new Error('expected a validation error');
}

describe('RequestValidator', () => {
  it('reports a missing member the way AWS words it', () => {
    const err = errorOf(() => RequestValidator.of({}).string('Username', { required: true }).check());
    expect(err).toEqual({
      name: 'InvalidParameterException',
      message:
        "1 validation error detected: Value null at 'username' failed to satisfy constraint: Member must not be null",
    });
  });

  it('collects every violation before failing', () => {
    const err = errorOf(() =>
      RequestValidator.of({ ClientId: '', MaxResults: 100 })
        .string('ClientId', { required: true, min: 1 })
        .integer('MaxResults', { max: 60 })
        .string('Username', { required: true })
        .check(),
    );
    expect(err.message).toMatch(/^3 validation errors detected: /);
  });

  it('never echoes a secret value', () => {
    const err = errorOf(() =>
      RequestValidator.of({ Password: 'x'.repeat(300) })
        .string('Password', { max: 256, secret: true })
        .check(),
    );
    expect(err.message).not.toContain('xxx');
  });

  it('rejects a non-object body', () => {
    expect(errorOf(() => RequestValidator.of([1, 2])).name).toBe('InvalidParameterException');
  });

  it('accepts well-formed input', () => {
    expect(() =>
      RequestValidator.of({ UserPoolId: 'us-east-1_AbC123xyz', Username: 'alice@example.com' })
        .string('UserPoolId', { required: true, pattern: Patterns.userPoolId })
        .string('Username', { required: true, pattern: Patterns.username })
        .check(),
    ).not.toThrow();
  });
});
