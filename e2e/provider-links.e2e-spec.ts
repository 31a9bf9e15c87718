import {
  AdminDisableProviderForUserCommand,
  AdminGetUserCommand,
  AdminLinkProviderForUserCommand,
  CognitoIdentityProviderClient,
  CreateIdentityProviderCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import { createPasswordPool, newSignedInUser, PasswordPool, signIn } from './support/user-pools';

const PASSWORD = 'Linked-Pass1!';

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

/**
 * AdminLinkProviderForUser and AdminDisableProviderForUser through the unchanged AWS SDK: a Google
 * identity linked to a password user shows in its `identities` attribute and ID token claim, and
 * the refusals Cognito gives (unknown provider or user, a link to two users, more than five links,
 * another pool's provider) change nothing.
 */
describe('provider links', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  let pool: PasswordPool;

  const googleLink = (Username: string, subject: string, UserPoolId = pool.userPoolId) =>
    new AdminLinkProviderForUserCommand({
      UserPoolId,
      DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: Username },
      SourceUser: {
        ProviderName: 'Google',
        ProviderAttributeName: 'Cognito_Subject',
        ProviderAttributeValue: subject,
      },
    });

  async function identitiesOf(
    Username: string,
  ): Promise<{ userId: string; providerName: string }[] | undefined> {
    const { UserAttributes } = await admin.send(
      new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username }),
    );
    const value = UserAttributes!.find((a) => a.Name === 'identities')?.Value;
    return value === undefined
      ? undefined
      : (JSON.parse(value) as { userId: string; providerName: string }[]);
  }

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
    pool = await createPasswordPool(admin, system.endpoint, 'provider-links');
    await admin.send(
      new CreateIdentityProviderCommand({
        UserPoolId: pool.userPoolId,
        ProviderName: 'Google',
        ProviderType: 'Google',
        ProviderDetails: { client_id: 'g', client_secret: 'gs', authorize_scopes: 'openid email' },
      }),
    );
  });
  afterAll(() => {
    admin.destroy();
    app.destroy();
  });

  it('links a Google identity to a password user, shows it in identities and the ID token, and unlinks it', async () => {
    await newSignedInUser(admin, app, pool, 'linda', PASSWORD);
    await admin.send(googleLink('linda', 'google-sub-1'));
    await admin.send(googleLink('linda', 'google-sub-1')); // the same link again: nothing changes
    expect(await identitiesOf('linda')).toEqual([
      {
        userId: 'google-sub-1',
        providerName: 'Google',
        providerType: 'Google',
        issuer: null,
        primary: 'false',
        dateCreated: expect.stringMatching(/^\d+$/),
      },
    ]);
    const { IdToken } = await signIn(app, pool, 'linda', PASSWORD);
    expect(claimsOf(IdToken!).identities).toEqual([
      expect.objectContaining({
        userId: 'google-sub-1',
        providerName: 'Google',
        primary: false,
        dateCreated: expect.any(Number),
      }),
    ]);

    await admin.send(
      new AdminDisableProviderForUserCommand({
        UserPoolId: pool.userPoolId,
        User: {
          ProviderName: 'Google',
          ProviderAttributeName: 'Cognito_Subject',
          ProviderAttributeValue: 'google-sub-1',
        },
      }),
    );
    expect(await identitiesOf('linda')).toBeUndefined();
    await expectAwsError(
      admin.send(
        new AdminDisableProviderForUserCommand({
          UserPoolId: pool.userPoolId,
          User: {
            ProviderName: 'Google',
            ProviderAttributeName: 'Cognito_Subject',
            ProviderAttributeValue: 'google-sub-1',
          },
        }),
      ),
      'UserNotFoundException',
    );
  });

  it('disables a user’s password with ProviderName Cognito: the password no longer signs in, the links stay', async () => {
    const name = `pw-${Date.now()}`;
    await newSignedInUser(admin, app, pool, name, PASSWORD);
    await admin.send(googleLink(name, `${name}-google`));
    const cognito = (ProviderAttributeName: string, ProviderAttributeValue: string) =>
      new AdminDisableProviderForUserCommand({
        UserPoolId: pool.userPoolId,
        User: { ProviderName: 'Cognito', ProviderAttributeName, ProviderAttributeValue },
      });
    // Refusals first: they change nothing.
    await expectAwsError(admin.send(cognito('email', name)), 'InvalidParameterException');
    await expectAwsError(admin.send(cognito('Cognito_Subject', `${name}-nobody`)), 'UserNotFoundException');
    expect((await signIn(app, pool, name, PASSWORD)).AccessToken).toBeTruthy();
    await admin.send(cognito('Cognito_Subject', name));
    // The right password now answers as a wrong one does: nothing tells the two apart.
    const disabled = await expectAwsError(signIn(app, pool, name, PASSWORD), 'NotAuthorizedException');
    const wrong = await expectAwsError(signIn(app, pool, name, 'Wrong-Pass1!'), 'NotAuthorizedException');
    expect(disabled.message).toBe(wrong.message);
    const user = await admin.send(new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username: name }));
    expect(user.Enabled).toBe(true);
    expect((await identitiesOf(name))!.map((i) => i.userId)).toEqual([`${name}-google`]);
  });

  it('refuses what Cognito refuses and leaves the links as they were', async () => {
    await newSignedInUser(admin, app, pool, 'owner', PASSWORD);
    await newSignedInUser(admin, app, pool, 'other', PASSWORD);
    await admin.send(googleLink('owner', 'taken-sub'));
    await expectAwsError(admin.send(googleLink('other', 'taken-sub')), 'AliasExistsException');
    await expectAwsError(admin.send(googleLink('nobody', 'free-sub')), 'UserNotFoundException');
    const refusedSources = [
      { ProviderName: 'Facebook', ProviderAttributeName: 'Cognito_Subject', ProviderAttributeValue: 'x' },
      { ProviderName: 'Google', ProviderAttributeName: 'email', ProviderAttributeValue: 'x@example.com' },
      { ProviderName: 'Cognito', ProviderAttributeName: 'Cognito_Subject', ProviderAttributeValue: 'other' },
    ];
    for (const SourceUser of refusedSources) {
      await expectAwsError(
        admin.send(
          new AdminLinkProviderForUserCommand({
            UserPoolId: pool.userPoolId,
            DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: 'other' },
            SourceUser,
          }),
        ),
        'InvalidParameterException',
      );
    }
    // Another pool has no Google provider and no such user.
    const elsewhere = await createPasswordPool(admin, system.endpoint, 'provider-links-other');
    await expectAwsError(
      admin.send(googleLink('owner', 'x-sub', elsewhere.userPoolId)),
      'InvalidParameterException',
    );
    // At most five identities per user.
    for (let i = 2; i <= 5; i++) await admin.send(googleLink('owner', `sub-${i}`));
    await expectAwsError(admin.send(googleLink('owner', 'sub-6')), 'LimitExceededException');
    expect((await identitiesOf('owner'))!.map((i) => i.userId)).toEqual([
      'taken-sub',
      'sub-2',
      'sub-3',
      'sub-4',
      'sub-5',
    ]);
    expect(await identitiesOf('other')).toBeUndefined();
  });
});
