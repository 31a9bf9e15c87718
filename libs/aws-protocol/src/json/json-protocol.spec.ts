import { AwsError } from '../aws.error';
import { parseAmzTarget } from './amz-target.parser';
import { readAmzTarget } from './amz-target.reader';
import { isAwsJsonContentType, parseJsonRequestBody } from './json-request.parser';
import { jsonErrorResponse, jsonResponse } from './json-response.encoder';

describe('X-Amz-Target', () => {
  it('splits the service prefix from the operation', () => {
    expect(parseAmzTarget('AWSCognitoIdentityProviderService.SignUp')).toEqual({
      servicePrefix: 'AWSCognitoIdentityProviderService',
      operation: 'SignUp',
    });
    expect(parseAmzTarget('DynamoDB_20120810.PutItem')).toEqual({
      servicePrefix: 'DynamoDB_20120810',
      operation: 'PutItem',
    });
  });

  it.each([undefined, '', 'SignUp', 'A.b', 'A.B.C', 'A.Sign Up', '.SignUp', 'A.', ['A.B', 'A.B']])(
    'refuses %p',
    (header) => {
      expect(parseAmzTarget(header)).toBeUndefined();
    },
  );
});

describe('X-Amz-Target from the header or a presigned query string', () => {
  const T = 'AWSCognitoIdentityProviderService.DescribeUserPool';
  const OTHER = 'AWSCognitoIdentityProviderService.DeleteUserPool';
  const PRESIGNED = 'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=00';

  it('reads either place, and both when they agree', () => {
    expect(readAmzTarget({ 'x-amz-target': [T] }, '')).toBe(T);
    expect(readAmzTarget({}, `x-amz-target=${T}&${PRESIGNED}`)).toBe(T);
    expect(readAmzTarget({}, `X-Amz-Target=${T}`)).toBe(T);
    expect(readAmzTarget({ 'x-amz-target': [T] }, `x-amz-target=${T}`)).toBe(T);
    expect(readAmzTarget({}, 'Action=GetCallerIdentity')).toBeUndefined();
  });

  it.each([
    [
      'a presigned URL relayed with another target header',
      { 'x-amz-target': [OTHER] },
      `x-amz-target=${T}&${PRESIGNED}`,
    ],
    ['two query copies', {}, `x-amz-target=${T}&X-Amz-Target=${OTHER}&${PRESIGNED}`],
    ['the header twice', { 'x-amz-target': [T, T], authorization: ['AWS4-HMAC-SHA256 ...'] }, ''],
  ])('refuses %s as IncompleteSignatureException when signed', (_what, headers, query) => {
    expect(() => readAmzTarget(headers, query)).toThrow(
      expect.objectContaining({ errorName: 'IncompleteSignatureException', status: 400 }),
    );
  });

  it('refuses conflicting copies of an unsigned request as UnknownOperationException', () => {
    expect(() => readAmzTarget({ 'x-amz-target': [OTHER] }, `x-amz-target=${T}`)).toThrow(
      expect.objectContaining({ errorName: 'UnknownOperationException' }),
    );
  });
});

describe('JSON request body', () => {
  it('accepts the JSON content types the clients send', () => {
    expect(isAwsJsonContentType('application/x-amz-json-1.1')).toBe(true);
    expect(isAwsJsonContentType('application/x-amz-json-1.0')).toBe(true);
    expect(isAwsJsonContentType('Application/JSON; charset=utf-8')).toBe(true);
    expect(isAwsJsonContentType('text/plain')).toBe(false);
    expect(isAwsJsonContentType(undefined)).toBe(false);
  });

  it('parses an object and counts an empty body as {}', () => {
    expect(parseJsonRequestBody(Buffer.from('{"ClientId":"c"}'))).toEqual({ ClientId: 'c' });
    expect(parseJsonRequestBody(Buffer.alloc(0))).toEqual({});
  });

  it.each(['{', 'null', '[1]', '"text"', '42'])('refuses %p as SerializationException', (text) => {
    expect(() => parseJsonRequestBody(Buffer.from(text))).toThrow(AwsError);
    try {
      parseJsonRequestBody(Buffer.from(text));
    } catch (err) {
      expect(err).toMatchObject({ errorName: 'SerializationException', status: 400 });
    }
  });

  it.each([
    ['10,000 nested arrays', `{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}`],
    ['10,000 nested objects', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`],
    ['65 levels', `${'{"a":'.repeat(65)}1${'}'.repeat(65)}`],
    [
      '65 levels after a string ending in an escaped backslash',
      `{"a":"x\\\\","b":${'['.repeat(65)}${']'.repeat(65)}}`,
    ],
  ])('refuses %s as SerializationException: later walks would overflow the stack', (_what, text) => {
    expect(() => parseJsonRequestBody(Buffer.from(text))).toThrow(
      expect.objectContaining({ errorName: 'SerializationException', status: 400 }),
    );
  });

  it('accepts 64 levels, and brackets inside strings do not count', () => {
    const deepest = `${'{"a":'.repeat(64)}1${'}'.repeat(64)}`;
    expect(() => parseJsonRequestBody(Buffer.from(deepest))).not.toThrow();
    const text = JSON.stringify({ Name: '[[[[{{{{\\"'.repeat(1000), List: [[{ a: '"]' }]] });
    expect(parseJsonRequestBody(Buffer.from(text))).toEqual(JSON.parse(text));
  });

  it('refuses invalid UTF-8 instead of guessing', () => {
    expect(() => parseJsonRequestBody(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]))).toThrow(/not valid JSON/);
  });
});

describe('JSON responses', () => {
  it('answers results as x-amz-json-1.1 with the request id', () => {
    const res = jsonResponse({ UserSub: 'abc' }, 'req-1');
    expect(res).toEqual({
      status: 200,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': 'req-1' },
      body: '{"UserSub":"abc"}',
    });
    expect(jsonResponse(undefined, 'r').body).toBe('{}');
  });

  it('answers errors with __type, message and x-amzn-ErrorType', () => {
    const res = jsonErrorResponse(new AwsError('UsernameExistsException', 'User already exists'), 'req-2');
    expect(res.status).toBe(400);
    expect(res.headers).toMatchObject({
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-RequestId': 'req-2',
      'x-amzn-ErrorType': 'UsernameExistsException:',
    });
    expect(JSON.parse(res.body)).toEqual({
      __type: 'UsernameExistsException',
      message: 'User already exists',
    });
  });
});
