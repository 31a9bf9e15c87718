import { randomBytes } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import {
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CreateVirtualMFADeviceCommand,
  DeleteAccessKeyCommand,
  EnableMFADeviceCommand,
  IAMClient,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { Secret, TOTP } from 'otpauth';
import { awsErrorOf, GrpcSigner, IdfedGrpcClient } from '../libs/testing/src/grpc/idfed-grpc-client';
import { TypedAdminClient } from '../libs/testing/src/grpc/typed-admin-client';
import { iamUserWithKey } from './support/iam-principals';
import { e2eSystem } from './support/e2e-context';

async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (err) {
    return awsErrorOf(err);
  }
  throw new Error('the call was answered');
}

type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

/**
 * IAM users' access keys, and GetSessionToken sessions of them, on the gRPC gateway (ADR 0065), as
 * the HTTP gateway takes them (ADR 0033, 0039): an AWS operation run through Admin.Invoke or a typed
 * admin service is decided by the user's policies on the operation's own action and resource
 * (`cognito-idp:DescribeUserPool` on the pool's ARN), idfed's own calls on their per-service action
 * (`idfed-userdirectory:GetUser`); refusals are AccessDeniedException (PERMISSION_DENIED) in IAM's
 * wording. Keys are looked up on every call, so a deactivated or deleted key is refused at once, on
 * every replica (two in the distributed mode).
 */
describe('gRPC with IAM users and their sessions', () => {
  const system = e2eSystem();
  const admin: Creds = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const base = { endpoint: system.endpoint, region: 'us-east-1', maxAttempts: 1 };
  const destroyable: { destroy(): void }[] = [];
  const track = <T extends { destroy(): void }>(c: T): T => (destroyable.push(c), c);
  const iam = track(new IAMClient({ ...base, credentials: admin }));
  const idp = track(new CognitoIdentityProviderClient({ ...base, credentials: admin }));
  const grpc: IdfedGrpcClient[] = [];
  const clientFor = (address: string, signer: GrpcSigner) => {
    const c = new IdfedGrpcClient(address, signer);
    grpc.push(c);
    return c;
  };
  afterAll(() => {
    destroyable.forEach((c) => c.destroy());
    grpc.forEach((c) => c.close());
  });

  let poolA: string;
  let poolB: string;
  let account: string;
  beforeAll(async () => {
    const pool = async () =>
      (await idp.send(new CreateUserPoolCommand({ PoolName: `grpc-iam-${randomBytes(3).toString('hex')}` })))
        .UserPool!.Id!;
    poolA = await pool();
    poolB = await pool();
    await idp.send(
      new AdminCreateUserCommand({ UserPoolId: poolA, Username: 'carol', MessageAction: 'SUPPRESS' }),
    );
    account = (
      await track(new STSClient({ ...base, credentials: admin })).send(new GetCallerIdentityCommand({}))
    ).Account!;
  });

  /** A new IAM user with one inline policy and an active key. */
  async function userWith(statements: object[]): Promise<{ name: string; key: Creds }> {
    const user = await iamUserWithKey(iam, { prefix: 'grpc', statements });
    return { name: user.UserName, key: user.credentials };
  }

  const poolArn = (id: string) => `arn:aws:cognito-idp:us-east-1:${account}:userpool/${id}`;

  it('decides typed and Admin.Invoke calls by the operation: one allowed, another and another pool refused', async () => {
    const { name, key } = await userWith([
      { Effect: 'Allow', Action: 'cognito-idp:DescribeUserPool', Resource: poolArn(poolA) },
    ]);
    const userArn = `arn:aws:iam::${account}:user/${name}`;
    for (const address of system.grpcGateways) {
      const client = clientFor(address, key);
      const typed = new TypedAdminClient(client);
      const described = await typed.call('cognito-idp', 'DescribeUserPool', { userPoolId: poolA });
      expect((described.userPool as { id: string }).id).toBe(poolA);
      const invoked = await client.invoke('cognito-idp', 'DescribeUserPool', { UserPoolId: poolA });
      expect((invoked.UserPool as { Id: string }).Id).toBe(poolA);

      // IAM's wording: "User: <arn> is not authorized to perform: <action> on resource: <arn> because
      // no identity-based policy allows the <action> action".
      expect(await refusal(typed.call('cognito-idp', 'ListUsers', { userPoolId: poolA }))).toMatchObject({
        code: status.PERMISSION_DENIED,
        name: 'AccessDeniedException',
        message: `User: ${userArn} is not authorized to perform: cognito-idp:ListUsers on resource: ${poolArn(poolA)} because no identity-based policy allows the cognito-idp:ListUsers action`,
      });
      expect(
        await refusal(client.invoke('cognito-idp', 'DescribeUserPool', { UserPoolId: poolB })),
      ).toMatchObject({ code: status.PERMISSION_DENIED, name: 'AccessDeniedException' });
      expect(await refusal(typed.call('iam', 'ListUsers', {}))).toMatchObject({
        name: 'AccessDeniedException',
        message: expect.stringContaining('iam:ListUsers on resource: *'),
      });
    }
  });

  it("decides idfed's own calls on their per-service action, and the name before ADR 0065 still", async () => {
    const perService = await userWith([
      { Effect: 'Allow', Action: 'idfed-userdirectory:GetUser', Resource: '*' },
    ]);
    const legacy = await userWith([{ Effect: 'Allow', Action: 'idfed:GetUser', Resource: '*' }]);
    const denied = await userWith([
      { Effect: 'Allow', Action: 'idfed-userdirectory:GetUser', Resource: '*' },
      { Effect: 'Deny', Action: 'idfed:GetUser', Resource: '*' },
    ]);
    for (const address of system.grpcGateways) {
      for (const who of [perService, legacy]) {
        const answer = await clientFor(address, who.key).getUser({ userPoolId: poolA, username: 'carol' });
        expect(answer).toMatchObject({ username: 'carol' });
      }
      // An explicit deny of either name refuses the call.
      expect(
        await refusal(clientFor(address, denied.key).getUser({ userPoolId: poolA, username: 'carol' })),
      ).toMatchObject({
        code: status.PERMISSION_DENIED,
        name: 'AccessDeniedException',
        message: expect.stringContaining('idfed:GetUser on resource: * with an explicit deny'),
      });
      // Allowed GetUser only: VerifyToken is another action.
      expect(await refusal(clientFor(address, perService.key).verifyToken({ token: 'x' }))).toMatchObject({
        name: 'AccessDeniedException',
        message: expect.stringContaining('idfed-tokens:VerifyToken'),
      });
    }
  });

  it("takes a GetSessionToken session of the user's key with the user's permissions, no IAM without MFA", async () => {
    const { key } = await userWith([
      { Effect: 'Allow', Action: ['cognito-idp:DescribeUserPool', 'iam:ListUsers'], Resource: '*' },
    ]);
    const sts = track(new STSClient({ ...base, credentials: key }));
    const c = (await sts.send(new GetSessionTokenCommand({}))).Credentials!;
    const session = {
      accessKeyId: c.AccessKeyId!,
      secretAccessKey: c.SecretAccessKey!,
      sessionToken: c.SessionToken!,
    };
    for (const address of system.grpcGateways) {
      const typed = new TypedAdminClient(clientFor(address, session));
      expect(
        (
          (await typed.call('cognito-idp', 'DescribeUserPool', { userPoolId: poolB })).userPool as {
            id: string;
          }
        ).id,
      ).toBe(poolB);
      expect(await refusal(typed.call('cognito-idp', 'ListUserPools', { maxResults: 1 }))).toMatchObject({
        name: 'AccessDeniedException',
      });
      expect(await refusal(typed.call('iam', 'ListUsers', {}))).toMatchObject({
        name: 'AccessDeniedException',
        message: expect.stringContaining('IAM cannot be called with temporary credentials'),
      });
    }
  });

  it('takes IAM calls from a GetSessionToken session made with MFA (ADR 0072)', async () => {
    const { name, key } = await userWith([{ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }]);
    const { VirtualMFADevice } = await iam.send(
      new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: `grpc-${randomBytes(3).toString('hex')}` }),
    );
    const totp = new TOTP({
      secret: Secret.fromBase32(new TextDecoder().decode(VirtualMFADevice!.Base32StringSeed)),
    });
    const code = (steps: number) => totp.generate({ timestamp: Date.now() + steps * 30_000 });
    const SerialNumber = VirtualMFADevice!.SerialNumber!;
    await iam.send(
      new EnableMFADeviceCommand({
        UserName: name,
        SerialNumber,
        AuthenticationCode1: code(-2),
        AuthenticationCode2: code(-1),
      }),
    );
    const sts = track(new STSClient({ ...base, credentials: key }));
    const c = (await sts.send(new GetSessionTokenCommand({ SerialNumber, TokenCode: code(0) }))).Credentials!;
    const session = {
      accessKeyId: c.AccessKeyId!,
      secretAccessKey: c.SecretAccessKey!,
      sessionToken: c.SessionToken!,
    };
    for (const address of system.grpcGateways) {
      const typed = new TypedAdminClient(clientFor(address, session));
      expect(await typed.call('iam', 'ListUsers', {})).toHaveProperty('users');
      expect(await refusal(typed.call('iam', 'GetUser', { userName: name }))).toMatchObject({
        name: 'AccessDeniedException',
      });
    }
  });

  it('refuses a forged signature with a real key id, a deactivated or deleted key and its session, and another user', async () => {
    const alice = await userWith([
      { Effect: 'Allow', Action: 'cognito-idp:DescribeUserPool', Resource: '*' },
    ]);
    const bob = await userWith([{ Effect: 'Allow', Action: 'cognito-idp:ListUsers', Resource: '*' }]);
    const sts = track(new STSClient({ ...base, credentials: alice.key }));
    const c = (await sts.send(new GetSessionTokenCommand({}))).Credentials!;
    const session = {
      accessKeyId: c.AccessKeyId!,
      secretAccessKey: c.SecretAccessKey!,
      sessionToken: c.SessionToken!,
    };
    for (const address of system.grpcGateways) {
      const forged = new TypedAdminClient(
        clientFor(address, { ...alice.key, secretAccessKey: 'x'.repeat(40) }),
      );
      expect(
        await refusal(forged.call('cognito-idp', 'DescribeUserPool', { userPoolId: poolA })),
      ).toMatchObject({
        code: status.UNAUTHENTICATED,
        name: 'InvalidSignatureException',
      });
      // Bob's key carries Bob's permissions, not Alice's.
      const asBob = new TypedAdminClient(clientFor(address, bob.key));
      expect(
        await refusal(asBob.call('cognito-idp', 'DescribeUserPool', { userPoolId: poolA })),
      ).toMatchObject({
        name: 'AccessDeniedException',
        message: expect.stringContaining(`user/${bob.name} is not authorized`),
      });
      // Alice's session signed with Bob's secret does not verify.
      const mixed = new TypedAdminClient(
        clientFor(address, { ...session, secretAccessKey: bob.key.secretAccessKey }),
      );
      expect(
        await refusal(mixed.call('cognito-idp', 'DescribeUserPool', { userPoolId: poolA })),
      ).toMatchObject({
        code: status.UNAUTHENTICATED,
      });
    }
    await iam.send(
      new UpdateAccessKeyCommand({
        UserName: alice.name,
        AccessKeyId: alice.key.accessKeyId,
        Status: 'Inactive',
      }),
    );
    for (const address of system.grpcGateways) {
      const typed = new TypedAdminClient(clientFor(address, alice.key));
      expect(
        await refusal(typed.call('cognito-idp', 'DescribeUserPool', { userPoolId: poolA })),
      ).toMatchObject({
        code: status.UNAUTHENTICATED,
        name: 'UnrecognizedClientException',
      });
      const bySession = new TypedAdminClient(clientFor(address, session));
      expect(
        await refusal(bySession.call('cognito-idp', 'DescribeUserPool', { userPoolId: poolA })),
      ).toMatchObject({
        code: status.UNAUTHENTICATED,
        name: 'UnrecognizedClientException',
      });
    }
    await iam.send(new DeleteAccessKeyCommand({ UserName: alice.name, AccessKeyId: alice.key.accessKeyId }));
    for (const address of system.grpcGateways) {
      const typed = new TypedAdminClient(clientFor(address, alice.key));
      expect(
        await refusal(typed.call('cognito-idp', 'DescribeUserPool', { userPoolId: poolA })),
      ).toMatchObject({
        code: status.UNAUTHENTICATED,
        name: 'UnrecognizedClientException',
      });
    }
  });
});
