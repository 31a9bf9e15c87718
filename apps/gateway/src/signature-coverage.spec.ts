import {
  CognitoIdentityProviderClient,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { HttpRequest } from '@smithy/types';
import {
  newSecretAccessKey,
  newTemporaryAccessKeyId,
  SessionClaims,
  SessionTokenCodec,
} from '@idfed/session-credentials';
import {
  awsSigner,
  httpRequest,
  jsonRequest,
  sendTampered,
  streamBody,
} from '../../../libs/testing/src/aws-sdk-signer';
import { ADMIN, GatewayHarness, SESSION_TOKEN_KEY, startGateway } from '../test/gateway.harness';
import { receivedByCredentialVending } from '../test/credential-vending.double';
import { KNOWN_POOL, received } from '../test/peer-services.double';

const IDP = 'AWSCognitoIdentityProviderService';
const FORM = 'application/x-www-form-urlencoded';
const CREATE_ROLE =
  'Action=CreateRole&Version=2010-05-08&RoleName=attacker&AssumeRolePolicyDocument=' +
  encodeURIComponent('{"Version":"2012-10-17","Statement":[]}');

const codec = SessionTokenCodec.fromMasterKey(SESSION_TOKEN_KEY);

/** Temporary credentials as credential vending mints them. */
function session() {
  const claims: SessionClaims = {
    accessKeyId: newTemporaryAccessKeyId(),
    secretAccessKey: newSecretAccessKey(),
    roleArn: 'arn:aws:iam::000000000000:role/app/web',
    roleId: 'AROAWEBWEBWEBWEBWEBWE',
    sessionName: 'alice',
    subject: 'user-1',
    provider: 'arn:aws:iam::000000000000:oidc-provider/idp.example.test',
    issuedAt: Date.now() - 1000,
    expiresAt: Date.now() + 3600_000,
  };
  return {
    accessKeyId: claims.accessKeyId,
    secretAccessKey: claims.secretAccessKey,
    sessionToken: codec.seal(claims),
  };
}

/**
 * The operation idfed executes is the one the signature covers. Every request here is signed or
 * presigned by the AWS SDK's own signer (@smithy/signature-v4) and then tampered with as an
 * attacker holding it would: retargeted, given another body, relayed with other headers.
 */
describe('gateway: signatures cover what the request does', () => {
  let gw: GatewayHarness;

  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(async () => {
    await gw.close();
  });
  beforeEach(() => {
    received.length = 0;
    receivedByCredentialVending.length = 0;
  });

  const describePool = () => jsonRequest(gw.url, `${IDP}.DescribeUserPool`, { UserPoolId: KNOWN_POOL });

  describe('AWS JSON 1.1 (admin operations)', () => {
    it('serves a presigned URL as signed: X-Amz-Target hoisted into the query', async () => {
      const url = await awsSigner(ADMIN, 'cognito-idp').presign(describePool());
      expect(url.query?.['x-amz-target']).toBe(`${IDP}.DescribeUserPool`);
      const res = await sendTampered(gw.url, url);
      expect(res.status).toBe(200);
      expect(received).toHaveLength(1);
      expect(received[0].payload).toEqual({ UserPoolId: KNOWN_POOL });
      expect(res.text).toContain('"Id":"us-east-1_TestPool1"');
    });

    it('refuses a presigned read replayed with an X-Amz-Target header naming another operation', async () => {
      const url = await awsSigner(ADMIN, 'cognito-idp').presign(describePool());
      const res = await sendTampered(gw.url, url, { headers: { 'x-amz-target': `${IDP}.AdminGetUser` } });
      expect(res).toMatchObject({ status: 400, errorCode: 'IncompleteSignatureException' });
      expect(received).toHaveLength(0);
    });

    it('refuses a presigned read with a second X-Amz-Target in the query string', async () => {
      const url = await awsSigner(ADMIN, 'cognito-idp').presign(describePool());
      const res = await sendTampered(gw.url, url, { extraQuery: `X-Amz-Target=${IDP}.AdminGetUser` });
      expect(res.status).toBe(400);
      expect(res.errorCode).toMatch(/^(IncompleteSignatureException|InvalidSignatureException)$/);
      expect(received).toHaveLength(0);
    });

    it('refuses a header-signed request whose X-Amz-Target is not a signed header', async () => {
      const signed = await awsSigner(ADMIN, 'cognito-idp').sign(describePool(), {
        unsignableHeaders: new Set(['x-amz-target']),
      });
      expect(signed.headers.authorization).not.toContain('x-amz-target');
      for (const target of ['DescribeUserPool', 'AdminGetUser']) {
        const res = await sendTampered(gw.url, signed, { headers: { 'x-amz-target': `${IDP}.${target}` } });
        expect(res).toMatchObject({ status: 400, errorCode: 'IncompleteSignatureException' });
        expect(res.text).toContain("'X-Amz-Target' must be a 'SignedHeader'");
      }
      expect(received).toHaveLength(0);
    });

    it('refuses a request the real SDK client signed once retargeted or given another body', async () => {
      let captured: HttpRequest | undefined;
      const client = new CognitoIdentityProviderClient({
        region: 'us-east-1',
        endpoint: gw.url,
        credentials: ADMIN,
        maxAttempts: 1,
        requestHandler: {
          handle: async (request: HttpRequest) => {
            captured = request;
            throw new Error('captured, not sent');
          },
        },
      });
      await expect(client.send(new DescribeUserPoolCommand({ UserPoolId: KNOWN_POOL }))).rejects.toThrow(
        'captured',
      );
      const signed = captured!;
      expect(signed.headers.authorization).toMatch(/SignedHeaders=[^,]*x-amz-target/);
      const retargeted = await sendTampered(gw.url, signed, {
        headers: { 'x-amz-target': `${IDP}.AdminGetUser` },
      });
      expect(retargeted).toMatchObject({ status: 400, errorCode: 'InvalidSignatureException' });
      const otherBody = await sendTampered(gw.url, signed, { body: JSON.stringify({ UserPoolId: 'other' }) });
      expect(otherBody).toMatchObject({ status: 400, errorCode: 'InvalidSignatureException' });
      expect(received).toHaveLength(0);
      const untouched = await sendTampered(gw.url, signed);
      expect(untouched.status).toBe(200);
    });

    it('refuses UNSIGNED-PAYLOAD on a presigned POST: the body is not the one signed', async () => {
      const req = describePool();
      req.headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
      // The target stays a signed header, so only the payload is left unsigned.
      const url = await awsSigner(ADMIN, 'cognito-idp').presign(req, {
        unhoistableHeaders: new Set(['x-amz-target']),
      });
      expect(url.query?.['x-amz-content-sha256']).toBe('UNSIGNED-PAYLOAD');
      expect(url.query?.['X-Amz-SignedHeaders']).toContain('x-amz-target');
      const res = await sendTampered(gw.url, url, {
        body: JSON.stringify({ UserPoolId: 'us-east-1_Other' }),
      });
      expect(res).toMatchObject({ status: 400, errorCode: 'InvalidSignatureException' });
      expect(res.text).toContain('UNSIGNED-PAYLOAD');
      expect(received).toHaveLength(0);
    });

    it('refuses a host-only presigned URL (UNSIGNED-PAYLOAD) as a bearer token for any operation', async () => {
      const url = await awsSigner(ADMIN, 'cognito-idp').presign(httpRequest(gw.url, { body: streamBody() }));
      expect(url.query?.['X-Amz-SignedHeaders']).toBe('host');
      const res = await sendTampered(gw.url, url, {
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${IDP}.AdminGetUser` },
        body: JSON.stringify({ UserPoolId: KNOWN_POOL, Username: 'victim' }),
      });
      expect(res.status).toBe(400);
      expect(res.errorCode).toMatch(/^(IncompleteSignatureException|InvalidSignatureException)$/);
      expect(received).toHaveLength(0);
    });
  });

  describe('AWS Query (STS, IAM)', () => {
    const form = (body: string, query: Record<string, string> = {}) =>
      httpRequest(gw.url, { headers: { 'content-type': FORM }, body, query });

    it('refuses a host-only presigned URL of the admin key POSTed with a CreateRole body', async () => {
      const url = await awsSigner(ADMIN, 'iam').presign(httpRequest(gw.url, { body: streamBody() }));
      const res = await sendTampered(gw.url, url, { headers: { 'content-type': FORM }, body: CREATE_ROLE });
      expect(res).toMatchObject({ status: 403, errorCode: 'SignatureDoesNotMatch' });
      expect(receivedByCredentialVending).toHaveLength(0);
    });

    it('refuses UNSIGNED-PAYLOAD on a presigned POST even with the content type signed', async () => {
      const req = form('Action=ListRoles&Version=2010-05-08');
      req.headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
      const url = await awsSigner(ADMIN, 'iam').presign(req);
      const res = await sendTampered(gw.url, url, { body: CREATE_ROLE });
      expect(res).toMatchObject({ status: 403, errorCode: 'SignatureDoesNotMatch' });
      expect(receivedByCredentialVending).toHaveLength(0);
    });

    it('refuses a presigned GetCallerIdentity of temporary credentials POSTed as AssumeRole', async () => {
      const url = await awsSigner(session(), 'sts').presign(
        httpRequest(gw.url, {
          body: streamBody(),
          query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
        }),
      );
      const res = await sendTampered(gw.url, url, {
        headers: { 'content-type': FORM },
        body: 'Action=AssumeRole&Version=2011-06-15&RoleArn=arn:aws:iam::000000000000:role/admin&RoleSessionName=x',
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.errorCode).toMatch(/^(IncompleteSignature|SignatureDoesNotMatch|InvalidParameterValue)$/);
      expect(receivedByCredentialVending).toHaveLength(0);
    });

    it('still serves a presigned GetCallerIdentity GET over UNSIGNED-PAYLOAD, as botocore presigns it', async () => {
      const url = await awsSigner(session(), 'sts').presign(
        httpRequest(gw.url, {
          method: 'GET',
          body: streamBody(),
          query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
        }),
      );
      const res = await sendTampered(gw.url, url);
      expect(res.status).toBe(200);
      expect(res.text).toContain('assumed-role/web/alice');
    });

    it('refuses an Action in the signed query string that the body contradicts', async () => {
      const signed = await awsSigner(ADMIN, 'iam').sign(
        form(CREATE_ROLE, { Action: 'ListRoles', Version: '2010-05-08' }),
      );
      const res = await sendTampered(gw.url, signed);
      expect(res).toMatchObject({ status: 400, errorCode: 'InvalidParameterValue' });
      expect(receivedByCredentialVending).toHaveLength(0);
    });

    it('serves a form POST with an unsigned Content-Type, which can pick no other operation', async () => {
      // curl 7's --aws-sigv4 signs host and x-amz-date only. Without a target, Content-Type only
      // chooses between Query and a refusal, so leaving it unsigned gives an attacker nothing.
      const signed = await awsSigner(ADMIN, 'iam').sign(form('Action=ListOpenIDConnectProviders'), {
        unsignableHeaders: new Set(['content-type']),
      });
      expect((await sendTampered(gw.url, signed)).status).toBe(200);
      const asJson = await sendTampered(gw.url, signed, {
        headers: { 'content-type': 'application/x-amz-json-1.1' },
      });
      expect(asJson).toMatchObject({ status: 400, errorCode: 'UnknownOperationException' });
      expect(receivedByCredentialVending).toHaveLength(1);
    });
  });
});
