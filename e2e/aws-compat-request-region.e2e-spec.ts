import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { randomBytes } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { awsErrorOf, IdfedGrpcClient } from '../libs/testing/src/grpc/idfed-grpc-client';
import { TypedAdminClient } from '../libs/testing/src/grpc/typed-admin-client';
import { e2eSystem } from './support/e2e-context';

type Creds = { accessKeyId: string; secretAccessKey: string };

/**
 * Request-level facts of a region (issue 13 section 1, ADR 0065). `aws:RequestedRegion` ("the AWS
 * Region that was called in the request", IAM User Guide, global condition context keys) is in the
 * context of every decision the gateways make for an IAM user's request, over HTTP and gRPC. And
 * Cognito's endpoints are regional: an access token of a pool in eu-west-1, sent to
 * `cognito-idp.us-east-1.amazonaws.com` with GetUser or GlobalSignOut, is one that endpoint cannot
 * verify, answered NotAuthorizedException as any token it does not know.
 */
describe('the region a request is sent to', () => {
  const system = e2eSystem();
  const admin: Creds = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const destroyable: { destroy(): void }[] = [];
  const grpc: IdfedGrpcClient[] = [];
  afterAll(() => {
    destroyable.forEach((c) => c.destroy());
    grpc.forEach((c) => c.close());
  });

  /** A client for `region` whose requests carry the regional endpoint's Host header. */
  function regional(region: string, credentials: Creds = admin): CognitoIdentityProviderClient {
    const client = new CognitoIdentityProviderClient({
      endpoint: system.endpoint,
      region,
      credentials,
      maxAttempts: 1,
    });
    client.middlewareStack.add(
      (next) => async (args) => {
        (args.request as { headers: Record<string, string> }).headers.host =
          `cognito-idp.${region}.amazonaws.com`;
        return next(args);
      },
      { step: 'build', name: 'regionalHost', priority: 'low' },
    );
    destroyable.push(client);
    return client;
  }

  it("refuses a token of an eu-west-1 pool at us-east-1's endpoint, and takes it at its own", async () => {
    const eu = regional('eu-west-1');
    const poolId = (await eu.send(new CreateUserPoolCommand({ PoolName: 'token-region' }))).UserPool!.Id!;
    const clientId = (
      await eu.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: 'app',
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        }),
      )
    ).UserPoolClient!.ClientId!;
    const password = 'T0ken-Region!x';
    await eu.send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'traveller', MessageAction: 'SUPPRESS' }),
    );
    await eu.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: 'traveller',
        Password: password,
        Permanent: true,
      }),
    );
    const signedIn = await eu.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'traveller', PASSWORD: password },
      }),
    );
    const token = signedIn.AuthenticationResult!.AccessToken!;
    const us = regional('us-east-1');
    await expectAwsError(us.send(new GetUserCommand({ AccessToken: token })), 'NotAuthorizedException', {
      status: 400,
      message: 'Invalid Access Token',
    });
    await expectAwsError(
      us.send(new GlobalSignOutCommand({ AccessToken: token })),
      'NotAuthorizedException',
      {
        status: 400,
        message: 'Invalid Access Token',
      },
    );
    // Refused there, not signed out: the token still works at its own region's endpoint.
    expect((await eu.send(new GetUserCommand({ AccessToken: token }))).Username).toBe('traveller');
  });

  it('decides an IAM user by aws:RequestedRegion over HTTP and gRPC', async () => {
    const iam = new IAMClient({
      endpoint: system.endpoint,
      region: 'us-east-1',
      credentials: admin,
      maxAttempts: 1,
    });
    destroyable.push(iam);
    const name = `region-${randomBytes(4).toString('hex')}`;
    await iam.send(new CreateUserCommand({ UserName: name }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: name,
        PolicyName: 'eu-only',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'cognito-idp:ListUserPools',
              Resource: '*',
              Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
            },
          ],
        }),
      }),
    );
    const k = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    const key = { accessKeyId: k.AccessKeyId!, secretAccessKey: k.SecretAccessKey! };
    expect(
      (await regional('eu-west-1', key).send(new ListUserPoolsCommand({ MaxResults: 1 }))).$metadata
        .httpStatusCode,
    ).toBe(200);
    await expectAwsError(
      regional('us-east-1', key).send(new ListUserPoolsCommand({ MaxResults: 1 })),
      'AccessDeniedException',
      {
        status: 400,
        message: /cognito-idp:ListUserPools on resource: \* because no identity-based policy allows/,
      },
    );
    for (const address of system.grpcGateways) {
      const signedFor = (region: string) => {
        const c = new IdfedGrpcClient(address, { ...key, region });
        grpc.push(c);
        return new TypedAdminClient(c);
      };
      expect(
        await signedFor('eu-west-1').call('cognito-idp', 'ListUserPools', { maxResults: 1 }),
      ).toBeDefined();
      let refused: ReturnType<typeof awsErrorOf> | undefined;
      try {
        await signedFor('us-east-1').call('cognito-idp', 'ListUserPools', { maxResults: 1 });
      } catch (err) {
        refused = awsErrorOf(err);
      }
      expect(refused).toMatchObject({ code: status.PERMISSION_DENIED, name: 'AccessDeniedException' });
    }
  });
});
