import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  ListIdentityPoolsCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { startSystemUnderTest, SystemUnderTest } from '../support/system-under-test';
import { expectAwsError } from '../../libs/testing/src/aws-errors';

/**
 * Request rate limits with the real clients, on a system of its own started with tiny limits (one
 * request per 1,000 s in three categories), so nothing depends on how fast the test runs.
 * Embedded only: a second distributed system on the suite's Kafka would share its topics and
 * consumer groups with the suite's system. That the limit holds across replicas is tested on
 * PostgreSQL with two connections (libs/service-runtime/test/shared-rate-limiter.int-spec.ts).
 */
describe('request rate limits', () => {
  let system: SystemUnderTest;
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;

  beforeAll(async () => {
    system = await startSystemUnderTest('embedded', {
      IDFED_RATE_LIMITS: 'UserCreation=0.001,IdentityPoolManagement=0.001,Iam=0.001',
    });
    const credentials = {
      accessKeyId: system.adminAccessKeyId,
      secretAccessKey: system.adminSecretAccessKey,
    };
    const client = { endpoint: system.endpoint, region: 'us-east-1', maxAttempts: 1 };
    admin = new CognitoIdentityProviderClient({ ...client, credentials });
    app = new CognitoIdentityProviderClient({
      ...client,
      credentials: { accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' },
    });
  });
  afterAll(async () => {
    admin?.destroy();
    app?.destroy();
    await system?.stop();
  });

  it('admits one SignUp and refuses the others with TooManyRequestsException, leaving no user behind', async () => {
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'limited' }));
    const UserPoolId = UserPool!.Id!;
    const clients: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { UserPoolClient } = await admin.send(
        new CreateUserPoolClientCommand({ UserPoolId, ClientName: `app-${i}` }),
      );
      clients.push(UserPoolClient!.ClientId!);
    }
    const outcomes = await Promise.all(
      clients.map((ClientId, i) =>
        app.send(new SignUpCommand({ ClientId, Username: `user-${i}`, Password: 'Corr3ct-Horse!' })).then(
          () => 'created',
          (err: Error) => err,
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    const refused = outcomes.filter((o) => o !== 'created') as Error[];
    for (const err of refused)
      await expectAwsError(Promise.reject(err), 'TooManyRequestsException', 'Rate exceeded');
    for (let i = 0; i < clients.length; i++) {
      if (outcomes[i] === 'created') continue;
      await expectAwsError(
        admin.send(new AdminGetUserCommand({ UserPoolId, Username: `user-${i}` })),
        'UserNotFoundException',
      );
    }
  });

  it('refuses identity pool management over its rate with TooManyRequestsException', async () => {
    const identity = new CognitoIdentityClient({
      endpoint: system.endpoint,
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey },
    });
    try {
      await identity.send(
        new CreateIdentityPoolCommand({ IdentityPoolName: 'limited', AllowUnauthenticatedIdentities: true }),
      );
      await expectAwsError(
        identity.send(new ListIdentityPoolsCommand({ MaxResults: 10 })),
        'TooManyRequestsException',
      );
    } finally {
      identity.destroy();
    }
  });

  it('refuses IAM over its rate with Throttling, as AWS names it for Query APIs', async () => {
    const iam = new IAMClient({
      endpoint: system.endpoint,
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey },
    });
    try {
      const trust = {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      };
      await iam.send(
        new CreateRoleCommand({ RoleName: 'limited', AssumeRolePolicyDocument: JSON.stringify(trust) }),
      );
      await expectAwsError(
        iam.send(new GetRoleCommand({ RoleName: 'limited' })),
        'Throttling',
        'Rate exceeded',
      );
    } finally {
      iam.destroy();
    }
  });
});
