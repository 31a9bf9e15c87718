/**
 * Interop with the real AWS SDK for JavaScript v3 signer (@smithy/signature-v4): whatever it
 * signs, header or presigned, must verify here. Skipped when the package is not installed (it
 * arrives with the @aws-sdk/* dev dependencies, not as a dependency of this library).
 */
import { createHash, createHmac, Hash, Hmac } from 'node:crypto';
import { shiftedClock, vectorOptions } from '../test/assertions';
import { VECTOR } from '../test/http-fixture';
import { HttpRequestParts, uriEncode, verifySigV4, SigV4VerifyOptions } from './index';

const SMITHY = '@smithy/signature-v4';

function installed(name: string): boolean {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

/** The subset of @smithy/signature-v4 used here (typed locally so tsc does not need the package). */
interface SmithyRequest {
  method: string;
  protocol: string;
  hostname: string;
  path: string;
  query?: Record<string, string | string[]>;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}
interface SmithySigner {
  sign(request: SmithyRequest, options?: { signingDate?: Date }): Promise<SmithyRequest>;
  presign(
    request: SmithyRequest,
    options?: { signingDate?: Date; expiresIn?: number },
  ): Promise<SmithyRequest>;
}
type SmithyCtor = new (init: {
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  region: string;
  service: string;
  sha256: unknown;
  uriEscapePath?: boolean;
  applyChecksum?: boolean;
}) => SmithySigner;

/** A node:crypto hash in the shape the SDK's `sha256` option expects (HMAC when given a key). */
class NodeSha256 {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: string | Uint8Array) {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', this.secret);
  }
  update(data: string | Uint8Array): void {
    this.hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

/** What a Node server receives for a request the SDK sends: the query serialised like the SDK's HTTP handler, headers lowercased and trimmed. */
function asReceived(req: SmithyRequest): HttpRequestParts {
  const query = Object.entries(req.query ?? {})
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${uriEncode(k)}=${uriEncode(x)}`))
    .join('&');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = v.trim();
  return {
    method: req.method,
    path: req.path,
    query,
    headers,
    body: req.body === undefined ? '' : Buffer.from(req.body),
  };
}

const describeIfSmithy = installed(SMITHY) ? describe : describe.skip;

describeIfSmithy('interop with @smithy/signature-v4 (AWS SDK v3)', () => {
  let SignatureV4: SmithyCtor;
  beforeAll(async () => {
    ({ SignatureV4 } = (await import(SMITHY)) as { SignatureV4: SmithyCtor });
  });

  const signer = (
    overrides: { sessionToken?: string; service?: string; uriEscapePath?: boolean } = {},
  ): SmithySigner =>
    new SignatureV4({
      credentials: {
        accessKeyId: VECTOR.accessKeyId,
        secretAccessKey: VECTOR.secret,
        sessionToken: overrides.sessionToken,
      },
      region: VECTOR.region,
      service: overrides.service ?? 'cognito-idp',
      sha256: NodeSha256,
      uriEscapePath: overrides.uriEscapePath,
    });
  const signingDate = VECTOR.now;
  const opts = (extra: Partial<SigV4VerifyOptions> = {}): SigV4VerifyOptions =>
    vectorOptions({ region: VECTOR.region, service: ['cognito-idp', 's3', 'sts'], ...extra });

  const cognitoCall = (): SmithyRequest => {
    const body = JSON.stringify({
      ClientId: 'abc',
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'ሴ' },
    });
    return {
      method: 'POST',
      protocol: 'https:',
      hostname: 'cognito-idp.us-east-1.amazonaws.com',
      path: '/',
      headers: {
        host: 'cognito-idp.us-east-1.amazonaws.com',
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'aws-sdk-js/3.0.0',
        'amz-sdk-invocation-id': '6f6a0c2e-0000-4000-8000-000000000000',
        'x-amz-meta-note': 'spaced    out\tvalue',
      },
      body,
    };
  };

  it('verifies a header-signed Cognito call', async () => {
    const signed = await signer().sign(cognitoCall(), { signingDate });
    expect(signed.headers['authorization']).toContain(
      'SignedHeaders=amz-sdk-invocation-id;content-length;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-meta-note;x-amz-target,',
    );
    const id = await verifySigV4(asReceived(signed), opts());
    expect(id).toMatchObject({ method: 'header', service: 'cognito-idp', accessKeyId: VECTOR.accessKeyId });
  });

  it('verifies a header-signed call with temporary credentials, and notices tampering', async () => {
    const signed = await signer({ sessionToken: 'IQoJb3JpZ2luX2VjEM//////////token+/=' }).sign(
      cognitoCall(),
      { signingDate },
    );
    const received = asReceived(signed);
    const id = await verifySigV4(received, opts());
    expect(id.securityToken).toBe('IQoJb3JpZ2luX2VjEM//////////token+/=');
    const tampered = { ...received, body: String(received.body).replace('abc', 'abd') };
    await expect(verifySigV4(tampered, opts())).rejects.toMatchObject({ reason: 'payload-hash-mismatch' });
  });

  it('verifies paths and queries the SDK double-encodes', async () => {
    const req: SmithyRequest = {
      method: 'GET',
      protocol: 'https:',
      hostname: 'example.amazonaws.com',
      path: '/foo%20bar/caf%C3%A9/a%2Fb/./x/../y',
      query: { b: ['2', '1'], a: '', ሴ: 'x y', k: 'a/b+c', 'X-Custom': "!'()*" },
      headers: { host: 'example.amazonaws.com' },
    };
    const signed = await signer().sign(req, { signingDate });
    await expect(verifySigV4(asReceived(signed), opts())).resolves.toBeDefined();
  });

  it('verifies an S3-style request (no path normalisation, UNSIGNED-PAYLOAD)', async () => {
    const req: SmithyRequest = {
      method: 'PUT',
      protocol: 'https:',
      hostname: 'bucket.s3.amazonaws.com',
      path: '/dir/./key%20name//x',
      headers: { host: 'bucket.s3.amazonaws.com', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
      body: 'object bytes',
    };
    const signed = await signer({ service: 's3', uriEscapePath: false }).sign(req, { signingDate });
    await expect(
      verifySigV4(asReceived(signed), opts({ normalizePath: false, allowUnsignedPayload: true })),
    ).resolves.toBeDefined();
    await expect(verifySigV4(asReceived(signed), opts({ allowUnsignedPayload: true }))).rejects.toMatchObject(
      { reason: 'signature-mismatch' },
    );
  });

  it('verifies a presigned STS GetCallerIdentity URL until it expires', async () => {
    const req: SmithyRequest = {
      method: 'GET',
      protocol: 'https:',
      hostname: 'sts.amazonaws.com',
      path: '/',
      query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      headers: { host: 'sts.amazonaws.com', 'x-k8s-aws-id': 'cluster-1' },
    };
    const presigned = await signer({ service: 'sts', sessionToken: 'tok/en' }).presign(req, {
      signingDate,
      expiresIn: 900,
    });
    const received = asReceived(presigned);
    expect(received.query).toContain('X-Amz-Signature=');
    const id = await verifySigV4(received, opts({ now: shiftedClock(900) }));
    expect(id).toMatchObject({
      method: 'query',
      securityToken: 'tok/en',
      signedHeaders: ['host', 'x-k8s-aws-id'],
    });
    await expect(verifySigV4(received, opts({ now: shiftedClock(901) }))).rejects.toMatchObject({
      reason: 'expired',
    });
  });

  it('verifies presigned requests with a body, hoisted x-amz-* headers, and S3 UNSIGNED-PAYLOAD', async () => {
    const post = await signer().presign(cognitoCall(), { signingDate });
    expect(post.query?.['x-amz-target']).toBeDefined(); // hoisted into the query by the SDK
    await expect(verifySigV4(asReceived(post), opts())).resolves.toBeDefined();

    const s3: SmithyRequest = {
      method: 'GET',
      protocol: 'https:',
      hostname: 'bucket.s3.amazonaws.com',
      path: '/key',
      headers: { host: 'bucket.s3.amazonaws.com', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    };
    const url = await signer({ service: 's3', uriEscapePath: false }).presign(s3, { signingDate });
    await expect(verifySigV4(asReceived(url), opts({ normalizePath: false }))).resolves.toBeDefined();
  });

  describe('randomised requests', () => {
    // Deterministic PRNG (mulberry32) so a failure is reproducible from its iteration number.
    const rng = (seed: number) => (): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const ALPHABET = [
      'a',
      'Z',
      '0',
      '-',
      '_',
      '.',
      '~',
      ' ',
      '!',
      '*',
      "'",
      '(',
      '%',
      '+',
      '=',
      '&',
      '/',
      ';',
      ':',
      'é',
      'ሴ',
      '😀',
    ];

    function randomRequest(next: () => number): SmithyRequest {
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
      const word = (max: number): string =>
        Array.from({ length: Math.floor(next() * (max + 1)) }, () => pick(ALPHABET)).join('');
      const segments = Array.from({ length: 1 + Math.floor(next() * 3) }, () =>
        pick(['.', '..', '', word(6), word(6)]),
      );
      const query: Record<string, string | string[]> = {};
      for (let i = Math.floor(next() * 5); i > 0; i--) {
        const key = pick(['a', 'A', 'b', 'a-b', word(3) || 'k']);
        const value = word(5);
        const prev = query[key];
        query[key] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
      }
      const headers: Record<string, string> = { host: 'svc.example.com' };
      for (let i = Math.floor(next() * 3); i > 0; i--)
        headers[`x-custom-${i}`] = `${word(3)}  \t ${word(3)}`.trim() || 'v';
      return {
        method: pick(['GET', 'POST', 'PUT', 'DELETE']),
        protocol: 'https:',
        hostname: 'svc.example.com',
        // The SDK's serialisers percent-encode each label; its signer then encodes that again.
        path: `/${segments.map((s) => (s === '.' || s === '..' ? s : uriEncode(s))).join('/')}`,
        query,
        headers,
        body: pick(['', word(10), '{"k":"v"}']),
      };
    }

    it('verifies 300 random header-signed and presigned requests', async () => {
      const next = rng(20150830);
      for (let i = 0; i < 300; i++) {
        const req = randomRequest(next);
        const form = i % 2 === 0 ? 'header' : 'query';
        const signed =
          form === 'header'
            ? await signer().sign(req, { signingDate })
            : await signer().presign(req, { signingDate });
        const result = await verifySigV4(asReceived(signed), opts()).catch((err: Error) => err);
        if (result instanceof Error)
          throw new Error(`iteration ${i} (${form}) ${JSON.stringify(req)}: ${result.message}`);
      }
    });
  });
});
