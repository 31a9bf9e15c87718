import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import { DescribeUserPoolCommand, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoIdentityClient, DescribeIdentityPoolCommand } from '@aws-sdk/client-cognito-identity';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { awsErrorOf, IdfedGrpcClient } from '../libs/testing/src/grpc/idfed-grpc-client';
import { ReflectionClient } from '../libs/testing/src/grpc/reflection-client';
import { TypedAdminClient } from '../libs/testing/src/grpc/typed-admin-client';
import { cognitoAdmin, e2eSystem } from './support/e2e-context';

async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (err) {
    return awsErrorOf(err);
  }
  throw new Error('the call was answered');
}

const seconds = (d: Date | undefined): number => Math.floor(d!.getTime() / 1000);
const tsSeconds = (t: unknown): number => (t as { seconds: number }).seconds;

/**
 * The typed admin services (ADR 0052) as an app in another language uses them: a client built from
 * the checked-in protos, calls signed with the admin key, answers compared with what the AWS SDK
 * reads over HTTP for the same resources, on every replica (two in the distributed mode).
 */
describe('gRPC typed admin services', () => {
  const system = e2eSystem();
  const sdk = cognitoAdmin(system);
  const adminKey = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const base = { endpoint: system.endpoint, region: 'us-east-1', maxAttempts: 1 };
  const adminCreds = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const raw = system.grpcGateways.map((address) => new IdfedGrpcClient(address, adminKey));
  const clients = raw.map((c) => new TypedAdminClient(c));
  afterAll(() => raw.forEach((c) => c.close()));

  it('lists the typed services by reflection, one rpc per admin operation of the checked-in model', async () => {
    const services = {
      'idfed.admin.cognitoidp.v1.CognitoIdentityProvider': 'cognito-idp',
      'idfed.admin.cognitoidentity.v1.CognitoIdentity': 'cognito-identity',
      'idfed.admin.iam.v1.Iam': 'iam',
    };
    for (const address of system.grpcGateways) {
      const reflection = new ReflectionClient(address, 'v1');
      try {
        expect(await reflection.listServices()).toEqual(
          expect.arrayContaining(['idfed.admin.v1.Admin', ...Object.keys(services)]),
        );
        for (const [service, api] of Object.entries(services)) {
          const model = JSON.parse(
            readFileSync(join(__dirname, '../scripts/admin-protos', `${api}.model.json`), 'utf8'),
          ) as { operations: Record<string, unknown> };
          const root = await reflection.rootFor(service);
          expect(Object.keys(root.lookupService(service).methods).sort()).toEqual(
            Object.keys(model.operations).sort(),
          );
        }
      } finally {
        reflection.close();
      }
    }
  });

  it('creates and reads user pools, users, identity pools and roles, as the AWS SDK then sees them', async () => {
    for (const client of clients) {
      const name = `typed-${randomBytes(3).toString('hex')}`;
      const created = await client.call('cognito-idp', 'CreateUserPool', {
        poolName: name,
        policies: { passwordPolicy: { minimumLength: 12, requireSymbols: false } },
        autoVerifiedAttributes: ['email'],
        userPoolTags: { team: 'identity' },
        mfaConfiguration: 'OFF',
      });
      const pool = created.userPool as Record<string, unknown>;
      const poolId = pool.id as string;
      expect(pool).toMatchObject({ name, mfaConfiguration: 'OFF', userPoolTags: { team: 'identity' } });

      const described = (await client.call('cognito-idp', 'DescribeUserPool', { userPoolId: poolId }))
        .userPool as Record<string, unknown>;
      const { UserPool } = await sdk.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
      expect(described).toMatchObject({
        id: UserPool!.Id,
        name: UserPool!.Name,
        arn: UserPool!.Arn,
        autoVerifiedAttributes: UserPool!.AutoVerifiedAttributes,
        userPoolTags: UserPool!.UserPoolTags,
        policies: {
          passwordPolicy: expect.objectContaining({
            minimumLength: UserPool!.Policies!.PasswordPolicy!.MinimumLength,
            requireSymbols: false,
          }),
        },
      });
      expect(UserPool!.Policies!.PasswordPolicy!.MinimumLength).toBe(12);
      expect(tsSeconds(described.creationDate)).toBe(seconds(UserPool!.CreationDate));
      expect(tsSeconds(described.lastModifiedDate)).toBe(seconds(UserPool!.LastModifiedDate));

      const user = (
        await client.call('cognito-idp', 'AdminCreateUser', {
          userPoolId: poolId,
          username: 'typed-erin',
          messageAction: 'SUPPRESS',
          userAttributes: [{ name: 'email', value: 'erin@example.com' }],
        })
      ).user as Record<string, unknown>;
      expect(user).toMatchObject({
        username: 'typed-erin',
        enabled: true,
        userStatus: 'FORCE_CHANGE_PASSWORD',
      });
      const listed = (await client.call('cognito-idp', 'ListUsers', { userPoolId: poolId })).users as Record<
        string,
        unknown
      >[];
      const { Users } = await sdk.send(new ListUsersCommand({ UserPoolId: poolId }));
      expect(listed.map((u) => u.username)).toEqual(Users!.map((u) => u.Username));
      expect(listed[0].attributes).toEqual(
        expect.arrayContaining(Users![0].Attributes!.map((a) => ({ name: a.Name, value: a.Value }))),
      );
      expect(tsSeconds(listed[0].userCreateDate)).toBe(seconds(Users![0].UserCreateDate));

      const identityPool = await client.call('cognito-identity', 'CreateIdentityPool', {
        identityPoolName: name,
        allowUnauthenticatedIdentities: false,
        identityPoolTags: { team: 'identity' },
      });
      const identities = new CognitoIdentityClient({ ...base, credentials: adminCreds });
      const seen = await identities.send(
        new DescribeIdentityPoolCommand({ IdentityPoolId: identityPool.identityPoolId as string }),
      );
      expect(identityPool).toMatchObject({
        identityPoolId: seen.IdentityPoolId,
        identityPoolName: seen.IdentityPoolName,
        allowUnauthenticatedIdentities: false,
        identityPoolTags: seen.IdentityPoolTags,
      });

      const roleName = `typed-${randomBytes(3).toString('hex')}`;
      const trust = JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::000000000000:root' }, Action: 'sts:AssumeRole' },
        ],
      });
      await client.call('iam', 'CreateRole', {
        roleName,
        assumeRolePolicyDocument: trust,
        maxSessionDuration: 7200,
        tags: [{ key: 'team', value: 'identity' }],
      });
      const role = (await client.call('iam', 'GetRole', { roleName })).role as Record<string, unknown>;
      const { Role } = await new IAMClient({ ...base, credentials: adminCreds }).send(
        new GetRoleCommand({ RoleName: roleName }),
      );
      expect(role).toMatchObject({
        roleName: Role!.RoleName,
        roleId: Role!.RoleId,
        arn: Role!.Arn,
        maxSessionDuration: 7200,
        tags: [{ key: 'team', value: 'identity' }],
      });
      expect(Role!.MaxSessionDuration).toBe(7200);
      expect(tsSeconds(role.createDate)).toBe(seconds(Role!.CreateDate));

      // A map member (the simulator's EvalDecisionDetails) arrives as a typed map.
      const caller = 'arn:aws:iam::000000000000:user/typed-reader';
      const simulated = await client.call('iam', 'SimulateCustomPolicy', {
        policyInputList: [
          JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
          }),
        ],
        actionNames: ['s3:GetObject'],
        resourceArns: ['arn:aws:s3:::typed/k'],
        resourcePolicy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: caller }, Action: 's3:GetObject', Resource: '*' }],
        }),
        callerArn: caller,
        resourceOwner: 'arn:aws:iam::444455556666:root',
      });
      expect(simulated.evaluationResults).toMatchObject([
        {
          evalDecision: 'allowed',
          evalDecisionDetails: { 'IAM Policy': 'allowed', 'Resource Policy': 'allowed' },
          resourceSpecificResults: [
            { evalResourceName: 'arn:aws:s3:::typed/k', evalResourceDecision: 'allowed' },
          ],
        },
      ]);
    }
  });

  it('refuses unsigned and forged calls, and answers bad input and missing resources with the AWS error', async () => {
    for (const client of clients) {
      const describePool = (
        input: Record<string, unknown>,
        options?: Parameters<TypedAdminClient['call']>[3],
      ) => client.call('cognito-idp', 'DescribeUserPool', input, options);
      expect(
        await refusal(describePool({ userPoolId: 'us-east-1_Nope0000' }, { signer: null })),
      ).toMatchObject({
        code: status.UNAUTHENTICATED,
        name: 'MissingAuthenticationTokenException',
      });
      expect(
        await refusal(
          describePool(
            { userPoolId: 'us-east-1_Nope0000' },
            { signer: { ...adminKey, secretAccessKey: 'forged' } },
          ),
        ),
      ).toMatchObject({ code: status.UNAUTHENTICATED, name: 'InvalidSignatureException' });
      expect(await refusal(describePool({ userPoolId: 'us-east-1_Nope0000' }))).toMatchObject({
        code: status.NOT_FOUND,
        name: 'ResourceNotFoundException',
      });
      // Validated as the HTTP API validates: a pattern, a required member, an enum.
      expect(await refusal(describePool({ userPoolId: 'not a pool id!' }))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        name: 'InvalidParameterException',
      });
      expect(await refusal(describePool({}))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        name: 'InvalidParameterException',
      });
      expect(
        await refusal(
          client.call('cognito-idp', 'CreateUserPool', { poolName: 'x', mfaConfiguration: 'SOMETIMES' }),
        ),
      ).toMatchObject({ code: status.INVALID_ARGUMENT, name: 'InvalidParameterException' });
      expect(await refusal(client.call('iam', 'GetRole', { roleName: 'typed-nobody' }))).toMatchObject({
        code: status.NOT_FOUND,
        name: 'NoSuchEntity',
      });
    }
  });
});
