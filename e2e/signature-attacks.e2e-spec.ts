import { randomBytes } from 'node:crypto';
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DescribeIdentityPoolCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { HttpRequest } from '@smithy/types';
import {
  awsSigner,
  Credentials,
  httpRequest,
  jsonRequest,
  sendTampered,
  streamBody,
} from '../libs/testing/src/aws-sdk-signer';
import { cognitoAdmin, e2eSystem } from './support/e2e-context';
import { expectAwsError } from '../libs/testing/src/aws-errors';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';
const IDP = 'AWSCognitoIdentityProviderService';
const IDENTITY = 'AWSCognitoIdentityService';
const FORM = 'application/x-www-form-urlencoded';
const SIGNATURE_ERRORS = /^(IncompleteSignatureException|InvalidSignatureException)$/;
const QUERY_SIGNATURE_ERRORS = /^(IncompleteSignature|SignatureDoesNotMatch)$/;

/**
 * An attacker holding a signed or presigned request of the admin key (or of temporary
 * credentials) tries to make idfed do something else with it: another operation, another body,
 * other headers, UNSIGNED-PAYLOAD. Requests are signed by the AWS SDK's own signer and presigner
 * (or captured from a real SDK client), tampered with, and sent to the running gateway; after
 * each refusal the state the attack aimed at is checked to be unchanged.
 */
describe('signature attacks against the running gateway', () => {
  const system = e2eSystem();
  const admin: Credentials = {
    accessKeyId: system.adminAccessKeyId,
    secretAccessKey: system.adminSecretAccessKey,
  };
  const suffix = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const idp = cognitoAdmin(system);
  const identity = new CognitoIdentityClient({
    endpoint: system.endpoint,
    region: REGION,
    credentials: admin,
    maxAttempts: 1,
  });
  const iam = new IAMClient({
    endpoint: system.endpoint,
    region: REGION,
    credentials: admin,
    maxAttempts: 1,
  });
  const sts = (credentials: Credentials) =>
    new STSClient({ endpoint: system.endpoint, region: REGION, credentials, maxAttempts: 1 });
  let poolId: string;
  let identityPoolId: string;
  let temporary: Credentials;

  const send = (req: HttpRequest, tampering?: Parameters<typeof sendTampered>[2]) =>
    sendTampered(system.endpoint, req, tampering);
  const poolStillThere = async () =>
    expect((await idp.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool?.Id).toBe(poolId);
  const userStillThere = async () =>
    expect(
      (await idp.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'victim' }))).Username,
    ).toBe('victim');

  beforeAll(async () => {
    poolId = (await idp.send(new CreateUserPoolCommand({ PoolName: `sig-attacks-${suffix}` }))).UserPool!.Id!;
    await idp.send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'victim', MessageAction: 'SUPPRESS' }),
    );
    identityPoolId = (
      await identity.send(
        new CreateIdentityPoolCommand({
          IdentityPoolName: `sig attacks ${suffix}`,
          AllowUnauthenticatedIdentities: true,
        }),
      )
    ).IdentityPoolId!;
    const role = await iam.send(
      new CreateRoleCommand({
        RoleName: `sig-attacks-${suffix}`,
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' },
          ],
        }),
      }),
    );
    const assumed = await sts(admin).send(
      new AssumeRoleCommand({ RoleArn: role.Role!.Arn!, RoleSessionName: 'holder' }),
    );
    temporary = {
      accessKeyId: assumed.Credentials!.AccessKeyId!,
      secretAccessKey: assumed.Credentials!.SecretAccessKey!,
      sessionToken: assumed.Credentials!.SessionToken!,
    };
  });
  afterAll(() => {
    idp.destroy();
    identity.destroy();
    iam.destroy();
  });

  describe('cognito-idp (AWS JSON 1.1)', () => {
    const describePool = () =>
      jsonRequest(system.endpoint, `${IDP}.DescribeUserPool`, { UserPoolId: poolId });
    const getUser = () =>
      jsonRequest(system.endpoint, `${IDP}.AdminGetUser`, { UserPoolId: poolId, Username: 'victim' });

    it('serves a presigned read as it was signed', async () => {
      const res = await send(await awsSigner(admin, 'cognito-idp').presign(describePool()));
      expect(res.status).toBe(200);
      expect(res.text).toContain(poolId);
    });

    it('refuses a presigned DescribeUserPool replayed with X-Amz-Target DeleteUserPool', async () => {
      const url = await awsSigner(admin, 'cognito-idp').presign(describePool());
      const res = await send(url, { headers: { 'x-amz-target': `${IDP}.DeleteUserPool` } });
      expect(res).toMatchObject({ status: 400, errorCode: 'IncompleteSignatureException' });
      await poolStillThere();
    });

    it('refuses a presigned AdminGetUser replayed with X-Amz-Target AdminDeleteUser', async () => {
      const url = await awsSigner(admin, 'cognito-idp').presign(getUser());
      const res = await send(url, { headers: { 'x-amz-target': `${IDP}.AdminDeleteUser` } });
      expect(res).toMatchObject({ status: 400, errorCode: 'IncompleteSignatureException' });
      await userStillThere();
    });

    it('refuses a header-signed AdminGetUser without x-amz-target signed, relayed as AdminDeleteUser', async () => {
      const signed = await awsSigner(admin, 'cognito-idp').sign(getUser(), {
        unsignableHeaders: new Set(['x-amz-target']),
      });
      const res = await send(signed, { headers: { 'x-amz-target': `${IDP}.AdminDeleteUser` } });
      expect(res).toMatchObject({ status: 400, errorCode: 'IncompleteSignatureException' });
      await userStillThere();
    });

    it('refuses a request the real SDK client signed once retargeted, given another body, or sent twice the target', async () => {
      let captured: HttpRequest | undefined;
      const capturing = new CognitoIdentityProviderClient({
        endpoint: system.endpoint,
        region: REGION,
        credentials: admin,
        maxAttempts: 1,
        requestHandler: {
          handle: async (request: HttpRequest) => {
            captured = request;
            throw new Error('captured, not sent');
          },
        },
      });
      await expect(
        capturing.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'victim' })),
      ).rejects.toThrow('captured');
      const signed = captured!;
      const retargeted = await send(signed, { headers: { 'x-amz-target': `${IDP}.AdminDeleteUser` } });
      expect(retargeted).toMatchObject({ status: 400, errorCode: 'InvalidSignatureException' });
      const otherBody = await send(signed, {
        body: JSON.stringify({ UserPoolId: poolId, Username: 'other' }),
      });
      expect(otherBody).toMatchObject({ status: 400, errorCode: 'InvalidSignatureException' });
      const duplicate = await send(signed, { extraQuery: `X-Amz-Target=${IDP}.AdminDeleteUser` });
      expect(duplicate).toMatchObject({ status: 400, errorCode: 'IncompleteSignatureException' });
      await userStillThere();
      expect((await send(signed)).status).toBe(200);
    });

    it('refuses UNSIGNED-PAYLOAD on a presigned POST given another body', async () => {
      const req = describePool();
      req.headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
      const url = await awsSigner(admin, 'cognito-idp').presign(req, {
        unhoistableHeaders: new Set(['x-amz-target']),
      });
      const res = await send(url, { body: JSON.stringify({ UserPoolId: `${REGION}_Other` }) });
      expect(res).toMatchObject({ status: 400, errorCode: 'InvalidSignatureException' });
    });

    it('refuses a host-only presigned URL used as a bearer token for AdminDeleteUser and DeleteUserPool', async () => {
      const url = await awsSigner(admin, 'cognito-idp').presign(
        httpRequest(system.endpoint, { body: streamBody() }),
      );
      for (const [target, body] of [
        ['AdminDeleteUser', { UserPoolId: poolId, Username: 'victim' }],
        ['DeleteUserPool', { UserPoolId: poolId }],
      ] as const) {
        const res = await send(url, {
          headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${IDP}.${target}` },
          body: JSON.stringify(body),
        });
        expect(res.status).toBe(400);
        expect(res.errorCode).toMatch(SIGNATURE_ERRORS);
        // ...and with the target moved into the query string, where it is signed only by name.
        const inQuery = await send(url, {
          headers: { 'content-type': 'application/x-amz-json-1.1' },
          extraQuery: `X-Amz-Target=${IDP}.${target}`,
          body: JSON.stringify(body),
        });
        expect(inQuery.status).toBe(400);
        expect(inQuery.errorCode).toMatch(SIGNATURE_ERRORS);
      }
      await userStillThere();
      await poolStillThere();
    });
  });

  describe('cognito-identity (AWS JSON 1.1)', () => {
    const describeIdentityPool = () =>
      jsonRequest(system.endpoint, `${IDENTITY}.DescribeIdentityPool`, { IdentityPoolId: identityPoolId });
    const identityPoolStillThere = async () =>
      expect(
        (await identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: identityPoolId })))
          .IdentityPoolId,
      ).toBe(identityPoolId);

    it('refuses a presigned DescribeIdentityPool replayed as DeleteIdentityPool', async () => {
      const url = await awsSigner(admin, 'cognito-identity').presign(describeIdentityPool());
      expect((await send(url)).status).toBe(200);
      const res = await send(url, { headers: { 'x-amz-target': `${IDENTITY}.DeleteIdentityPool` } });
      expect(res).toMatchObject({ status: 400, errorCode: 'IncompleteSignatureException' });
      await identityPoolStillThere();
    });

    it('refuses a header-signed DescribeIdentityPool without x-amz-target signed, relayed as DeleteIdentityPool', async () => {
      const signed = await awsSigner(admin, 'cognito-identity').sign(describeIdentityPool(), {
        unsignableHeaders: new Set(['x-amz-target']),
      });
      const res = await send(signed, { headers: { 'x-amz-target': `${IDENTITY}.DeleteIdentityPool` } });
      expect(res).toMatchObject({ status: 400, errorCode: 'IncompleteSignatureException' });
      await identityPoolStillThere();
    });

    it('refuses a host-only presigned URL used for DeleteIdentityPool', async () => {
      const url = await awsSigner(admin, 'cognito-identity').presign(
        httpRequest(system.endpoint, { body: streamBody() }),
      );
      const res = await send(url, {
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': `${IDENTITY}.DeleteIdentityPool`,
        },
        body: JSON.stringify({ IdentityPoolId: identityPoolId }),
      });
      expect(res.status).toBe(400);
      expect(res.errorCode).toMatch(SIGNATURE_ERRORS);
      await identityPoolStillThere();
    });
  });

  describe('IAM and STS (AWS Query)', () => {
    const attackerRole = `sig-attacker-${suffix}`;
    const createRole = new URLSearchParams({
      Action: 'CreateRole',
      Version: '2010-05-08',
      RoleName: attackerRole,
      AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [] }),
    }).toString();
    const noAttackerRole = async () =>
      expectAwsError(iam.send(new GetRoleCommand({ RoleName: attackerRole })), 'NoSuchEntityException');

    it('refuses a host-only presigned URL of the admin key POSTed with a CreateRole body', async () => {
      const url = await awsSigner(admin, 'iam').presign(httpRequest(system.endpoint, { body: streamBody() }));
      const res = await send(url, { headers: { 'content-type': FORM }, body: createRole });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.errorCode).toMatch(QUERY_SIGNATURE_ERRORS);
      await noAttackerRole();
    });

    it('refuses UNSIGNED-PAYLOAD on a presigned ListRoles POST given a CreateRole body', async () => {
      const req = httpRequest(system.endpoint, {
        headers: { 'content-type': FORM, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
        body: 'Action=ListRoles&Version=2010-05-08',
      });
      const url = await awsSigner(admin, 'iam').presign(req);
      const res = await send(url, { body: createRole });
      expect(res).toMatchObject({ status: 403, errorCode: 'SignatureDoesNotMatch' });
      await noAttackerRole();
    });

    it('refuses a signed Action in the query string that the body contradicts', async () => {
      const signed = await awsSigner(admin, 'iam').sign(
        httpRequest(system.endpoint, {
          headers: { 'content-type': FORM },
          query: { Action: 'ListRoles', Version: '2010-05-08' },
          body: createRole,
        }),
      );
      const res = await send(signed);
      expect(res).toMatchObject({ status: 400, errorCode: 'InvalidParameterValue' });
      await noAttackerRole();
    });

    it('refuses temporary credentials presigned for GetCallerIdentity when POSTed as AssumeRole', async () => {
      const url = await awsSigner(temporary, 'sts').presign(
        httpRequest(system.endpoint, {
          body: streamBody(),
          query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
        }),
      );
      const res = await send(url, {
        headers: { 'content-type': FORM },
        body: `Action=AssumeRole&Version=2011-06-15&RoleArn=arn:aws:iam::${ACCOUNT}:role/sig-attacks-${suffix}&RoleSessionName=stolen`,
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.errorCode).toMatch(/^(IncompleteSignature|SignatureDoesNotMatch|InvalidParameterValue)$/);
      expect(res.text).not.toContain('<Credentials>');
    });

    it('refuses a host-only presigned URL of temporary credentials POSTed as AssumeRole', async () => {
      const url = await awsSigner(temporary, 'sts').presign(
        httpRequest(system.endpoint, { body: streamBody() }),
      );
      const res = await send(url, {
        headers: { 'content-type': FORM },
        body: `Action=AssumeRole&Version=2011-06-15&RoleArn=arn:aws:iam::${ACCOUNT}:role/sig-attacks-${suffix}&RoleSessionName=stolen`,
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.errorCode).toMatch(QUERY_SIGNATURE_ERRORS);
      expect(res.text).not.toContain('<Credentials>');
    });

    it('still answers a presigned GetCallerIdentity GET over UNSIGNED-PAYLOAD, as botocore presigns it', async () => {
      const url = await awsSigner(temporary, 'sts').presign(
        httpRequest(system.endpoint, {
          method: 'GET',
          body: streamBody(),
          query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
        }),
      );
      const res = await send(url);
      expect(res.status).toBe(200);
      expect(res.text).toContain(`assumed-role/sig-attacks-${suffix}/holder`);
    });
  });
});
