import type { Request } from 'express';
import { AwsError } from '@idfed/aws-protocol';
import { Authorizer } from '@idfed/authorizer';
import { AnyOperation } from '@idfed/contracts';
import { parsePolicy } from '@idfed/policy';
import { signRequest } from '@idfed/sigv4';
import { IamUserCaller, IamUserKeys } from '@idfed/authorizer';
import { GatewayOptions } from '../gateway.options';
import { RestCallerAuthenticator } from './rest-caller.authenticator';

const ACCOUNT = '000000000000';
const ADMIN = { accessKeyId: 'AKIAADMINADMINADMIN0', secretAccessKey: 'admin-secret' };
const USER_KEY = { accessKeyId: 'AKIAUSERUSERUSERUSER', secretAccessKey: 'user-secret-user-secret' };
const POOL = 'us-east-1:11111111-2222-4333-8444-555555555555';
const IDENTITY = 'us-east-1:66666666-7777-4888-9999-000000000000';
const operation = {
  name: 'ListDatasets',
  access: 'signed',
  surface: { protocol: 'rest-json', api: 'cognito-sync' },
} as unknown as AnyOperation;
const path = `/identitypools/${encodeURIComponent(POOL)}/identities/${encodeURIComponent(IDENTITY)}/datasets`;

function user(statements: object[]): IamUserCaller {
  return {
    ...USER_KEY,
    secret: USER_KEY.secretAccessKey,
    userName: 'alice',
    userId: 'AIDAEXAMPLEEXAMPLE01',
    arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
    accountId: ACCOUNT,
    policies: [
      parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: statements }), { kind: 'identity' }),
    ],
  };
}

function setUp(found: IamUserCaller | undefined) {
  const real = new IamUserKeys({} as never, {} as never, {} as never);
  const recordUse = jest.fn();
  const keys = {
    resolve: jest.fn().mockResolvedValue(found),
    resolveSession: jest.fn().mockResolvedValue(undefined),
    authorize: real.authorize.bind(real),
    recordUse,
  } as unknown as IamUserKeys;
  // The real resolution, over the mocked look-ups above.
  keys.verifySigned = real.verifySigned.bind(keys);
  const authorizer = { authenticateScoped: jest.fn().mockRejectedValue(new Error('not an IAM user')) };
  const options = {
    env: { accountId: ACCOUNT, region: 'us-east-1', regions: ['us-east-1'] },
    adminCredentials: ADMIN,
  } as unknown as GatewayOptions;
  return {
    auth: new RestCallerAuthenticator(authorizer as unknown as Authorizer, options, keys),
    authorizer,
    recordUse,
  };
}

function signed(creds: { accessKeyId: string; secretAccessKey: string }): Request {
  const parts = signRequest(
    { method: 'GET', path, query: '', headers: { host: 'localhost' }, body: Buffer.alloc(0) },
    creds,
    { service: 'cognito-sync', region: 'us-east-1' },
  );
  const headersDistinct = Object.fromEntries(
    Object.entries(parts.headers).map(([k, v]) => [k.toLowerCase(), [String(v)]]),
  );
  return { method: 'GET', originalUrl: path, headersDistinct } as unknown as Request;
}

describe('Cognito Sync signed with an IAM user key (ADR 0047)', () => {
  const input = { IdentityPoolId: POOL, IdentityId: IDENTITY };
  const arn = `arn:aws:cognito-sync:us-east-1:${ACCOUNT}:identitypool/${POOL}/identity/${IDENTITY}`;

  it("authenticates the user's key and decides cognito-sync:<Operation> on the identity's ARN by its policies", async () => {
    const { auth, authorizer, recordUse } = setUp(
      user([{ Effect: 'Allow', Action: 'cognito-sync:ListDatasets', Resource: arn }]),
    );
    const who = await auth.authenticate(signed(USER_KEY), Buffer.alloc(0), operation);
    expect(authorizer.authenticateScoped).not.toHaveBeenCalled();
    // The key's use, for GetAccessKeyLastUsed (ADR 0078): the signature's service and region.
    expect(recordUse).toHaveBeenCalledWith(
      expect.objectContaining({ accessKeyId: USER_KEY.accessKeyId }),
      expect.objectContaining({ service: 'cognito-sync', region: 'us-east-1' }),
    );
    expect(who.caller).toEqual({
      kind: 'admin',
      accessKeyId: USER_KEY.accessKeyId,
      principalArn: `arn:aws:iam::${ACCOUNT}:user/alice`,
      // The user's id, for the audit record (ADR 0066).
      principalId: expect.stringMatching(/^AIDA/),
    });
    await expect(auth.authorize(who, operation, input)).resolves.toBeUndefined();
    const other = { IdentityPoolId: POOL, IdentityId: 'us-east-1:00000000-0000-4000-8000-000000000000' };
    const refused = await auth.authorize(who, operation, other).catch((err: AwsError) => err);
    expect(refused).toBeInstanceOf(AwsError);
    expect((refused as AwsError).errorName).toBe('NotAuthorizedException');
    expect((refused as AwsError).message).toMatch(
      /^User: arn:aws:iam::000000000000:user\/alice is not authorized to perform: cognito-sync:ListDatasets on resource: /,
    );
  });

  it('leaves the admin key, unknown keys and forged signatures to the authorizer and its answers', async () => {
    const { auth, authorizer } = setUp(undefined);
    await expect(auth.authenticate(signed(ADMIN), Buffer.alloc(0), operation)).rejects.toThrow();
    expect(authorizer.authenticateScoped).toHaveBeenCalledTimes(1);
    const forged = setUp(user([{ Effect: 'Allow', Action: '*', Resource: '*' }]));
    await expect(
      forged.auth.authenticate(signed({ ...USER_KEY, secretAccessKey: 'wrong' }), Buffer.alloc(0), operation),
    ).rejects.toMatchObject({ errorName: 'InvalidSignatureException' });
    expect(forged.authorizer.authenticateScoped).not.toHaveBeenCalled();
    expect(forged.recordUse).not.toHaveBeenCalled();
  });
});
