/** verifySigV4 edge cases beyond the public vectors: parsing tolerance, every failure reason, payload rules. */
import { expectNoLeak, expectReason, shiftedClock, vectorOptions, withHeader } from '../test/assertions';
import { VECTOR } from '../test/http-fixture';
import {
  canonicalRequest,
  credentialScope,
  deriveSigningKey,
  HttpRequestParts,
  presignRequest,
  sha256Hex,
  signatureFor,
  signRequest,
  stringToSign,
  UNSIGNED_PAYLOAD,
  EMPTY_SHA256,
  verifySigV4,
} from './index';

const CREDS = { accessKeyId: VECTOR.accessKeyId, secretAccessKey: VECTOR.secret };
const SIGN = { region: VECTOR.region, service: VECTOR.service, now: () => VECTOR.now };
const AMZ_DATE = '20150830T123600Z';
const SCOPE = credentialScope('20150830', VECTOR.region, VECTOR.service);

function request(overrides: Partial<HttpRequestParts> = {}): HttpRequestParts {
  return {
    method: 'POST',
    path: '/',
    query: '',
    headers: {
      host: 'cognito-idp.us-east-1.amazonaws.com',
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.ListUsers',
    },
    body: '{"UserPoolId":"us-east-1_example"}',
    ...overrides,
  };
}

/** Signature over `req` for the given signed headers, computed from the exported building blocks. */
function signatureOver(
  req: HttpRequestParts,
  signedHeaders: string[],
  opts: { amzDate?: string; scope?: string; payloadHash?: string; presigned?: boolean } = {},
): string {
  const creq = canonicalRequest({
    ...req,
    signedHeaders,
    payloadHash: opts.payloadHash ?? sha256Hex(req.body),
    presigned: opts.presigned,
  });
  const key = deriveSigningKey(VECTOR.secret, '20150830', VECTOR.region, VECTOR.service);
  return signatureFor(key, stringToSign(opts.amzDate ?? AMZ_DATE, opts.scope ?? SCOPE, creq));
}

/** A header-signed request whose Authorization header is built by `format` (to vary its syntax). */
function withAuthorization(
  format: (credential: string, signedHeaders: string, signature: string) => string,
  signedHeaders = ['host', 'x-amz-date'],
  base = withHeader(request(), 'x-amz-date', AMZ_DATE),
): HttpRequestParts {
  const signature = signatureOver(base, signedHeaders);
  return withHeader(
    base,
    'authorization',
    format(`${VECTOR.accessKeyId}/${SCOPE}`, signedHeaders.join(';'), signature),
  );
}

describe('Authorization header parsing', () => {
  it.each([
    [
      'canonical',
      (c: string, h: string, s: string) =>
        `AWS4-HMAC-SHA256 Credential=${c}, SignedHeaders=${h}, Signature=${s}`,
    ],
    [
      'no spaces after commas',
      (c: string, h: string, s: string) =>
        `AWS4-HMAC-SHA256 Credential=${c},SignedHeaders=${h},Signature=${s}`,
    ],
    [
      'reordered',
      (c: string, h: string, s: string) =>
        `AWS4-HMAC-SHA256 Signature=${s}, Credential=${c}, SignedHeaders=${h}`,
    ],
    [
      'extra whitespace',
      (c: string, h: string, s: string) =>
        `  AWS4-HMAC-SHA256   Credential = ${c} ,\tSignedHeaders= ${h},  Signature =${s}  `,
    ],
    [
      'trailing comma',
      (c: string, h: string, s: string) =>
        `AWS4-HMAC-SHA256 Credential=${c}, SignedHeaders=${h}, Signature=${s},`,
    ],
    [
      'upper-case signature hex',
      (c: string, h: string, s: string) =>
        `AWS4-HMAC-SHA256 Credential=${c}, SignedHeaders=${h}, Signature=${s.toUpperCase()}`,
    ],
  ])('accepts %s', async (_label, format) => {
    const id = await verifySigV4(withAuthorization(format), vectorOptions());
    expect(id.signedHeaders).toEqual(['host', 'x-amz-date']);
    expect(id.signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports a missing Authorization as missing', async () => {
    const err = await expectReason(verifySigV4(request(), vectorOptions()), 'missing');
    expect(err.message).toBe('Request is missing Authentication Token');
  });

  it.each([
    ['Bearer abc', 'malformed', "Unsupported AWS 'algorithm': 'Bearer'"],
    ['aws4-hmac-sha256 Credential=a', 'malformed', "Unsupported AWS 'algorithm'"],
    ['AWS4-ECDSA-P256-SHA256 Credential=a', 'malformed', "Unsupported AWS 'algorithm'"],
    [
      'AWS4-HMAC-SHA256',
      'incomplete',
      "Authorization header requires 'Credential' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires 'Signature' parameter.",
    ],
    [
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host',
      'incomplete',
      "Authorization header requires 'Signature' parameter.",
    ],
    [
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host, Signature=',
      'incomplete',
      "requires 'Signature'",
    ],
    [
      'AWS4-HMAC-SHA256 Credential=a, SignedHeaders=host, Signature=x, Signature=y',
      'malformed',
      "Duplicate 'Signature'",
    ],
    [
      'AWS4-HMAC-SHA256 Credential=a, garbage, Signature=x',
      'malformed',
      "'garbage' not a valid key=value pair",
    ],
    [
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service, SignedHeaders=host, Signature=x',
      'malformed',
      'Credential should be of the form',
    ],
    [
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request/x, SignedHeaders=host, Signature=x',
      'malformed',
      'Credential should be of the form',
    ],
    [
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE//us-east-1/service/aws4_request, SignedHeaders=host, Signature=x',
      'malformed',
      'Credential should be of the form',
    ],
    [
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws5_request, SignedHeaders=host, Signature=x',
      'malformed',
      "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'.",
    ],
    [
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/2015-8-30/us-east-1/service/aws4_request, SignedHeaders=host, Signature=x',
      'malformed',
      'Credential scope date must be YYYYMMDD',
    ],
    [
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;;x-amz-date, Signature=x',
      'malformed',
      'SignedHeaders contains an empty header name',
    ],
  ] as const)('rejects %j as %s', async (authorization, reason, message) => {
    const req = withHeader(withHeader(request(), 'x-amz-date', AMZ_DATE), 'authorization', authorization);
    const err = await expectReason(verifySigV4(req, vectorOptions()), reason);
    expect(err.message).toContain(message);
  });

  it('rejects repeated Authorization or X-Amz-Date headers', async () => {
    const good = withAuthorization(
      (c, h, s) => `AWS4-HMAC-SHA256 Credential=${c}, SignedHeaders=${h}, Signature=${s}`,
    );
    const auth = String(good.headers['authorization']);
    await expectReason(
      verifySigV4(withHeader(good, 'authorization', [auth, auth] as never), vectorOptions()),
      'malformed',
    );
    await expectReason(
      verifySigV4({ ...good, headers: { ...good.headers, 'X-Amz-Date': AMZ_DATE } }, vectorOptions()),
      'malformed',
    );
  });

  it('quotes client input in messages without control characters', async () => {
    const req = withHeader(request(), 'authorization', 'AWS4-HMAC-SHA256 \u0001evil\u001b[31m');
    const err = await expectReason(
      verifySigV4(withHeader(req, 'x-amz-date', AMZ_DATE), vectorOptions()),
      'malformed',
    );
    expect([...err.message].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
  });
});

describe('request time', () => {
  const format = (c: string, h: string, s: string): string =>
    `AWS4-HMAC-SHA256 Credential=${c}, SignedHeaders=${h}, Signature=${s}`;

  it('needs X-Amz-Date or Date', async () => {
    const req = withAuthorization(format, ['host']);
    const err = await expectReason(
      verifySigV4(withHeader(req, 'x-amz-date', undefined), vectorOptions()),
      'incomplete',
    );
    expect(err.message).toBe(
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  });

  it('accepts an HTTP Date header in place of X-Amz-Date', async () => {
    const base = withHeader(request(), 'date', 'Sun, 30 Aug 2015 12:36:00 GMT');
    const req = withAuthorization(format, ['date', 'host'], base);
    const id = await verifySigV4(req, vectorOptions());
    expect(id.requestTime).toEqual(VECTOR.now);
  });

  it('prefers X-Amz-Date over Date', async () => {
    const base = withHeader(
      withHeader(request(), 'date', 'Mon, 31 Aug 2015 00:00:00 GMT'),
      'x-amz-date',
      AMZ_DATE,
    );
    await expect(
      verifySigV4(withAuthorization(format, ['host', 'x-amz-date'], base), vectorOptions()),
    ).resolves.toBeDefined();
  });

  it.each(['2015-08-30T12:36:00Z', '20150830T123600', '20150231T123600Z'])(
    'rejects X-Amz-Date %j as malformed',
    async (value) => {
      const req = withHeader(withAuthorization(format), 'x-amz-date', value);
      const err = await expectReason(verifySigV4(req, vectorOptions()), 'malformed');
      expect(err.message).toContain("X-Amz-Date must be in the ISO8601 basic format 'yyyyMMddTHHmmssZ'");
    },
  );

  it('rejects a Date header that is not an IMF-fixdate', async () => {
    const base = withHeader(request(), 'date', 'Sunday, 30-Aug-15 12:36:00 GMT');
    await expectReason(
      verifySigV4(withAuthorization(format, ['date', 'host'], base), vectorOptions()),
      'malformed',
    );
  });

  it('rejects a credential scope dated another day', async () => {
    const base = withHeader(request(), 'x-amz-date', AMZ_DATE);
    const req = withHeader(
      base,
      'authorization',
      `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150831/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
    );
    const err = await expectReason(
      verifySigV4(req, vectorOptions({ now: () => new Date('2015-08-31T00:00:00Z') })),
      'scope-mismatch',
    );
    expect(err.message).toBe(
      "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20150831' != '20150830', from '20150830T123600Z'.",
    );
  });

  it('honours maxSkewSeconds and words the window like AWS', async () => {
    const req = withAuthorization(format);
    await expect(
      verifySigV4(req, vectorOptions({ maxSkewSeconds: 60, now: shiftedClock(60) })),
    ).resolves.toBeDefined();
    const minute = await expectReason(
      verifySigV4(req, vectorOptions({ maxSkewSeconds: 60, now: shiftedClock(61) })),
      'skewed',
    );
    expect(minute.message).toBe(
      'Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z (20150830T123701Z - 1 min.)',
    );
    const seconds = await expectReason(
      verifySigV4(req, vectorOptions({ maxSkewSeconds: 90, now: shiftedClock(-91) })),
      'skewed',
    );
    expect(seconds.message).toContain('(20150830T123429Z + 90 sec.)');
  });

  it('uses the real clock by default', async () => {
    const signed = signRequest(request(), CREDS, { region: VECTOR.region, service: VECTOR.service });
    await expect(verifySigV4(signed, { resolveSecret: () => VECTOR.secret })).resolves.toBeDefined();
  });
});

describe('scope and signed headers', () => {
  it('accepts any of several expected services and names them when none matches', async () => {
    const signed = signRequest(request(), CREDS, { ...SIGN, service: 'cognito-idp' });
    await expect(
      verifySigV4(signed, vectorOptions({ service: ['cognito-idp', 'cognito-identity'] })),
    ).resolves.toBeDefined();
    const err = await expectReason(
      verifySigV4(signed, vectorOptions({ service: ['sts', 'iam'] })),
      'scope-mismatch',
    );
    expect(err.message).toBe("Credential should be scoped to correct service: 'sts' or 'iam'.");
    const region = await expectReason(
      verifySigV4(signed, vectorOptions({ region: 'eu-west-1' })),
      'scope-mismatch',
    );
    expect(region.message).toBe("Credential should be scoped to a valid region, not 'us-east-1'.");
  });

  it('checks the scope against the regions served, refusing one not served as AWS refuses a region not enabled', async () => {
    const signed = signRequest(request(), CREDS, { ...SIGN, service: 'cognito-idp' });
    const asked: string[] = [];
    await expect(
      verifySigV4(signed, vectorOptions({ region: (r) => (asked.push(r), r === 'us-east-1') })),
    ).resolves.toMatchObject({ region: 'us-east-1' });
    expect(asked).toEqual(['us-east-1']);
    // Refused before any secret is looked up: an opt-in region the account has not enabled answers
    // UnrecognizedClientException "The security token included in the request is invalid." on AWS.
    let looked = false;
    const refused = await expectReason(
      verifySigV4(signed, {
        ...vectorOptions({ region: (r) => r === 'eu-west-1' }),
        resolveSecret: () => ((looked = true), VECTOR.secret),
      }),
      'unknown-access-key',
    );
    expect(refused.message).toBe('The security token included in the request is invalid.');
    expect(looked).toBe(false);
  });

  it('fails a signature re-targeted to another region by editing the scope', async () => {
    const signed = signRequest(request(), CREDS, { ...SIGN, service: 'cognito-idp' });
    const headers = Object.fromEntries(
      Object.entries(signed.headers).map(([k, v]) => [
        k,
        k.toLowerCase() === 'authorization' ? String(v).replace('/us-east-1/', '/eu-west-1/') : v,
      ]),
    );
    expect(JSON.stringify(headers)).toContain('/eu-west-1/cognito-idp/');
    await expectReason(
      verifySigV4({ ...signed, headers }, vectorOptions({ region: () => true })),
      'signature-mismatch',
    );
  });

  it('requires host (or :authority) to be signed', async () => {
    const format = (c: string, h: string, s: string): string =>
      `AWS4-HMAC-SHA256 Credential=${c}, SignedHeaders=${h}, Signature=${s}`;
    const err = await expectReason(
      verifySigV4(withAuthorization(format, ['x-amz-date']), vectorOptions()),
      'incomplete',
    );
    expect(err.message).toBe("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");

    const h2 = withHeader(
      withHeader(request(), 'host', undefined),
      ':authority',
      'cognito-idp.us-east-1.amazonaws.com',
    );
    const signed = signRequest(h2, CREDS, SIGN);
    expect(signed.signedHeaders).toContain(':authority');
    await expect(verifySigV4(signed, vectorOptions())).resolves.toBeDefined();
  });

  it('requires the headers that decide the operation to be signed when present', async () => {
    const opts = vectorOptions({ mustSignHeaders: ['X-Amz-Target'] });
    const untargeted = withHeader(request(), 'x-amz-target', undefined);
    const unsigned = signRequest(untargeted, CREDS, SIGN);
    await expect(verifySigV4(unsigned, opts)).resolves.toBeDefined(); // absent: nothing to cover
    const relayed = withHeader(unsigned, 'x-amz-target', 'AWSCognitoIdentityProviderService.AdminDeleteUser');
    const err = await expectReason(verifySigV4(relayed, opts), 'incomplete');
    expect(err.message).toBe("'X-Amz-Target' must be a 'SignedHeader' in the AWS Authorization.");
    await expect(verifySigV4(relayed, vectorOptions())).resolves.toBeDefined(); // why the option exists

    const signed = signRequest(request(), CREDS, SIGN);
    await expect(verifySigV4(signed, opts)).resolves.toBeDefined();
  });

  it('fails a signed header that is absent from the request', async () => {
    const signed = signRequest(withHeader(request(), 'x-custom', 'v'), CREDS, SIGN);
    await expectReason(
      verifySigV4(withHeader(signed, 'x-custom', undefined), vectorOptions()),
      'signature-mismatch',
    );
  });

  it('accepts header names in any case', async () => {
    const signed = signRequest(request(), CREDS, SIGN);
    const upper = Object.fromEntries(
      Object.entries(signed.headers).map(([k, v]) => [k.replace(/(^|-)([a-z])/g, (m) => m.toUpperCase()), v]),
    );
    expect(Object.keys(upper)).toContain('X-Amz-Date');
    await expect(verifySigV4({ ...signed, headers: upper }, vectorOptions())).resolves.toBeDefined();
  });

  it('does not let a second copy of a signed header under another case slip through', async () => {
    const signed = signRequest(request(), CREDS, SIGN);
    await expectReason(
      verifySigV4({ ...signed, headers: { ...signed.headers, Host: 'evil.example' } }, vectorOptions()),
      'signature-mismatch',
    );
  });

  it('accepts whitespace a proxy may change inside or around signed header values', async () => {
    const signed = signRequest(withHeader(request(), 'x-custom', 'a   b \t c'), CREDS, SIGN);
    await expect(
      verifySigV4(withHeader(signed, 'x-custom', '  a b c '), vectorOptions()),
    ).resolves.toBeDefined();
    await expectReason(
      verifySigV4(withHeader(signed, 'x-custom', 'a bc'), vectorOptions()),
      'signature-mismatch',
    );
  });

  it('joins repeated header values with "," (pass headersDistinct, not the ", "-joined headers)', async () => {
    const signed = signRequest(
      { ...request(), headers: { ...request().headers, 'x-multi': ['v1', ' v2'] } },
      CREDS,
      SIGN,
    );
    expect(signed.canonicalRequest).toContain('\nx-multi:v1,v2\n');
    await expect(verifySigV4(signed, vectorOptions())).resolves.toBeDefined();
    await expectReason(
      verifySigV4(withHeader(signed, 'x-multi', 'v1, v2'), vectorOptions()),
      'signature-mismatch',
    );
  });
});

describe('path and query', () => {
  it('normalises dot segments and duplicate slashes before comparing (non-S3)', async () => {
    const signed = signRequest(request({ path: '/a/b/../c//d/./' }), CREDS, SIGN);
    await expect(verifySigV4({ ...signed, path: '/a/c/d/' }, vectorOptions())).resolves.toBeDefined();
    await expectReason(verifySigV4({ ...signed, path: '/a/c/d' }, vectorOptions()), 'signature-mismatch');
  });

  it('keeps encoded slashes distinct from real ones', async () => {
    const signed = signRequest(request({ path: '/a%2Fb' }), CREDS, SIGN);
    await expect(verifySigV4(signed, vectorOptions())).resolves.toBeDefined();
    await expectReason(verifySigV4({ ...signed, path: '/a/b' }, vectorOptions()), 'signature-mismatch');
  });

  it('signs the path as sent when normalizePath is false (S3)', async () => {
    const signed = signRequest(request({ path: '/bucket/a/./b//c%20d' }), CREDS, {
      ...SIGN,
      normalizePath: false,
    });
    expect(signed.canonicalRequest.split('\n')[1]).toBe('/bucket/a/./b//c%20d');
    await expect(verifySigV4(signed, vectorOptions({ normalizePath: false }))).resolves.toBeDefined();
    await expectReason(verifySigV4(signed, vectorOptions()), 'signature-mismatch');
    await expectReason(
      verifySigV4({ ...signed, path: '/bucket/a/b/c%20d' }, vectorOptions({ normalizePath: false })),
      'signature-mismatch',
    );
  });

  it('is indifferent to query order, and to how equivalent escapes are spelled', async () => {
    const signed = signRequest(request({ query: 'b=2&a=&a=1&c&k=%7e%2f' }), CREDS, SIGN);
    expect(signed.canonicalRequest.split('\n')[2]).toBe('a=&a=1&b=2&c=&k=~%2F');
    await expect(
      verifySigV4({ ...signed, query: 'c=&k=~%2F&a=1&b=2&a' }, vectorOptions()),
    ).resolves.toBeDefined();
    await expectReason(
      verifySigV4({ ...signed, query: 'b=2&a=&a=1&c&k=%7e%2f&a=' }, vectorOptions()),
      'signature-mismatch',
    );
    await expectReason(
      verifySigV4({ ...signed, query: 'b=2&a=1&c&k=%7e%2f' }, vectorOptions()),
      'signature-mismatch',
    );
  });

  it('treats + in the query as a literal plus, not a space', async () => {
    const signed = signRequest(request({ query: 'q=a%2Bb' }), CREDS, SIGN);
    await expect(verifySigV4({ ...signed, query: 'q=a+b' }, vectorOptions())).resolves.toBeDefined();
    await expectReason(verifySigV4({ ...signed, query: 'q=a%20b' }, vectorOptions()), 'signature-mismatch');
  });
});

describe('payload', () => {
  it('accepts a matching x-amz-content-sha256 in either hex case', async () => {
    const body = request().body;
    const signed = signRequest(request(), CREDS, { ...SIGN, addContentSha256Header: true });
    expect(signed.signedHeaders).toContain('x-amz-content-sha256');
    await expect(verifySigV4(signed, vectorOptions())).resolves.toBeDefined();
    const upper = signRequest(
      withHeader(request(), 'x-amz-content-sha256', sha256Hex(body).toUpperCase()),
      CREDS,
      SIGN,
    );
    await expect(verifySigV4(upper, vectorOptions())).resolves.toBeDefined();
  });

  it('rejects an x-amz-content-sha256 that does not match the body', async () => {
    const signed = signRequest(request(), CREDS, { ...SIGN, addContentSha256Header: true });
    const err = await expectReason(
      verifySigV4({ ...signed, body: '{}' }, vectorOptions()),
      'payload-hash-mismatch',
    );
    expect(err.message).toBe("The provided 'x-amz-content-sha256' header does not match what was computed.");
  });

  it('accepts UNSIGNED-PAYLOAD on header auth only when allowed', async () => {
    const signed = signRequest(request(), CREDS, {
      ...SIGN,
      unsignedPayload: true,
      addContentSha256Header: true,
    });
    expect(signed.headers['x-amz-content-sha256']).toBe(UNSIGNED_PAYLOAD);
    await expectReason(verifySigV4(signed, vectorOptions()), 'payload-hash-mismatch');
    await expect(
      verifySigV4({ ...signed, body: 'anything' }, vectorOptions({ allowUnsignedPayload: true })),
    ).resolves.toBeDefined();
  });

  it.each([
    ['STREAMING-AWS4-HMAC-SHA256-PAYLOAD', 'Streaming payload signing'],
    ['abc', 'x-amz-content-sha256 must be UNSIGNED-PAYLOAD or a valid sha256 value'],
  ])('rejects x-amz-content-sha256 %j as malformed', async (value, message) => {
    const signed = signRequest(withHeader(request(), 'x-amz-content-sha256', value), CREDS, SIGN);
    const err = await expectReason(
      verifySigV4(signed, vectorOptions({ allowUnsignedPayload: true })),
      'malformed',
    );
    expect(err.message).toContain(message);
  });

  it('binds the body even without x-amz-content-sha256', async () => {
    const signed = signRequest(request({ body: Buffer.from([0, 255, 1]) }), CREDS, SIGN);
    await expect(verifySigV4(signed, vectorOptions())).resolves.toBeDefined();
    await expectReason(
      verifySigV4({ ...signed, body: Buffer.from([0, 255, 2]) }, vectorOptions()),
      'signature-mismatch',
    );
    await expectReason(
      verifySigV4({ ...signed, body: Buffer.from([0, 255, 1]).toString('latin1') }, vectorOptions()),
      'signature-mismatch',
    );
  });
});

describe('presigned URLs', () => {
  const get = (): HttpRequestParts =>
    request({ method: 'GET', body: '', query: 'Action=GetCallerIdentity&Version=2011-06-15' });

  it('verifies, reports the token, and never counts X-Amz-Signature itself', async () => {
    const signed = presignRequest(get(), { ...CREDS, sessionToken: 'tok/en+=' }, { ...SIGN, expiresIn: 900 });
    expect(signed.query).toContain('X-Amz-Security-Token=tok%2Fen%2B%3D');
    const resolveSecret = jest.fn().mockResolvedValue(VECTOR.secret);
    const id = await verifySigV4(signed, vectorOptions({ resolveSecret }));
    expect(resolveSecret).toHaveBeenCalledWith(VECTOR.accessKeyId, 'tok/en+=');
    expect(id).toMatchObject({ method: 'query', securityToken: 'tok/en+=', signature: signed.signature });
  });

  it('allows UNSIGNED-PAYLOAD over an empty body, as botocore presigns', async () => {
    const signed = presignRequest(get(), CREDS, { ...SIGN, unsignedPayload: true });
    await expect(verifySigV4(signed, vectorOptions())).resolves.toBeDefined();
    const hashed = presignRequest(get(), CREDS, SIGN);
    await expectReason(verifySigV4({ ...hashed, body: 'x' }, vectorOptions()), 'signature-mismatch');
  });

  it('refuses UNSIGNED-PAYLOAD with a body unless allowed: the body would not be signed', async () => {
    const post = request({ method: 'POST', body: 'Action=ListRoles' });
    const signed = presignRequest(post, CREDS, { ...SIGN, unsignedPayload: true });
    await expectReason(
      verifySigV4({ ...signed, body: 'Action=CreateRole' }, vectorOptions()),
      'signature-mismatch',
    );
    await expectReason(verifySigV4(signed, vectorOptions()), 'signature-mismatch');
    await expect(
      verifySigV4({ ...signed, body: 'Action=CreateRole' }, vectorOptions({ allowUnsignedPayload: true })),
    ).resolves.toBeDefined();

    const declared = presignRequest(withHeader(post, 'x-amz-content-sha256', UNSIGNED_PAYLOAD), CREDS, SIGN);
    const err = await expectReason(verifySigV4(declared, vectorOptions()), 'payload-hash-mismatch');
    expect(err.message).toContain('UNSIGNED-PAYLOAD is not accepted for a request with a body');
  });

  it.each([
    ['x-amz-content-sha256', 'X-Amz-Content-Sha256', UNSIGNED_PAYLOAD],
    ['x-amz-security-token', 'X-Amz-Security-Token', 'other-token'],
  ])('refuses a %s header that differs from the signed query copy', async (header, param, value) => {
    const signed = presignRequest(
      withHeader(get(), header, header === 'x-amz-content-sha256' ? EMPTY_SHA256 : undefined),
      { ...CREDS, sessionToken: 'tok' },
      { ...SIGN, unsignableHeaders: [header] },
    );
    const query =
      header === 'x-amz-content-sha256' ? `${signed.query}&${param}=${EMPTY_SHA256}` : signed.query;
    const err = await expectReason(
      verifySigV4({ ...withHeader(signed, header, value), query }, vectorOptions()),
      'malformed',
    );
    expect(err.message).toBe(`'${param}' is given more than once, with different values.`);
  });

  it('accepts the full week and nothing longer', async () => {
    const signed = presignRequest(get(), CREDS, { ...SIGN, expiresIn: 604800 });
    await expect(verifySigV4(signed, vectorOptions({ now: shiftedClock(604800) }))).resolves.toBeDefined();
    await expectReason(verifySigV4(signed, vectorOptions({ now: shiftedClock(604801) })), 'expired');
  });

  it.each(['0', '604801', '-1', '1.5', 'abc', ''])('rejects X-Amz-Expires=%j as malformed', async (value) => {
    const signed = presignRequest(get(), CREDS, SIGN);
    const err = await expectReason(
      verifySigV4(
        { ...signed, query: signed.query.replace('X-Amz-Expires=3600', `X-Amz-Expires=${value}`) },
        vectorOptions(),
      ),
      'malformed',
    );
    expect(err.message).toContain('X-Amz-Expires must be a number of seconds from 1 to 604800');
  });

  it('without X-Amz-Expires is only good within the clock skew', async () => {
    const base = get();
    const query = `${base.query}&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F${SCOPE.replace(/\//g, '%2F')}&X-Amz-Date=${AMZ_DATE}&X-Amz-SignedHeaders=host`;
    const signature = signatureOver({ ...base, query }, ['host'], { presigned: true });
    const req = { ...base, query: `${query}&X-Amz-Signature=${signature}` };
    await expect(verifySigV4(req, vectorOptions({ now: shiftedClock(300) }))).resolves.toBeDefined();
    await expectReason(verifySigV4(req, vectorOptions({ now: shiftedClock(301) })), 'skewed');
  });

  it.each([
    [
      'X-Amz-Algorithm=AWS4-HMAC-SHA256',
      'incomplete',
      "AWS query-string parameters must include 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-SignedHeaders', 'X-Amz-Date'.",
    ],
    ['X-Amz-Signature=abc', 'incomplete', "must include 'X-Amz-Algorithm'"],
  ] as const)('reports %j as %s', async (query, reason, message) => {
    const err = await expectReason(verifySigV4(request({ query }), vectorOptions()), reason);
    expect(err.message).toContain(message);
  });

  it('rejects an unknown algorithm, a repeated auth parameter and both auth forms at once', async () => {
    const signed = presignRequest(get(), CREDS, SIGN);
    await expectReason(
      verifySigV4(
        { ...signed, query: signed.query.replace('AWS4-HMAC-SHA256', 'AWS4-HMAC-SHA512') },
        vectorOptions(),
      ),
      'malformed',
    );
    await expectReason(
      verifySigV4(
        { ...signed, query: `${signed.query}&X-Amz-Signature=${signed.signature}` },
        vectorOptions(),
      ),
      'malformed',
    );
    const both = withHeader(signed, 'authorization', 'AWS4-HMAC-SHA256 Credential=x');
    const err = await expectReason(verifySigV4(both, vectorOptions()), 'malformed');
    expect(err.message).toContain('Only one auth mechanism allowed');
  });

  it('rejects a URL dated beyond the skew in the future', async () => {
    const signed = presignRequest(get(), CREDS, SIGN);
    await expectReason(verifySigV4(signed, vectorOptions({ now: shiftedClock(-301) })), 'skewed');
  });
});

describe('secret resolution', () => {
  it('propagates resolver failures unchanged (they are server errors, not auth failures)', async () => {
    const signed = signRequest(request(), CREDS, SIGN);
    const boom = new Error('database down');
    await expect(
      verifySigV4(signed, vectorOptions({ resolveSecret: async () => Promise.reject(boom) })),
    ).rejects.toBe(boom);
  });

  it('does not consult the resolver for requests that fail cheaper checks', async () => {
    const signed = signRequest(request(), CREDS, SIGN);
    const resolveSecret = jest.fn();
    await expectReason(
      verifySigV4(signed, vectorOptions({ resolveSecret, region: 'eu-west-1' })),
      'scope-mismatch',
    );
    await expectReason(
      verifySigV4(signed, vectorOptions({ resolveSecret, now: shiftedClock(3600) })),
      'skewed',
    );
    expect(resolveSecret).not.toHaveBeenCalled();
  });

  it('treats an empty secret as an unknown key', async () => {
    const signed = signRequest(request(), CREDS, SIGN);
    await expectReason(verifySigV4(signed, vectorOptions({ resolveSecret: () => '' })), 'unknown-access-key');
  });

  it('never leaks the secret, the expected signature or the canonical request', async () => {
    const signed = signRequest(request(), CREDS, SIGN);
    const tampered = withHeader(signed, 'x-amz-target', 'AWSCognitoIdentityProviderService.AdminDeleteUser');
    const err = await expectReason(verifySigV4(tampered, vectorOptions()), 'signature-mismatch');
    const expected = signRequest(tampered, CREDS, SIGN);
    expectNoLeak(
      err,
      expected.signature,
      expected.canonicalRequest,
      expected.stringToSign,
      'AdminDeleteUser',
      'x-amz-target',
    );
  });
});
