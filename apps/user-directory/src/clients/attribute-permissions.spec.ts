import { checkAttributeLists, checkWritable, readableAttributes } from './attribute-permissions';

describe('app client attribute permissions', () => {
  const attributes = {
    email: 'a@example.com',
    email_verified: 'true',
    'custom:plan': 'basic',
    'dev:custom:tier': 'gold',
  };

  it('a client without ReadAttributes reads the standard attributes only, as AWS documents', () => {
    expect(readableAttributes({}, attributes)).toEqual({ email: 'a@example.com', email_verified: 'true' });
    expect(readableAttributes(undefined, attributes)).toEqual({
      email: 'a@example.com',
      email_verified: 'true',
    });
  });

  it('a client with ReadAttributes reads exactly those', () => {
    expect(readableAttributes({ readAttributes: ['custom:plan'] }, attributes)).toEqual({
      'custom:plan': 'basic',
    });
  });

  it('refuses writes outside WriteAttributes, or of custom attributes when there is none', () => {
    const refused = {
      errorName: 'NotAuthorizedException',
      message: 'A client attempted to write unauthorized attribute',
    };
    expect(() => checkWritable({ writeAttributes: ['email'] }, ['email'])).not.toThrow();
    expect(() => checkWritable({ writeAttributes: ['email'] }, ['email', 'name'])).toThrow(
      expect.objectContaining(refused),
    );
    expect(() => checkWritable({}, ['email', 'name'])).not.toThrow();
    expect(() => checkWritable({}, ['custom:plan'])).toThrow(expect.objectContaining(refused));
    expect(() => checkWritable({ writeAttributes: ['custom:plan'] }, ['custom:plan'])).not.toThrow();
    expect(() => checkWritable({ writeAttributes: ['dev:custom:tier'] }, ['dev:custom:tier'])).toThrow(
      expect.objectContaining(refused),
    );
  });

  it('client lists must name attributes of the pool', () => {
    const schema = [{ Name: 'sub' }, { Name: 'email' }, { Name: 'custom:plan' }];
    expect(() =>
      checkAttributeLists(
        schema,
        { ReadAttributes: ['sub', 'email'], WriteAttributes: ['custom:plan'] },
        'creating',
      ),
    ).not.toThrow();
    expect(() => checkAttributeLists(schema, { ReadAttributes: ['custom:nope'] }, 'creating')).toThrow(
      expect.objectContaining({
        errorName: 'InvalidParameterException',
        message: 'Invalid read attributes specified while creating a client',
      }),
    );
    expect(() => checkAttributeLists(schema, { WriteAttributes: ['sub'] }, 'updating')).toThrow(
      expect.objectContaining({ message: 'Invalid write attributes specified while updating a client' }),
    );
  });
});
