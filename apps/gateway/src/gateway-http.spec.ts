import { GatewayHarness, PUBLIC_URL, startGateway } from '../test/gateway.harness';
import { KNOWN_POOL } from '../test/peer-services.double';

describe('gateway: health, well-known documents, CORS', () => {
  let gw: GatewayHarness;

  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(async () => {
    await gw.close();
  });

  it('reports healthy when every service answers with its database up', async () => {
    const res = await fetch(`${gw.url}/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; services: Record<string, { status: string }> };
    expect(body.status).toBe('ok');
    expect(Object.keys(body.services).sort()).toEqual([
      'credential-vending',
      'device-sync',
      'federation-broker',
      'user-directory',
    ]);
    expect(Object.values(body.services).every((s) => s.status === 'up')).toBe(true);
  });

  it('serves a pool JWKS with a cache lifetime', async () => {
    const res = await fetch(`${gw.url}/${KNOWN_POOL}/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(((await res.json()) as { keys: unknown[] }).keys).toHaveLength(1);
  });

  it('serves a discovery document whose issuer is the public URL plus the pool id', async () => {
    const res = await fetch(`${gw.url}/${KNOWN_POOL}/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    const issuer = `${PUBLIC_URL}/${KNOWN_POOL}`;
    expect(await res.json()).toMatchObject({
      issuer,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      authorization_endpoint: `${issuer}/oauth2/authorize`,
      token_endpoint: `${issuer}/oauth2/token`,
      userinfo_endpoint: `${issuer}/oauth2/userInfo`,
      revocation_endpoint: `${issuer}/oauth2/revoke`,
      end_session_endpoint: `${issuer}/logout`,
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
    });
  });

  it.each([
    ['an unknown pool', 'us-east-1_Nope'],
    ['something that is not a pool id', 'not-a-pool'],
  ])('answers 404 for %s', async (_what, pool) => {
    for (const doc of ['jwks.json', 'openid-configuration']) {
      const res = await fetch(`${gw.url}/${pool}/.well-known/${doc}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ __type: 'ResourceNotFoundException' });
    }
  });

  it('answers an unknown route with a JSON 404 and a request id', async () => {
    const res = await fetch(`${gw.url}/no/such/route`);
    expect(res.status).toBe(404);
    expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.json()).toMatchObject({ __type: 'NotFoundException' });
  });

  it('answers a CORS preflight for the browser SDK headers with 204', async () => {
    const res = await fetch(gw.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.example.test',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-amz-target,x-amz-user-agent,amz-sdk-invocation-id',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = res.headers.get('access-control-allow-headers') ?? '';
    for (const h of [
      'x-amz-target',
      'x-amz-user-agent',
      'authorization',
      'x-amz-date',
      'x-amz-security-token',
    ]) {
      expect(allowed).toContain(h);
    }
    expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
  });

  it("allows Amplify v6's cache-control request header (its Cognito calls send no-store)", async () => {
    const res = await fetch(gw.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'cache-control,content-type,x-amz-target,x-amz-user-agent',
      },
    });
    expect(res.status).toBe(204);
    expect((res.headers.get('access-control-allow-headers') ?? '').split(',')).toContain('cache-control');
  });

  it('exposes the request id and error type to browser code', async () => {
    const res = await fetch(gw.url, {
      method: 'POST',
      headers: { origin: 'https://app.example.test' },
      body: '{}',
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toContain('x-amzn-RequestId');
    expect(res.headers.get('access-control-expose-headers')).toContain('x-amzn-ErrorType');
  });

  // Last: it stops a peer service.
  it('reports 503 with the per-service detail when one service does not answer', async () => {
    await gw.peers.get('device-sync')!.close();
    gw.peers.delete('device-sync');
    const res = await fetch(`${gw.url}/health`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as {
      status: string;
      services: Record<string, { status: string; detail?: string }>;
    };
    expect(body.status).toBe('unavailable');
    expect(body.services['device-sync']).toMatchObject({
      status: 'down',
      detail: expect.stringContaining('device-sync'),
    });
    expect(body.services['user-directory'].status).toBe('up');

    // Liveness and readiness do not hang on one stopped service: the gateway still serves the others.
    expect((await fetch(`${gw.url}/health/live`)).status).toBe(200);
    const ready = await fetch(`${gw.url}/health/ready`);
    expect(ready.status).toBe(200);
    const readiness = (await ready.json()) as { bus: string; services: Record<string, { status: string }> };
    expect(readiness.bus).toBe('up');
    expect(readiness.services['device-sync'].status).toBe('down');
    expect(readiness.services['user-directory'].status).toBe('up');
  });
});
