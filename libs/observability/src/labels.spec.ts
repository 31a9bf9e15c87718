import { boundedLabel, ErrorNameLabels, UNKNOWN_LABEL } from './labels';

describe('label bounding', () => {
  const allowed = new Set(['CreateUserPool', 'InitiateAuth']);

  it('keeps a value on the list and collapses everything else to one value', () => {
    expect(boundedLabel('CreateUserPool', allowed)).toBe('CreateUserPool');
    for (const other of [
      undefined,
      '',
      'createuserpool',
      'CreateUserPool ',
      'us-east-1_AbCdEf123',
      '/us-east-1_AbCdEf123/.well-known/jwks.json',
      'NoSuchOperation',
    ])
      expect(boundedLabel(other, allowed)).toBe(UNKNOWN_LABEL);
  });

  it('gives a thousand distinct unknown names one series between them', () => {
    const values = new Set(
      Array.from({ length: 1000 }, (_, i) => boundedLabel(`Op${i}${Math.random()}`, allowed)),
    );
    expect([...values]).toEqual([UNKNOWN_LABEL]);
  });

  it('keeps AWS error names, refuses other shapes and caps the distinct names', () => {
    const names = new ErrorNameLabels(3);
    expect(names.of('NotAuthorizedException')).toBe('NotAuthorizedException');
    expect(names.of('not an error name')).toBe('other');
    expect(names.of('Bad"Name')).toBe('other');
    expect(names.of('X'.repeat(200))).toBe('other');
    expect(names.of('UserNotFoundException')).toBe('UserNotFoundException');
    expect(names.of('InvalidParameterException')).toBe('InvalidParameterException');
    // The cap is reached: a new name is `other`, the names already seen keep their series.
    expect(names.of('ResourceNotFoundException')).toBe('other');
    expect(names.of('NotAuthorizedException')).toBe('NotAuthorizedException');
  });
});
