import {
  CognitoIdentityProviderClient,
  DescribeUserPoolCommand,
  SignUpCommand,
  UsernameExistsException,
  AdminGetUserCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { signRequest } from '@idfed/sigv4';
import { ADMIN, GatewayHarness, startGateway } from '../test/gateway.harness';
import { KNOWN_POOL, received } from '../test/peer-services.double';

const CLIENT_ID = '4vbnq0tslv1dsr9se2hd2qa0mu';

/** The error the SDK threw, so tests can look at its class, name and metadata. */
async function failureOf(
  promise: Promise<unknown>,
): Promise<Error & { $metadata: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (err) {
    return err as Error & { $metadata: { httpStatusCode?: number } };
  }
  throw new Error('expected the call to fail');
}

describe('gateway: AWS JSON 1.1 with the real Cognito SDK', () => {
  let gw: GatewayHarness;
  const client = (credentials: { accessKeyId: string; secretAccessKey: string } = ADMIN) =>
    new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint: gw.url, credentials, maxAttempts: 1 });

  const post = (target: string | undefined, body: string, contentType = 'application/x-amz-json-1.1') =>
    fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': contentType, ...(target ? { 'x-amz-target': target } : {}) },
      body,
    });

  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(async () => {
    await gw.close();
  });
  beforeEach(() => {
    received.length = 0;
  });

  it('forwards a signed admin operation with the admin caller and the request id, unkeyed', async () => {
    const out = await client().send(new DescribeUserPoolCommand({ UserPoolId: KNOWN_POOL }));
    expect(out.UserPool?.Id).toBe(KNOWN_POOL);
    expect(out.UserPool?.CreationDate).toEqual(new Date(1700000000 * 1000));
    expect(received).toHaveLength(1);
    // No partition key: one pool's commands go round the service's partitions (and replicas).
    expect(received[0]).not.toHaveProperty('key');
    expect(received[0]).toMatchObject({
      payload: { UserPoolId: KNOWN_POOL },
      meta: { requestId: out.$metadata.requestId, caller: { kind: 'admin', accessKeyId: ADMIN.accessKeyId } },
    });
    expect(received[0].meta.sourceIp).toMatch(/127\.0\.0\.1/);
  });

  it('refuses a wrong secret as InvalidSignatureException', async () => {
    const err = await failureOf(
      client({ ...ADMIN, secretAccessKey: 'not-the-secret-0000000000000000000000000' }).send(
        new DescribeUserPoolCommand({ UserPoolId: KNOWN_POOL }),
      ),
    );
    expect(err.name).toBe('InvalidSignatureException');
    expect(err.message).toMatch(/signature we calculated does not match/);
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(received).toHaveLength(0);
  });

  it('refuses an unknown access key as UnrecognizedClientException', async () => {
    const err = await failureOf(
      client({ accessKeyId: 'AKIAUNKNOWNUNKNOWN00', secretAccessKey: ADMIN.secretAccessKey }).send(
        new DescribeUserPoolCommand({ UserPoolId: KNOWN_POOL }),
      ),
    );
    expect(err.name).toBe('UnrecognizedClientException');
    expect(err.message).toBe('The security token included in the request is invalid.');
    expect(err.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses a request signed an hour ago as InvalidSignatureException "Signature expired"', async () => {
    const skewed = new CognitoIdentityProviderClient({
      region: 'us-east-1',
      endpoint: gw.url,
      credentials: ADMIN,
      maxAttempts: 1,
      systemClockOffset: -3600_000,
    });
    const err = await failureOf(skewed.send(new DescribeUserPoolCommand({ UserPoolId: KNOWN_POOL })));
    expect(err.name).toBe('InvalidSignatureException');
    expect(err.message).toMatch(/^Signature expired/);
  });

  // The harness serves its home region alone (IDFED_REGIONS unset, distributed default, ADR 0032):
  // AWS answers a region not enabled for the account with UnrecognizedClientException.
  it('refuses a signature scoped to a region not served as AWS refuses a region not enabled', async () => {
    const elsewhere = new CognitoIdentityProviderClient({
      region: 'eu-west-1',
      endpoint: gw.url,
      credentials: ADMIN,
      maxAttempts: 1,
    });
    const err = await failureOf(elsewhere.send(new DescribeUserPoolCommand({ UserPoolId: KNOWN_POOL })));
    expect(err.name).toBe('UnrecognizedClientException');
    expect(err.message).toBe('The security token included in the request is invalid.');
  });

  it('refuses an unsigned admin operation as MissingAuthenticationTokenException', async () => {
    const res = await post(
      'AWSCognitoIdentityProviderService.DescribeUserPool',
      JSON.stringify({ UserPoolId: KNOWN_POOL }),
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ __type: 'MissingAuthenticationTokenException' });
    expect(received).toHaveLength(0);
  });

  it('passes an unsigned SignUp as an anonymous caller, not keyed by the client id', async () => {
    const anonymous = new CognitoIdentityProviderClient({
      region: 'us-east-1',
      endpoint: gw.url,
      maxAttempts: 1,
      credentials: () => Promise.reject(new Error('SignUp must not need credentials')),
    });
    const out = await anonymous.send(
      new SignUpCommand({ ClientId: CLIENT_ID, Username: 'alice', Password: 'Passw0rd!' }),
    );
    expect(out.UserSub).toBe('6f1b5a1e-2f39-4a7e-9a57-3b1c8e1f0c11');
    expect(received[0]).not.toHaveProperty('key');
    expect(received[0]).toMatchObject({ meta: { caller: { kind: 'anonymous' } } });
  });

  it('ignores a signature, even a wrong one, on an operation that needs none', async () => {
    const body = JSON.stringify({ ClientId: CLIENT_ID, Username: 'bob', Password: 'Passw0rd!' });
    const url = new URL(gw.url);
    const signed = signRequest(
      {
        method: 'POST',
        path: '/',
        query: '',
        headers: {
          host: url.host,
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AWSCognitoIdentityProviderService.SignUp',
        },
        body,
      },
      { accessKeyId: 'AKIAUNKNOWNUNKNOWN00', secretAccessKey: 'wrong-wrong-wrong-wrong-wrong-wrong-wrong' },
      { region: 'us-east-1', service: 'cognito-idp' },
    );
    const res = await fetch(gw.url, {
      method: 'POST',
      headers: signed.headers as Record<string, string>,
      body,
    });
    expect(res.status).toBe(200);
    expect(received[0].meta.caller).toEqual({ kind: 'anonymous' });
  });

  it("delivers the service's error name as the SDK's exception class with status 400", async () => {
    const err = await failureOf(
      client().send(new SignUpCommand({ ClientId: CLIENT_ID, Username: 'taken', Password: 'Passw0rd!' })),
    );
    expect(err).toBeInstanceOf(UsernameExistsException);
    expect(err.message).toBe('User already exists');
    expect(err.$metadata.httpStatusCode).toBe(400);
  });

  it('answers an unexpected service failure as InternalErrorException 500 without detail', async () => {
    const err = await failureOf(
      client().send(new AdminGetUserCommand({ UserPoolId: KNOWN_POOL, Username: 'x' })),
    );
    expect(err.name).toBe('InternalErrorException');
    expect(err.message).toBe('Internal server error');
    expect(err.message).not.toContain('hunter2');
    expect(err.$metadata.httpStatusCode).toBe(500);
  });

  it('answers malformed JSON as SerializationException in the AWS JSON error shape', async () => {
    const res = await post('AWSCognitoIdentityProviderService.SignUp', '{"ClientId": ');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(res.headers.get('x-amzn-errortype')).toBe('SerializationException:');
    expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.json()).toEqual({ __type: 'SerializationException', message: expect.any(String) });
    expect((await post('AWSCognitoIdentityProviderService.SignUp', '[1, 2]')).status).toBe(400);
    expect(received).toHaveLength(0);
  });

  it.each([
    ['an unknown service prefix', 'AWSSomeOtherService.SignUp'],
    ['an operation idfed does not serve', 'AWSCognitoIdentityProviderService.CreateUserPoolReplica'],
    ['no target at all', undefined],
  ])('answers %s as UnknownOperationException', async (_what, target) => {
    const res = await post(target, '{}');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });

  it('refuses a body over 256 KiB with 413 RequestEntityTooLargeException, not an HTML page', async () => {
    const body = JSON.stringify({ ClientId: CLIENT_ID, Username: 'x'.repeat(300 * 1024), Password: 'p' });
    const res = await post('AWSCognitoIdentityProviderService.SignUp', body);
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(await res.json()).toMatchObject({ __type: 'RequestEntityTooLargeException' });
    expect(received).toHaveLength(0);
  });

  it('refuses a content type that is not JSON', async () => {
    const res = await post('AWSCognitoIdentityProviderService.SignUp', '{}', 'text/plain');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ __type: 'SerializationException' });
  });
});
