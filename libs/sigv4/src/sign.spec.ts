/** The signer: round trips through the verifier, and the choices it makes about what to sign. */
import { shiftedClock, vectorOptions, withHeader } from '../test/assertions';
import { VECTOR } from '../test/http-fixture';
import { HttpRequestParts, presignRequest, signRequest, verifySigV4 } from './index';

const CREDS = { accessKeyId: VECTOR.accessKeyId, secretAccessKey: VECTOR.secret };
const SIGN = { region: VECTOR.region, service: VECTOR.service, now: () => VECTOR.now };

const request = (overrides: Partial<HttpRequestParts> = {}): HttpRequestParts => ({
  method: 'POST',
  path: '/',
  query: '',
  headers: {
    host: 'cognito-idp.us-east-1.amazonaws.com',
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
  },
  body: '{"AuthFlow":"USER_PASSWORD_AUTH"}',
  ...overrides,
});

describe('round trip: signRequest / presignRequest -> verifySigV4', () => {
  const cases: [string, Partial<HttpRequestParts>][] = [
    ['a JSON POST', {}],
    ['an empty body', { body: '' }],
    ['binary body', { body: Buffer.from([0, 1, 2, 255, 254]) }],
    ['a unicode path and query', { path: '/caf%C3%A9/ሴ', query: 'name=%E2%9C%93&x=ሴ' }],
    ['reserved characters', { path: "/a!b'c(d)e*f", query: "q=!'()*&r=%21" }],
    ['duplicate and empty query keys', { query: 'a=2&a=1&a&b=' }],
    [
      'a Query API form body',
      {
        body: 'Action=AssumeRole&Version=2011-06-15',
        headers: {
          host: 'sts.amazonaws.com',
          'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        },
      },
    ],
  ];

  it.each(cases)('header form: %s', async (_label, overrides) => {
    const signed = signRequest(request(overrides), CREDS, SIGN);
    await expect(verifySigV4(signed, vectorOptions())).resolves.toMatchObject({ method: 'header' });
  });

  it.each(cases)('header form with a session token: %s', async (_label, overrides) => {
    const signed = signRequest(
      request(overrides),
      { ...CREDS, sessionToken: 'FwoGZXIvYXdzEB//token==' },
      SIGN,
    );
    expect(signed.signedHeaders).toContain('x-amz-security-token');
    const id = await verifySigV4(signed, vectorOptions());
    expect(id.securityToken).toBe('FwoGZXIvYXdzEB//token==');
  });

  it.each(cases)('presigned form: %s', async (_label, overrides) => {
    const signed = presignRequest(
      request(overrides),
      { ...CREDS, sessionToken: 'tok' },
      { ...SIGN, expiresIn: 60 },
    );
    await expect(verifySigV4(signed, vectorOptions({ now: shiftedClock(60) }))).resolves.toMatchObject({
      method: 'query',
    });
  });

  it('an unsigned session token can be swapped, which is why resolveSecret receives it', async () => {
    const signed = signRequest(
      request(),
      { ...CREDS, sessionToken: 't1' },
      { ...SIGN, unsignedSessionToken: true },
    );
    expect(signed.signedHeaders).not.toContain('x-amz-security-token');
    expect(signed.headers['x-amz-security-token']).toBe('t1');
    const id = await verifySigV4(withHeader(signed, 'x-amz-security-token', 't2'), vectorOptions());
    expect(id.securityToken).toBe('t2');
  });
});

describe('signRequest', () => {
  it('signs every header but hop-by-hop and proxy-managed ones', () => {
    const signed = signRequest(
      request({
        headers: {
          ...request().headers,
          'User-Agent': 'aws-sdk-js/3',
          'x-amzn-trace-id': 'Root=1',
          connection: 'keep-alive',
          'proxy-authorization': 'x',
          'sec-fetch-mode': 'cors',
          'x-skip-me': '1',
          'X-Custom': 'kept',
          'content-length': '33',
        },
      }),
      CREDS,
      { ...SIGN, unsignableHeaders: ['X-Skip-Me'] },
    );
    expect(signed.signedHeaders).toEqual([
      'content-length',
      'content-type',
      'host',
      'x-amz-date',
      'x-amz-target',
      'x-custom',
    ]);
    expect(signed.headers['authorization']).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20150830\/us-east-1\/service\/aws4_request, SignedHeaders=content-length;content-type;host;x-amz-date;x-amz-target;x-custom, Signature=[0-9a-f]{64}$/,
    );
  });

  it('replaces stale auth headers whatever their case, and leaves the input untouched', () => {
    const input = request({
      headers: {
        ...request().headers,
        Authorization: 'old',
        'X-Amz-Date': '20000101T000000Z',
        'X-Amz-Security-Token': 'old',
      },
    });
    const snapshot = JSON.stringify(input);
    const signed = signRequest(input, { ...CREDS, sessionToken: 'new' }, SIGN);
    expect(
      Object.keys(signed.headers).filter((k) => /^(authorization|x-amz-date|x-amz-security-token)$/i.test(k)),
    ).toEqual(['x-amz-date', 'x-amz-security-token', 'authorization']);
    expect(signed.headers['x-amz-date']).toBe('20150830T123600Z');
    expect(JSON.stringify(input)).toBe(snapshot);
  });

  it('requires a host header', () => {
    expect(() => signRequest(request({ headers: { 'content-type': 'a' } }), CREDS, SIGN)).toThrow(
      /host header/,
    );
  });
});

describe('presignRequest', () => {
  const get = (): HttpRequestParts => request({ method: 'GET', body: '', query: 'Action=GetCallerIdentity' });

  it("appends the auth parameters after the caller's, in the AWS SDK order", () => {
    const signed = presignRequest(get(), { ...CREDS, sessionToken: 'a/b' }, SIGN);
    expect(signed.query.replace(/[0-9a-f]{64}$/, 'SIG')).toBe(
      'Action=GetCallerIdentity&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fservice%2Faws4_request' +
        '&X-Amz-Date=20150830T123600Z&X-Amz-SignedHeaders=content-type%3Bhost%3Bx-amz-target&X-Amz-Expires=3600&X-Amz-Security-Token=a%2Fb&X-Amz-Signature=SIG',
    );
    expect(signed.headers).toEqual(get().headers);
  });

  it('replaces stale auth parameters instead of duplicating them', async () => {
    const once = presignRequest(get(), CREDS, SIGN);
    const twice = presignRequest(once, CREDS, { ...SIGN, expiresIn: 10 });
    expect(twice.query.match(/X-Amz-Signature=/g)).toHaveLength(1);
    expect(twice.query).toContain('X-Amz-Expires=10&');
    await expect(verifySigV4(twice, vectorOptions())).resolves.toBeDefined();
  });

  it.each([0, 604801, 1.5, NaN])('refuses expiresIn=%p', (expiresIn) => {
    expect(() => presignRequest(get(), CREDS, { ...SIGN, expiresIn })).toThrow(RangeError);
  });
});
