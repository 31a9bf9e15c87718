import { randomBytes } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DescribeIdentityPoolCommand,
} from '@aws-sdk/client-cognito-identity';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { signRequest } from '../libs/sigv4/src';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { awsErrorOf, IdfedGrpcClient } from '../libs/testing/src/grpc/idfed-grpc-client';
import { TypedAdminClient } from '../libs/testing/src/grpc/typed-admin-client';
import { authorizeDeviceRequest } from './support/authorize';
import { e2eSystem } from './support/e2e-context';
import { iamUserWithKey, policyDocument, SdkCredentials, sdkCredentialsOf } from './support/iam-principals';

async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (err) {
    return awsErrorOf(err);
  }
  throw new Error('the call was answered');
}

const unique = () => randomBytes(3).toString('hex');

/**
 * `aws:ResourceTag/<key>` in the gRPC gateway's decisions on every resource the HTTP gateway reads
 * tags of (ADR 0066), not only IAM users and roles: an IAM user allowed only on resources tagged
 * `team=blue` calls DescribeUserPool / DescribeIdentityPool through Admin.Invoke and the typed
 * admin services on a blue pool, is refused on a red one exactly as the AWS SDK is over HTTP, and
 * cannot retag a red pool blue through gRPC to let itself in; a retag through a replica is seen by
 * that replica's next decision. `POST /authorize` and gRPC `Authorizer.Authorize` decide on an idfed
 * resource's own tags too: the asker cannot name them.
 */
describe('resource tags in the gRPC gateway and the authorizers', () => {
  const system = e2eSystem();
  const admin = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const base = { endpoint: system.endpoint, region: 'us-east-1', maxAttempts: 1 };
  const iam = new IAMClient({ ...base, credentials: admin });
  const idp = new CognitoIdentityProviderClient({ ...base, credentials: admin });
  const identity = new CognitoIdentityClient({ ...base, credentials: admin });
  const sts = new STSClient({ ...base, credentials: admin });
  const clients: IdfedGrpcClient[] = [];
  const grpcAs = (address: string, key: SdkCredentials) => {
    const c = new IdfedGrpcClient(address, key);
    clients.push(c);
    return c;
  };
  afterAll(() => {
    [iam, idp, identity, sts].forEach((c) => c.destroy());
    clients.forEach((c) => c.close());
  });

  const blueOnly = {
    Effect: 'Allow',
    Action: [
      'cognito-idp:DescribeUserPool',
      'cognito-identity:DescribeIdentityPool',
      'cognito-idp:TagResource',
    ],
    Resource: '*',
    Condition: { StringEquals: { 'aws:ResourceTag/team': 'blue' } },
  };
  const userPool = async (team: string) =>
    (await idp.send(new CreateUserPoolCommand({ PoolName: `grpc-rt-${unique()}`, UserPoolTags: { team } })))
      .UserPool!.Id!;

  it('allows a blue user pool and refuses a red one, as over HTTP', async () => {
    const user = await iamUserWithKey(iam, { prefix: 'grpc-rt', statements: [blueOnly] });
    const blue = await userPool('blue');
    const red = await userPool('red');
    const http = new CognitoIdentityProviderClient({ ...base, credentials: user.credentials });
    try {
      expect((await http.send(new DescribeUserPoolCommand({ UserPoolId: blue }))).UserPool!.Id).toBe(blue);
      await expectAwsError(
        http.send(new DescribeUserPoolCommand({ UserPoolId: red })),
        'AccessDeniedException',
      );
    } finally {
      http.destroy();
    }
    for (const address of system.grpcGateways) {
      const client = grpcAs(address, user.credentials);
      const typed = new TypedAdminClient(client);
      const invoked = await client.invoke('cognito-idp', 'DescribeUserPool', { UserPoolId: blue });
      expect((invoked.UserPool as { Id: string }).Id).toBe(blue);
      const described = await typed.call('cognito-idp', 'DescribeUserPool', { userPoolId: blue });
      expect((described.userPool as { id: string }).id).toBe(blue);
      for (const call of [
        () => client.invoke('cognito-idp', 'DescribeUserPool', { UserPoolId: red }),
        () => typed.call('cognito-idp', 'DescribeUserPool', { userPoolId: red }),
      ]) {
        expect(await refusal(call())).toMatchObject({
          code: status.PERMISSION_DENIED,
          name: 'AccessDeniedException',
          message: expect.stringContaining(
            `cognito-idp:DescribeUserPool on resource: arn:aws:cognito-idp:us-east-1:`,
          ),
        });
      }
    }
  });

  it('allows a blue identity pool and refuses a red one', async () => {
    const user = await iamUserWithKey(iam, { prefix: 'grpc-rt', statements: [blueOnly] });
    const pool = async (team: string) =>
      (
        await identity.send(
          new CreateIdentityPoolCommand({
            IdentityPoolName: `grpc_rt_${team}`,
            AllowUnauthenticatedIdentities: false,
            IdentityPoolTags: { team },
          }),
        )
      ).IdentityPoolId!;
    const blue = await pool('blue');
    const red = await pool('red');
    const http = new CognitoIdentityClient({ ...base, credentials: user.credentials });
    try {
      expect(
        (await http.send(new DescribeIdentityPoolCommand({ IdentityPoolId: blue }))).IdentityPoolId,
      ).toBe(blue);
      await expectAwsError(
        http.send(new DescribeIdentityPoolCommand({ IdentityPoolId: red })),
        'AccessDeniedException',
      );
    } finally {
      http.destroy();
    }
    for (const address of system.grpcGateways) {
      const client = grpcAs(address, user.credentials);
      const described = await client.invoke('cognito-identity', 'DescribeIdentityPool', {
        IdentityPoolId: blue,
      });
      expect(described.IdentityPoolId).toBe(blue);
      expect(
        await refusal(client.invoke('cognito-identity', 'DescribeIdentityPool', { IdentityPoolId: red })),
      ).toMatchObject({ code: status.PERMISSION_DENIED, name: 'AccessDeniedException' });
    }
  });

  it('cannot retag a red pool blue through gRPC to let itself in; a retag by the admin is seen at once', async () => {
    const user = await iamUserWithKey(iam, { prefix: 'grpc-rt', statements: [blueOnly] });
    const red = await userPool('red');
    const address = system.grpcGateways[0];
    const client = grpcAs(address, user.credentials);
    const arn = (await idp.send(new DescribeUserPoolCommand({ UserPoolId: red }))).UserPool!.Arn!;
    // TagResource is allowed on blue resources only: the red pool's tags decide, before the change.
    expect(
      await refusal(
        client.invoke('cognito-idp', 'TagResource', { ResourceArn: arn, Tags: { team: 'blue' } }),
      ),
    ).toMatchObject({ code: status.PERMISSION_DENIED, name: 'AccessDeniedException' });
    expect(
      await refusal(client.invoke('cognito-idp', 'DescribeUserPool', { UserPoolId: red })),
    ).toMatchObject({
      name: 'AccessDeniedException',
    });
    // The admin retags it through the same gRPC replica: that replica's next decision sees it (ADR 0066).
    const root = grpcAs(address, admin);
    await root.invoke('cognito-idp', 'TagResource', { ResourceArn: arn, Tags: { team: 'blue' } });
    const described = await client.invoke('cognito-idp', 'DescribeUserPool', { UserPoolId: red });
    expect((described.UserPool as { Id: string }).Id).toBe(red);
  });

  it("POST /authorize and Authorizer.Authorize decide an idfed pool on its own tags, not the asker's", async () => {
    const RoleName = `grpc-rt-${unique()}`;
    const { Role } = await iam.send(
      new CreateRoleCommand({
        RoleName,
        AssumeRolePolicyDocument: policyDocument([
          { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::000000000000:root' }, Action: 'sts:AssumeRole' },
        ]),
      }),
    );
    await iam.send(
      new PutRolePolicyCommand({ RoleName, PolicyName: 'blue', PolicyDocument: policyDocument([blueOnly]) }),
    );
    const session = sdkCredentialsOf(
      (await sts.send(new AssumeRoleCommand({ RoleArn: Role!.Arn!, RoleSessionName: 'asker' }))).Credentials!,
    );
    const arnOf = async (id: string) =>
      (await idp.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool!.Arn!;
    const blue = await arnOf(await userPool('blue'));
    const red = await arnOf(await userPool('red'));
    const forged = { 'aws:ResourceTag/team': 'blue' };
    const http = (resource: string, context?: object) =>
      authorizeDeviceRequest(session, { action: 'cognito-idp:DescribeUserPool', resource, context }, system);
    expect(await http(blue)).toMatchObject({ authenticated: true, allowed: true });
    expect(await http(red)).toMatchObject({ authenticated: true, allowed: false });
    expect(await http(red, forged)).toMatchObject({ authenticated: true, allowed: false });
    expect(await http(blue, { 'aws:ResourceTag/team': 'red' })).toMatchObject({ allowed: true });
    // A resource idfed does not keep: its tags are the asker's to give, as before.
    expect(await http('arn:aws:docs:::doc/a', forged)).toMatchObject({ allowed: true });
    expect(await http('arn:aws:docs:::doc/a')).toMatchObject({ allowed: false });

    const grpc = grpcAs(system.grpcGateways[0], admin);
    const grpcAsk = (resource: string, context: Record<string, string> = {}) => {
      const signed = signRequest(
        { method: 'GET', path: '/docs/a', query: '', headers: { host: 'docs.example.test' }, body: '' },
        session,
        { region: 'us-east-1', service: 'docs' },
      );
      const headers = Object.fromEntries(
        Object.entries(signed.headers).map(([k, v]) => [k, { values: [String(v)] }]),
      );
      return grpc.authorize({
        action: 'cognito-idp:DescribeUserPool',
        resource,
        request: { method: 'GET', path: '/docs/a', query: '', headers, service: 'docs' },
        contextJson: Object.fromEntries(Object.entries(context).map(([k, v]) => [k, JSON.stringify(v)])),
      });
    };
    expect(await grpcAsk(blue)).toMatchObject({ authenticated: true, allowed: true });
    expect(await grpcAsk(red)).toMatchObject({ authenticated: true, allowed: false });
    expect(await grpcAsk(red, forged)).toMatchObject({ authenticated: true, allowed: false });
  });
});
