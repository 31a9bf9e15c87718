/**
 * The public SigV4 test suites (botocore and aws-c-auth, under test/fixtures): the canonical
 * request and string to sign must match byte for byte, on the signing side (from the unsigned
 * request) and on the verifying side (from the signed request as received), and every signed
 * request must verify with the fixed clock and fail once anything it covers is changed.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  expectNoLeak,
  expectReason,
  flipLastHexDigit,
  shiftedClock,
  vectorOptions,
  withHeader,
} from '../test/assertions';
import { FIXTURES, parseHttpRequest, readFixture, readFixtureText, VECTOR } from '../test/http-fixture';
import {
  canonicalRequest,
  credentialScope,
  HttpRequestParts,
  presignRequest,
  sha256Hex,
  signRequest,
  stringToSign,
  verifySigV4,
} from './index';

const SCOPE = credentialScope('20150830', VECTOR.region, VECTOR.service);

/** Directories under `root` holding a `.req` (botocore) case, as paths relative to FIXTURES. */
function botocoreCases(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.req')) found.push(relative(FIXTURES, full).slice(0, -'.req'.length));
    }
  };
  walk(join(FIXTURES, 'botocore'));
  return found.sort();
}

const AWS_C_AUTH = join(FIXTURES, 'aws-c-auth', 'v4');
const awsCAuthCases = readdirSync(AWS_C_AUTH).filter((d) => statSync(join(AWS_C_AUTH, d)).isDirectory());

/**
 * Runs the tamper battery on a request that verifies: each change must be refused for the right
 * reason, and no message may leak the secret or the signature the server expected.
 */
function tamperSuite(
  label: string,
  load: () => HttpRequestParts,
  form: 'header' | 'query',
  token?: string,
): void {
  describe(`${label}: tampering`, () => {
    const signatureOf = (req: HttpRequestParts): string =>
      form === 'header'
        ? /Signature=([0-9a-f]{64})/.exec(String(req.headers['authorization']))![1]
        : /X-Amz-Signature=([0-9a-f]{64})/.exec(req.query)![1];

    it('passes the security token (if any) to resolveSecret and reports it', async () => {
      const resolveSecret = jest.fn().mockReturnValue(VECTOR.secret);
      const id = await verifySigV4(load(), vectorOptions({ resolveSecret }));
      expect(resolveSecret).toHaveBeenCalledWith(VECTOR.accessKeyId, token);
      expect(id).toMatchObject({
        accessKeyId: VECTOR.accessKeyId,
        region: VECTOR.region,
        service: VECTOR.service,
        date: '20150830',
        method: form,
        requestTime: VECTOR.now,
      });
      expect(id.securityToken).toBe(token);
    });

    it('accepts when the expected service and region match, at the edge of the clock window', async () => {
      const opts = { service: ['sts', VECTOR.service], region: VECTOR.region };
      await expect(
        verifySigV4(load(), vectorOptions({ ...opts, now: shiftedClock(300) })),
      ).resolves.toBeDefined();
      await expect(
        verifySigV4(load(), vectorOptions({ ...opts, now: shiftedClock(-300) })),
      ).resolves.toBeDefined();
    });

    it('rejects a tampered body', async () => {
      const req = load();
      const tampered = { ...req, body: Buffer.concat([Buffer.from(req.body), Buffer.from('x')]) };
      const declared = req.headers['x-amz-content-sha256'] !== undefined;
      await expectReason(
        verifySigV4(tampered, vectorOptions()),
        declared ? 'payload-hash-mismatch' : 'signature-mismatch',
      );
    });

    it('rejects a tampered signed header (host)', async () => {
      await expectReason(
        verifySigV4(withHeader(load(), 'host', 'evil.example.com'), vectorOptions()),
        'signature-mismatch',
      );
    });

    it('rejects a changed method, path or query', async () => {
      const req = load();
      await expectReason(
        verifySigV4({ ...req, method: req.method === 'GET' ? 'POST' : 'GET' }, vectorOptions()),
        'signature-mismatch',
      );
      await expectReason(verifySigV4({ ...req, path: '/other' }, vectorOptions()), 'signature-mismatch');
      await expectReason(
        verifySigV4({ ...req, query: req.query ? `${req.query}&extra=1` : 'extra=1' }, vectorOptions()),
        'signature-mismatch',
      );
    });

    it('ignores an added unsigned header', async () => {
      await expect(
        verifySigV4(withHeader(load(), 'user-agent', 'curl/8'), vectorOptions()),
      ).resolves.toBeDefined();
    });

    it('rejects a tampered signature without revealing the expected one', async () => {
      const req = load();
      const good = signatureOf(req);
      const bad = flipLastHexDigit(good);
      const tampered =
        form === 'header'
          ? withHeader(req, 'authorization', String(req.headers['authorization']).replace(good, bad))
          : { ...req, query: req.query.replace(good, bad) };
      const err = await expectReason(verifySigV4(tampered, vectorOptions()), 'signature-mismatch');
      expect(err.message).toBe(
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      );
      expectNoLeak(err, good);
    });

    it('rejects the request under a different secret', async () => {
      const err = await expectReason(
        verifySigV4(
          load(),
          vectorOptions({ resolveSecret: () => 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEZ' }),
        ),
        'signature-mismatch',
      );
      expectNoLeak(err, 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEZ');
    });

    it('rejects an unknown access key', async () => {
      const err = await expectReason(
        verifySigV4(load(), vectorOptions({ resolveSecret: async () => undefined })),
        'unknown-access-key',
      );
      expect(err.message).toBe('The security token included in the request is invalid.');
    });

    it('rejects a wrong service or region', async () => {
      await expectReason(verifySigV4(load(), vectorOptions({ service: 'sts' })), 'scope-mismatch');
      await expectReason(verifySigV4(load(), vectorOptions({ region: 'eu-west-1' })), 'scope-mismatch');
    });

    it('rejects a request dated too far in the future', async () => {
      const err = await expectReason(
        verifySigV4(load(), vectorOptions({ now: shiftedClock(-301) })),
        'skewed',
      );
      expect(err.message).toBe(
        'Signature not yet current: 20150830T123600Z is still later than 20150830T123559Z (20150830T123059Z + 5 min.)',
      );
    });

    if (form === 'header') {
      it('rejects a request older than the clock skew', async () => {
        const err = await expectReason(
          verifySigV4(load(), vectorOptions({ now: shiftedClock(301) })),
          'skewed',
        );
        expect(err.message).toBe(
          'Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z (20150830T124101Z - 5 min.)',
        );
      });
    } else {
      it('accepts a presigned URL until X-Amz-Expires and rejects it after', async () => {
        const expires = Number(/X-Amz-Expires=(\d+)/.exec(load().query)![1]);
        await expect(
          verifySigV4(load(), vectorOptions({ now: shiftedClock(expires) })),
        ).resolves.toBeDefined();
        const err = await expectReason(
          verifySigV4(load(), vectorOptions({ now: shiftedClock(expires + 1) })),
          'expired',
        );
        expect(err.message).toMatch(/^Request has expired/);
      });
    }
  });
}

describe('botocore aws4_testsuite', () => {
  it('finds all the vendored cases', () => {
    expect(botocoreCases()).toHaveLength(8);
  });

  describe.each(botocoreCases())('%s', (base) => {
    const name = base.split('/').pop() as string;
    const file = (ext: string): string => readFixtureText(`${base}.${ext}`);
    const sreq = (): HttpRequestParts => parseHttpRequest(readFixture(`${base}.sreq`));
    const token = sreq().headers['x-amz-security-token'] as string | undefined;
    // post-sts-header-after: the token is added after signing, so it is sent but not signed.
    const tokenAfterSigning = name === 'post-sts-header-after';
    // The shipped .sreq of this case carries get-vanilla's signature; .authz is the consistent one.
    const sreqKnownBad = name === 'get-vanilla-with-session-token';
    const signedRequest = (): HttpRequestParts =>
      sreqKnownBad ? withHeader(sreq(), 'authorization', file('authz')) : sreq();

    it('signRequest reproduces .creq, .sts and .authz from .req', () => {
      const signed = signRequest(
        parseHttpRequest(readFixture(`${base}.req`)),
        { accessKeyId: VECTOR.accessKeyId, secretAccessKey: VECTOR.secret, sessionToken: token },
        {
          region: VECTOR.region,
          service: VECTOR.service,
          now: () => VECTOR.now,
          unsignedSessionToken: tokenAfterSigning,
        },
      );
      expect(signed.canonicalRequest).toBe(file('creq'));
      expect(signed.stringToSign).toBe(file('sts'));
      expect(signed.headers['authorization']).toBe(file('authz'));
      expect(signed.headers['x-amz-security-token']).toBe(token);
    });

    it('rebuilds .creq and .sts from the signed request as received', () => {
      const req = signedRequest();
      const signedHeaders = /SignedHeaders=([^,]+)/.exec(file('authz'))![1].split(';');
      const creq = canonicalRequest({ ...req, signedHeaders, payloadHash: sha256Hex(req.body) });
      expect(creq).toBe(file('creq'));
      expect(stringToSign('20150830T123600Z', SCOPE, creq)).toBe(file('sts'));
    });

    it('verifySigV4 accepts the signed request', async () => {
      const id = await verifySigV4(
        signedRequest(),
        vectorOptions({ service: VECTOR.service, region: VECTOR.region }),
      );
      expect(id.signedHeaders.join(';')).toBe(/SignedHeaders=([^,]+)/.exec(file('authz'))![1]);
      expect(id.securityToken).toBe(token);
      if (tokenAfterSigning) expect(id.signedHeaders).not.toContain('x-amz-security-token');
    });

    if (sreqKnownBad) {
      it('rejects the .sreq as shipped (its signature belongs to get-vanilla)', async () => {
        await expectReason(verifySigV4(sreq(), vectorOptions()), 'signature-mismatch');
      });
    }

    if (tokenAfterSigning) {
      it('still accepts the request with the unsigned token removed or replaced (it is not covered)', async () => {
        await expect(
          verifySigV4(withHeader(sreq(), 'x-amz-security-token', undefined), vectorOptions()),
        ).resolves.toBeDefined();
        const resolveSecret = jest.fn().mockReturnValue(VECTOR.secret);
        await verifySigV4(
          withHeader(sreq(), 'x-amz-security-token', 'other'),
          vectorOptions({ resolveSecret }),
        );
        // The token is not signed, so it is the resolver's job to bind it to the key.
        expect(resolveSecret).toHaveBeenCalledWith(VECTOR.accessKeyId, 'other');
      });
    }

    tamperSuite(name, signedRequest, 'header', token);
  });
});

interface AwsCAuthContext {
  credentials: { access_key_id: string; secret_access_key: string; token?: string };
  expiration_in_seconds: number;
  normalize: boolean;
  region: string;
  service: string;
  sign_body: boolean;
  timestamp: string;
  omit_session_token?: boolean;
}

describe('aws-c-auth v4 signing test suite', () => {
  it('finds all the vendored cases', () => {
    expect(awsCAuthCases).toHaveLength(5);
  });

  describe.each(awsCAuthCases)('%s', (dir) => {
    const file = (name: string): string => readFixtureText('aws-c-auth', 'v4', dir, name);
    const context = JSON.parse(file('context.json')) as AwsCAuthContext;
    const creds = {
      accessKeyId: context.credentials.access_key_id,
      secretAccessKey: context.credentials.secret_access_key,
      sessionToken: context.credentials.token,
    };
    const signOpts = {
      region: context.region,
      service: context.service,
      now: () => new Date(context.timestamp),
      normalizePath: context.normalize,
      addContentSha256Header: context.sign_body,
      unsignedSessionToken: context.omit_session_token ?? false,
    };
    const unsigned = (): HttpRequestParts =>
      parseHttpRequest(readFixture('aws-c-auth', 'v4', dir, 'request.txt'));
    const headerSigned = (): HttpRequestParts =>
      parseHttpRequest(readFixture('aws-c-auth', 'v4', dir, 'header-signed-request.txt'));
    const querySigned = (): HttpRequestParts =>
      parseHttpRequest(readFixture('aws-c-auth', 'v4', dir, 'query-signed-request.txt'));

    it('uses the shared fixed inputs', () => {
      expect(new Date(context.timestamp)).toEqual(VECTOR.now);
      expect(creds.secretAccessKey).toBe(VECTOR.secret);
    });

    it('signRequest reproduces the header canonical request, string to sign, signature and signed request', () => {
      const signed = signRequest(unsigned(), creds, signOpts);
      expect(signed.canonicalRequest).toBe(file('header-canonical-request.txt'));
      expect(signed.stringToSign).toBe(file('header-string-to-sign.txt'));
      expect(signed.signature).toBe(file('header-signature.txt'));
      const expected = headerSigned();
      expect({ ...signed, headers: signed.headers, body: Buffer.from(signed.body) }).toMatchObject(expected);
      expect(Object.keys(signed.headers).sort()).toEqual(Object.keys(expected.headers).sort());
    });

    it('presignRequest reproduces the query canonical request, string to sign, signature and URL', () => {
      const signed = presignRequest(unsigned(), creds, {
        ...signOpts,
        expiresIn: context.expiration_in_seconds,
      });
      expect(signed.canonicalRequest).toBe(file('query-canonical-request.txt'));
      expect(signed.stringToSign).toBe(file('query-string-to-sign.txt'));
      expect(signed.signature).toBe(file('query-signature.txt'));
      const expected = querySigned();
      expect(signed.query).toBe(expected.query);
      expect(signed.headers).toEqual(expected.headers);
    });

    it('rebuilds both canonical requests from the signed requests as received', () => {
      const header = headerSigned();
      const hSigned = /SignedHeaders=([^,]+)/.exec(String(header.headers['authorization']))![1].split(';');
      const hCreq = canonicalRequest({
        ...header,
        signedHeaders: hSigned,
        payloadHash: sha256Hex(header.body),
      });
      expect(hCreq).toBe(file('header-canonical-request.txt'));
      expect(stringToSign('20150830T123600Z', SCOPE, hCreq)).toBe(file('header-string-to-sign.txt'));

      const query = querySigned();
      const qSigned = decodeURIComponent(/X-Amz-SignedHeaders=([^&]+)/.exec(query.query)![1]).split(';');
      const qCreq = canonicalRequest({
        ...query,
        signedHeaders: qSigned,
        payloadHash: sha256Hex(query.body),
        presigned: true,
      });
      expect(qCreq).toBe(file('query-canonical-request.txt'));
      expect(stringToSign('20150830T123600Z', SCOPE, qCreq)).toBe(file('query-string-to-sign.txt'));
    });

    it('verifySigV4 accepts the header-signed request', async () => {
      const id = await verifySigV4(
        headerSigned(),
        vectorOptions({ service: 'service', region: 'us-east-1' }),
      );
      expect(id.signature).toBe(file('header-signature.txt'));
      expect(id.method).toBe('header');
    });

    it('verifySigV4 accepts the presigned request', async () => {
      const id = await verifySigV4(querySigned(), vectorOptions({ service: 'service', region: 'us-east-1' }));
      expect(id.signature).toBe(file('query-signature.txt'));
      expect(id.method).toBe('query');
    });

    tamperSuite(`${dir} (header)`, headerSigned, 'header', creds.sessionToken);
    tamperSuite(`${dir} (query)`, querySigned, 'query', creds.sessionToken);
  });
});
