import { readFileSync } from 'node:fs';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AttributeType,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  codeSentTo,
  cognitoAdmin,
  cognitoPublic,
  e2eSystem,
  mailboxMark,
  messageSentTo,
} from './support/e2e-context';
import { expectAwsError } from '../libs/testing/src/aws-errors';

const attr = (attributes: AttributeType[] | undefined, name: string) =>
  attributes?.find((a) => a.Name === name)?.Value;

const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;

/** Behaviours of the user directory observed on AWS (issue 13, section 2), with the AWS SDK. */
describe('user directory answers as AWS does', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  let poolId: string;
  let clientId: string;
  const stamp = Date.now();
  const password = 'Compat-Passw0rd!';

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({ PoolName: 'compat-users', AutoVerifiedAttributes: ['email'] }),
    );
    poolId = UserPool!.Id!;
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'app',
        ExplicitAuthFlows: [
          'ALLOW_ADMIN_USER_PASSWORD_AUTH',
          'ALLOW_USER_PASSWORD_AUTH',
          'ALLOW_REFRESH_TOKEN_AUTH',
        ],
      }),
    );
    clientId = UserPoolClient!.ClientId!;
  });

  /*
   * AWS accepts `true`/`True`/`TRUE` and `false`/`False`/`FALSE` for email_verified and
   * phone_number_verified, keeps the value as given and reads any spelling of true as verified:
   * aws-amplify/amplify-js#8205 (a user made with AdminCreateUser and email_verified=`True` is
   * answered with `True`, and Amplify had to compare case-insensitively) and #7917 (GetUser
   * answering `"True"`).
   */
  describe('email_verified / phone_number_verified in any letter case', () => {
    it.each([
      ['True', 'False'],
      ['TRUE', 'FALSE'],
      ['true', 'false'],
    ])('AdminCreateUser keeps %s / %s as given, as AWS does', async (yes, no) => {
      const username = `flags-${yes}-${stamp}`;
      const { User } = await admin.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: username,
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'email', Value: `${username}@example.com` },
            { Name: 'email_verified', Value: yes },
            { Name: 'phone_number', Value: '+15555550123' },
            { Name: 'phone_number_verified', Value: no },
          ],
        }),
      );
      expect(attr(User!.Attributes, 'email_verified')).toBe(yes);
      const got = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));
      expect(attr(got.UserAttributes, 'email_verified')).toBe(yes);
      expect(attr(got.UserAttributes, 'phone_number_verified')).toBe(no);
    });

    it('an email verified as TRUE is verified: true in the ID token, and ForgotPassword mails it a code', async () => {
      const username = `verified-upper-${stamp}`;
      const email = `${username}@example.com`;
      await admin.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: username,
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'email', Value: email },
            { Name: 'email_verified', Value: 'TRUE' },
          ],
        }),
      );
      await admin.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: poolId,
          Username: username,
          Password: password,
          Permanent: true,
        }),
      );
      const { AuthenticationResult } = await admin.send(
        new AdminInitiateAuthCommand({
          UserPoolId: poolId,
          ClientId: clientId,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: username, PASSWORD: password },
        }),
      );
      expect(claimsOf(AuthenticationResult!.IdToken!).email_verified).toBe(true);

      const mark = mailboxMark(system);
      const sent = await app.send(new ForgotPasswordCommand({ ClientId: clientId, Username: username }));
      expect(sent.CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'EMAIL', AttributeName: 'email' });
      expect(await codeSentTo(email, system, 10_000, mark)).toMatch(/^\d{6}$/);
    });

    it('AdminUpdateUserAttributes takes False: the email is then unverified and ForgotPassword has nowhere to send', async () => {
      const username = `unverified-${stamp}`;
      await admin.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: username,
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'email', Value: `${username}@example.com` },
            { Name: 'email_verified', Value: 'True' },
          ],
        }),
      );
      await admin.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: poolId,
          Username: username,
          Password: password,
          Permanent: true,
        }),
      );
      await admin.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: poolId,
          Username: username,
          UserAttributes: [{ Name: 'email_verified', Value: 'False' }],
        }),
      );
      const got = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));
      expect(attr(got.UserAttributes, 'email_verified')).toBe('False');
      await expectAwsError(
        app.send(new ForgotPasswordCommand({ ClientId: clientId, Username: username })),
        'InvalidParameterException',
        /no registered\/verified email or phone_number/,
      );
    });

    it('still refuses a value that is no spelling of true or false, creating nobody', async () => {
      const username = `flag-yes-${stamp}`;
      await expectAwsError(
        admin.send(
          new AdminCreateUserCommand({
            UserPoolId: poolId,
            Username: username,
            MessageAction: 'SUPPRESS',
            UserAttributes: [
              { Name: 'email', Value: `${username}@example.com` },
              { Name: 'email_verified', Value: 'yes' },
            ],
          }),
        ),
        'InvalidParameterException',
      );
      await expectAwsError(
        admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username })),
        'UserNotFoundException',
      );
    });
  });

  /*
   * AdminCreateUser without an address to invite (issue 13, observed on AWS): a user with neither
   * email nor phone, or one without a phone for the default SMS invitation, is created in
   * FORCE_CHANGE_PASSWORD and nothing is sent. A medium named in DesiredDeliveryMediums that the
   * user has no address for is refused by AWS with InvalidParameterException "No email provided
   * but desired delivery medium was Email" (rahulpsd18/cognito-backup-restore#25).
   */
  describe('AdminCreateUser with no address for the invitation', () => {
    const temporaryPassword = 'Temp-Passw0rd!1';
    const mailboxSince = (mark: number) => {
      try {
        return readFileSync(system.mailbox, 'utf8').trim().split('\n').filter(Boolean).slice(mark);
      } catch {
        return [];
      }
    };

    it.each([
      ['neither email nor phone', 'bare', []],
      ['only an email (the default medium is SMS)', 'email-only', ['email']],
    ])(
      'a user with %s is created in FORCE_CHANGE_PASSWORD and invited by nothing, as on AWS',
      async (_what, prefix, kinds) => {
        const username = `${prefix}-${stamp}`;
        const mark = mailboxMark(system);
        const { User } = await admin.send(
          new AdminCreateUserCommand({
            UserPoolId: poolId,
            Username: username,
            TemporaryPassword: temporaryPassword,
            UserAttributes: kinds.map(() => ({ Name: 'email', Value: `${username}@example.com` })),
          }),
        );
        expect(User).toMatchObject({
          Username: username,
          UserStatus: 'FORCE_CHANGE_PASSWORD',
          Enabled: true,
        });

        // A control invitation by email after it: once it has arrived, an invitation for the first
        // user would have arrived too (both are sent before AdminCreateUser answers).
        const control = `control-${prefix}-${stamp}`;
        await admin.send(
          new AdminCreateUserCommand({
            UserPoolId: poolId,
            Username: control,
            TemporaryPassword: temporaryPassword,
            DesiredDeliveryMediums: ['EMAIL'],
            UserAttributes: [{ Name: 'email', Value: `${control}@example.com` }],
          }),
        );
        expect(await messageSentTo(`${control}@example.com`, system, { after: mark })).toContain(control);
        expect(mailboxSince(mark).filter((line) => line.includes(`username is ${username} `))).toEqual([]);

        const { ChallengeName } = await app.send(
          new InitiateAuthCommand({
            ClientId: clientId,
            AuthFlow: 'USER_PASSWORD_AUTH',
            AuthParameters: { USERNAME: username, PASSWORD: temporaryPassword },
          }),
        );
        expect(ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
      },
    );

    it('EMAIL desired for a user with only a phone: InvalidParameterException as on AWS, nobody created', async () => {
      const username = `no-email-${stamp}`;
      await expectAwsError(
        admin.send(
          new AdminCreateUserCommand({
            UserPoolId: poolId,
            Username: username,
            TemporaryPassword: temporaryPassword,
            DesiredDeliveryMediums: ['EMAIL', 'SMS'],
            UserAttributes: [{ Name: 'phone_number', Value: '+15555550177' }],
          }),
        ),
        'InvalidParameterException',
        'No email provided but desired delivery medium was Email',
      );
      await expectAwsError(
        admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username })),
        'UserNotFoundException',
      );
    });
  });
});
