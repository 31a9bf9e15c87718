import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  AdminUpdateUserAttributesCommand,
  AttributeType,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserAttributesCommand,
  DeleteUserCommand,
  DeleteUserPoolCommand,
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  InitiateAuthCommand,
  ListUsersCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
  UserType,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { codeSentTo, cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import { expectAwsError } from '../libs/testing/src/aws-errors';

const attr = (attributes: AttributeType[] | undefined, name: string) =>
  attributes?.find((a) => a.Name === name)?.Value;

/** Reading and editing users as the AWS SDK does it: ListUsers, attribute updates, DeleteUser, AdminInitiateAuth. */
describe('reading and editing users', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  let poolId: string;
  let clientId: string;
  const stamp = Date.now();
  const password = 'Users-Passw0rd!';

  const signIn = async (USERNAME: string, PASSWORD = password, client = clientId) =>
    (
      await app.send(
        new InitiateAuthCommand({
          ClientId: client,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME, PASSWORD },
        }),
      )
    ).AuthenticationResult!;

  async function confirmedUser(username: string, email: string, client = clientId, pool = poolId) {
    await app.send(
      new SignUpCommand({
        ClientId: client,
        Username: username,
        Password: password,
        UserAttributes: [{ Name: 'email', Value: email }],
      }),
    );
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: pool, Username: username }));
  }

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({ PoolName: 'users', AutoVerifiedAttributes: ['email'] }),
    );
    poolId = UserPool!.Id!;
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'app',
        ExplicitAuthFlows: [
          'ALLOW_USER_PASSWORD_AUTH',
          'ALLOW_ADMIN_USER_PASSWORD_AUTH',
          'ALLOW_REFRESH_TOKEN_AUTH',
        ],
      }),
    );
    clientId = UserPoolClient!.ClientId!;
  });
  afterAll(async () => {
    await admin.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
    admin.destroy();
    app.destroy();
  });

  describe('ListUsers', () => {
    const names = ['lina', 'linus', 'lisa', 'marta', 'otto'];

    beforeAll(async () => {
      for (const name of names) {
        await admin.send(
          new AdminCreateUserCommand({
            UserPoolId: poolId,
            Username: name,
            MessageAction: 'SUPPRESS',
            UserAttributes: [
              { Name: 'email', Value: `${name}.${stamp}@example.com` },
              { Name: 'given_name', Value: name.toUpperCase() },
            ],
          }),
        );
      }
      await admin.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'otto' }));
    });

    const list = async (Filter?: string, extra: { Limit?: number; AttributesToGet?: string[] } = {}) => {
      const users: UserType[] = [];
      let PaginationToken: string | undefined;
      do {
        const page = await admin.send(
          new ListUsersCommand({ UserPoolId: poolId, Filter, PaginationToken, ...extra }),
        );
        users.push(...page.Users!);
        PaginationToken = page.PaginationToken;
      } while (PaginationToken);
      return users;
    };
    const usernames = (users: UserType[]) => users.map((u) => u.Username).sort();

    it('pages through every user with Limit and PaginationToken', async () => {
      const first = await admin.send(new ListUsersCommand({ UserPoolId: poolId, Limit: 2 }));
      expect(first.Users).toHaveLength(2);
      expect(first.PaginationToken).toBeTruthy();
      expect(usernames(await list(undefined, { Limit: 2 }))).toEqual(expect.arrayContaining(names));
    });

    it('filters by exact value and by prefix on the searchable attributes', async () => {
      expect(usernames(await list(`email = "lisa.${stamp}@example.com"`))).toEqual(['lisa']);
      expect(usernames(await list('username ^= "lin"'))).toEqual(['lina', 'linus']);
      expect(usernames(await list('given_name = "MARTA"'))).toEqual(['marta']);
      expect(usernames(await list('status = "Disabled"'))).toEqual(['otto']);
      expect(usernames(await list('cognito:user_status = "FORCE_CHANGE_PASSWORD"'))).toEqual(
        expect.arrayContaining(names),
      );
      expect(await list('email ^= "nobody%"')).toEqual([]);
    });

    it('returns users in the UserType shape, only the attributes asked for', async () => {
      const [lisa] = await list('username = "lisa"', { AttributesToGet: ['email'] });
      expect(lisa).toMatchObject({ Username: 'lisa', Enabled: true, UserStatus: 'FORCE_CHANGE_PASSWORD' });
      expect(lisa.UserCreateDate).toBeInstanceOf(Date);
      expect(lisa.Attributes).toEqual([{ Name: 'email', Value: `lisa.${stamp}@example.com` }]);
    });

    it('refuses a malformed filter and an attribute that cannot be searched', async () => {
      await expectAwsError(list('email = lisa'), 'InvalidParameterException');
      await expectAwsError(list('locale = "en"'), 'InvalidParameterException');
    });
  });

  describe('attributes', () => {
    it('UpdateUserAttributes: a new email is unverified until the code sent to it is given back', async () => {
      const oldEmail = `updater.${stamp}@example.com`;
      const newEmail = `updater.new.${stamp}@example.com`;
      await confirmedUser('updater', oldEmail);
      await admin.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: poolId,
          Username: 'updater',
          UserAttributes: [{ Name: 'email_verified', Value: 'true' }],
        }),
      );
      const tokens = await signIn('updater');
      const { CodeDeliveryDetailsList } = await app.send(
        new UpdateUserAttributesCommand({
          AccessToken: tokens.AccessToken!,
          UserAttributes: [
            { Name: 'email', Value: newEmail },
            { Name: 'name', Value: 'Up Dater' },
          ],
        }),
      );
      expect(CodeDeliveryDetailsList).toEqual([
        { Destination: 'u***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' },
      ]);
      const me = await app.send(new GetUserCommand({ AccessToken: tokens.AccessToken! }));
      expect(attr(me.UserAttributes, 'email')).toBe(newEmail);
      expect(attr(me.UserAttributes, 'email_verified')).toBe('false');
      expect(attr(me.UserAttributes, 'name')).toBe('Up Dater');

      await app.send(
        new GetUserAttributeVerificationCodeCommand({
          AccessToken: tokens.AccessToken!,
          AttributeName: 'email',
        }),
      );
      const code = await codeSentTo(newEmail, system);
      const verify = (Code: string) =>
        app.send(
          new VerifyUserAttributeCommand({ AccessToken: tokens.AccessToken!, AttributeName: 'email', Code }),
        );
      await expectAwsError(verify(code === '000000' ? '000001' : '000000'), 'CodeMismatchException');
      await verify(code);
      const after = await app.send(new GetUserCommand({ AccessToken: tokens.AccessToken! }));
      expect(attr(after.UserAttributes, 'email_verified')).toBe('true');
    });

    it('a code sent to an earlier address does not verify a new one', async () => {
      const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'no-auto-verify' }));
      const { UserPoolClient } = await admin.send(
        new CreateUserPoolClientCommand({
          UserPoolId: UserPool!.Id!,
          ClientName: 'app',
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
        }),
      );
      const first = `mover.${stamp}@example.com`;
      await confirmedUser('mover', first, UserPoolClient!.ClientId, UserPool!.Id);
      const tokens = await signIn('mover', password, UserPoolClient!.ClientId);
      await app.send(
        new GetUserAttributeVerificationCodeCommand({
          AccessToken: tokens.AccessToken!,
          AttributeName: 'email',
        }),
      );
      const code = await codeSentTo(first, system);
      await admin.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: UserPool!.Id!,
          Username: 'mover',
          UserAttributes: [{ Name: 'email', Value: `mover.other.${stamp}@example.com` }],
        }),
      );
      await expect(
        app.send(
          new VerifyUserAttributeCommand({
            AccessToken: tokens.AccessToken!,
            AttributeName: 'email',
            Code: code,
          }),
        ),
      ).rejects.toMatchObject({
        name: expect.stringMatching(/^(ExpiredCodeException|CodeMismatchException)$/),
      });
      await admin.send(new DeleteUserPoolCommand({ UserPoolId: UserPool!.Id! }));
    });

    it('refuses attributes a user may not set, and unknown ones', async () => {
      await confirmedUser('limited', `limited.${stamp}@example.com`);
      const tokens = await signIn('limited');
      for (const Name of ['email_verified', 'sub', 'custom:nope']) {
        await expectAwsError(
          app.send(
            new UpdateUserAttributesCommand({
              AccessToken: tokens.AccessToken!,
              UserAttributes: [{ Name, Value: 'x' }],
            }),
          ),
          'InvalidParameterException',
        );
      }
    });

    it('AdminUpdateUserAttributes and the two deletes change what AdminGetUser shows', async () => {
      await confirmedUser('edited', `edited.${stamp}@example.com`);
      await admin.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: poolId,
          Username: 'edited',
          UserAttributes: [
            { Name: 'name', Value: 'Ed Ited' },
            { Name: 'nickname', Value: 'ed' },
            { Name: 'email', Value: `edited.other.${stamp}@example.com` },
            { Name: 'email_verified', Value: 'true' },
          ],
        }),
      );
      const got = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'edited' }));
      expect(attr(got.UserAttributes, 'name')).toBe('Ed Ited');
      expect(attr(got.UserAttributes, 'email_verified')).toBe('true');
      await admin.send(
        new AdminDeleteUserAttributesCommand({
          UserPoolId: poolId,
          Username: 'edited',
          UserAttributeNames: ['name'],
        }),
      );
      const tokens = await signIn('edited');
      await app.send(
        new DeleteUserAttributesCommand({
          AccessToken: tokens.AccessToken!,
          UserAttributeNames: ['nickname'],
        }),
      );
      const after = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'edited' }));
      expect(attr(after.UserAttributes, 'name')).toBeUndefined();
      expect(attr(after.UserAttributes, 'nickname')).toBeUndefined();
      await expectAwsError(
        admin.send(
          new AdminUpdateUserAttributesCommand({
            UserPoolId: poolId,
            Username: 'nobody',
            UserAttributes: [{ Name: 'name', Value: 'x' }],
          }),
        ),
        'UserNotFoundException',
      );
    });

    it('in an email-as-username pool the sign-in email follows the attribute, and may not collide', async () => {
      const { UserPool } = await admin.send(
        new CreateUserPoolCommand({ PoolName: 'users-by-email', UsernameAttributes: ['email'] }),
      );
      const { UserPoolClient } = await admin.send(
        new CreateUserPoolClientCommand({
          UserPoolId: UserPool!.Id!,
          ClientName: 'app',
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        }),
      );
      const c = UserPoolClient!.ClientId!;
      const first = `first.${stamp}@example.com`;
      const taken = `taken.${stamp}@example.com`;
      const moved = `moved.${stamp}@example.com`;
      await confirmedUser(first, first, c, UserPool!.Id);
      await confirmedUser(taken, taken, c, UserPool!.Id);
      const tokens = await signIn(first, password, c);
      await expectAwsError(
        app.send(
          new UpdateUserAttributesCommand({
            AccessToken: tokens.AccessToken!,
            UserAttributes: [{ Name: 'email', Value: taken }],
          }),
        ),
        'AliasExistsException',
      );
      await app.send(
        new UpdateUserAttributesCommand({
          AccessToken: tokens.AccessToken!,
          UserAttributes: [{ Name: 'email', Value: moved }],
        }),
      );
      expect((await signIn(moved, password, c)).AccessToken).toBeTruthy();
      await expectAwsError(signIn(first, password, c), 'UserNotFoundException');
      await admin.send(new DeleteUserPoolCommand({ UserPoolId: UserPool!.Id! }));
    });
  });

  it('DeleteUser: the user deletes their own account with their access token', async () => {
    await confirmedUser('leaver', `leaver.${stamp}@example.com`);
    const tokens = await signIn('leaver');
    await app.send(new DeleteUserCommand({ AccessToken: tokens.AccessToken! }));
    await expectAwsError(
      admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'leaver' })),
      'UserNotFoundException',
    );
    await expectAwsError(
      app.send(new GetUserCommand({ AccessToken: tokens.AccessToken! })),
      'UserNotFoundException',
    );
    await expectAwsError(signIn('leaver'), 'UserNotFoundException');
  });

  describe('AdminInitiateAuth', () => {
    it('signs in with ADMIN_USER_PASSWORD_AUTH for a back end holding the admin key', async () => {
      await confirmedUser('backend', `backend.${stamp}@example.com`);
      const { AuthenticationResult } = await admin.send(
        new AdminInitiateAuthCommand({
          UserPoolId: poolId,
          ClientId: clientId,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'backend', PASSWORD: password },
        }),
      );
      expect(
        (await app.send(new GetUserCommand({ AccessToken: AuthenticationResult!.AccessToken! }))).Username,
      ).toBe('backend');
      await expectAwsError(
        admin.send(
          new AdminInitiateAuthCommand({
            UserPoolId: poolId,
            ClientId: clientId,
            AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
            AuthParameters: { USERNAME: 'backend', PASSWORD: 'Wrong-passw0rd!' },
          }),
        ),
        'NotAuthorizedException',
      );
      // Not without the admin signature.
      await expectAwsError(
        app.send(
          new AdminInitiateAuthCommand({
            UserPoolId: poolId,
            ClientId: clientId,
            AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
            AuthParameters: { USERNAME: 'backend', PASSWORD: password },
          }),
        ),
        'UnrecognizedClientException',
      );
    });

    it('refuses a client of another pool, and a client without the flow', async () => {
      await expectAwsError(
        admin.send(
          new AdminInitiateAuthCommand({
            UserPoolId: 'us-east-1_Elsewhere',
            ClientId: clientId,
            AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
            AuthParameters: { USERNAME: 'backend', PASSWORD: password },
          }),
        ),
        'ResourceNotFoundException',
      );
      const { UserPoolClient } = await admin.send(
        new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'srp-only' }),
      );
      await expectAwsError(
        admin.send(
          new AdminInitiateAuthCommand({
            UserPoolId: poolId,
            ClientId: UserPoolClient!.ClientId!,
            AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
            AuthParameters: { USERNAME: 'backend', PASSWORD: password },
          }),
        ),
        'InvalidParameterException',
      );
    });

    it('answers NEW_PASSWORD_REQUIRED through AdminRespondToAuthChallenge', async () => {
      await admin.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: 'onboarded',
          TemporaryPassword: 'Temp-Passw0rd!',
          MessageAction: 'SUPPRESS',
        }),
      );
      const started = await admin.send(
        new AdminInitiateAuthCommand({
          UserPoolId: poolId,
          ClientId: clientId,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'onboarded', PASSWORD: 'Temp-Passw0rd!' },
        }),
      );
      expect(started.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
      const done = await admin.send(
        new AdminRespondToAuthChallengeCommand({
          UserPoolId: poolId,
          ClientId: clientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: started.Session,
          ChallengeResponses: { USERNAME: 'onboarded', NEW_PASSWORD: 'Own-Passw0rd!' },
        }),
      );
      expect(done.AuthenticationResult?.IdToken).toBeTruthy();
      expect((await signIn('onboarded', 'Own-Passw0rd!')).AccessToken).toBeTruthy();
    });
  });
});
