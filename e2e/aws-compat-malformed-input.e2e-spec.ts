import {
  DescribeUserPoolCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  UpdateIdentityPoolCommand,
} from '@aws-sdk/client-cognito-identity';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';

/**
 * Malformed input answered with the error names AWS gives (issue 13 section 2), each as observed on
 * AWS or stated in the Cognito API reference:
 * - an access token that is not one of the pool's: NotAuthorizedException "Invalid Access Token"
 *   (GetUser and GlobalSignOut list NotAuthorizedException for it; the wording is what AWS sends,
 *   as amplify-js users quote it);
 * - a pool id of the right shape that names no pool: ResourceNotFoundException "User pool <id> does
 *   not exist."; one that breaks the pattern `[\w-]+_[0-9a-zA-Z]+`: InvalidParameterException
 *   "1 validation error detected: Value '<id>' at 'userPoolId' failed to satisfy constraint: Member
 *   must satisfy regular expression pattern: [\w-]+_[0-9a-zA-Z]+" (anomalyco/guide#127);
 * - a client id of the right shape that names no client: ResourceNotFoundException "User pool
 *   client <id> does not exist.";
 * - an identity-pool name breaking `[\w\s+=,.@-]+` (or longer than 128): ValidationException "1
 *   validation error detected: Value '<name>' at 'identityPoolName' failed to satisfy constraint:
 *   Member must satisfy regular expression pattern: ..." (getmoto/moto#1979; moto#4415's tests
 *   were verified against AWS); Cognito Identity answers every model constraint this way (GetId's
 *   identityPoolId: aws-amplify/amplify-swift#2864, amazon-freertos#1829).
 */
describe('malformed input, answered with the errors AWS gives', () => {
  const system = e2eSystem();
  const admin = cognitoAdmin(system);
  const app = cognitoPublic(system);
  const identityAdmin = new CognitoIdentityClient({
    endpoint: system.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey },
    maxAttempts: 1,
  });
  afterAll(() => [admin, app, identityAdmin].forEach((c) => c.destroy()));

  it.each(['garbage', 'not.a.token', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.'])(
    'answers an access token that is not one (%s) with NotAuthorizedException "Invalid Access Token"',
    async (AccessToken) => {
      await expectAwsError(app.send(new GetUserCommand({ AccessToken })), 'NotAuthorizedException', {
        message: 'Invalid Access Token',
      });
      await expectAwsError(app.send(new GlobalSignOutCommand({ AccessToken })), 'NotAuthorizedException', {
        message: 'Invalid Access Token',
      });
    },
  );

  it('answers a well-formed pool id that names no pool with ResourceNotFoundException', async () => {
    await expectAwsError(
      admin.send(new DescribeUserPoolCommand({ UserPoolId: 'us-east-1_AAAAAAAAA' })),
      'ResourceNotFoundException',
      { message: 'User pool us-east-1_AAAAAAAAA does not exist.' },
    );
  });

  it('answers a pool id that breaks the pattern with InvalidParameterException in AWS words', async () => {
    await expectAwsError(
      admin.send(new DescribeUserPoolCommand({ UserPoolId: 'notapoolid' })),
      'InvalidParameterException',
      {
        message:
          "1 validation error detected: Value 'notapoolid' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+",
      },
    );
  });

  it('answers a well-formed client id that names no client with ResourceNotFoundException', async () => {
    await expectAwsError(
      app.send(
        new InitiateAuthCommand({
          ClientId: '1example23456789abcdefghij',
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'someone', PASSWORD: 'Some-Pass1!' },
        }),
      ),
      'ResourceNotFoundException',
      { message: 'User pool client 1example23456789abcdefghij does not exist.' },
    );
  });

  it.each([
    ['test/with/slashes', 'Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+'],
    ['emoji \u{1F600}', 'Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+'],
    ['', 'Member must have length greater than or equal to 1'],
    ['x'.repeat(129), 'Member must have length less than or equal to 128'],
  ])(
    'answers CreateIdentityPool with a name %j breaking the model with ValidationException, as AWS',
    async (IdentityPoolName, constraint) => {
      const err = await expectAwsError(
        identityAdmin.send(
          new CreateIdentityPoolCommand({ IdentityPoolName, AllowUnauthenticatedIdentities: false }),
        ),
        'ValidationException',
      );
      expect(err.$metadata?.httpStatusCode).toBe(400);
      expect(err.message).toMatch(
        /^1 validation error detected: Value '.*' at 'identityPoolName' failed to satisfy constraint: /s,
      );
      expect(err.message).toContain(constraint);
    },
  );

  it('answers UpdateIdentityPool with an invalid name with ValidationException and leaves the pool as it was', async () => {
    const created = await identityAdmin.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'compat name+=,.@-_ok',
        AllowUnauthenticatedIdentities: false,
      }),
    );
    const IdentityPoolId = created.IdentityPoolId!;
    await expectAwsError(
      identityAdmin.send(
        new UpdateIdentityPoolCommand({
          IdentityPoolId,
          IdentityPoolName: 'no/slashes',
          AllowUnauthenticatedIdentities: true,
        }),
      ),
      'ValidationException',
      { message: /at 'identityPoolName' failed to satisfy constraint/ },
    );
    const described = await identityAdmin.send(new DescribeIdentityPoolCommand({ IdentityPoolId }));
    expect([described.IdentityPoolName, described.AllowUnauthenticatedIdentities]).toEqual([
      'compat name+=,.@-_ok',
      false,
    ]);
    await identityAdmin.send(new DeleteIdentityPoolCommand({ IdentityPoolId }));
  });
});
