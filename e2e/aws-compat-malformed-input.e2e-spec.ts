import {
  DescribeUserPoolCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
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
 *   client <id> does not exist.".
 */
describe('malformed input, answered with the errors AWS gives', () => {
  const system = e2eSystem();
  const admin = cognitoAdmin(system);
  const app = cognitoPublic(system);
  afterAll(() => [admin, app].forEach((c) => c.destroy()));

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
});
