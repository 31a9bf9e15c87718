import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  ForgotPasswordCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolCommandInput,
  DeleteUserPoolCommand,
  DescribeUserPoolCommand,
  SignUpCommand,
  UpdateUserPoolCommand,
  UpdateUserPoolCommandInput,
  UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { eventually } from '../libs/testing/src/eventually';
import { randomUUID } from 'node:crypto';
import { cognitoAdmin, cognitoPublic, e2eSystem, messageSentTo } from './support/e2e-context';

/**
 * CreateUserPool / UpdateUserPool / DescribeUserPool settings through
 * @aws-sdk/client-cognito-identity-provider (ADR 0031). The API reference of UpdateUserPool: "With
 * the exception of UserPoolTier, if you don't provide a value for an attribute, Amazon Cognito
 * sets it to its default value."
 */
describe('user pool settings through the AWS SDK', () => {
  const system = e2eSystem();
  const admin = cognitoAdmin(system);
  const app = cognitoPublic(system);
  // Only functions the operator configured can be triggers (ADR 0030): the e2e system's, in its
  // account. No user signs up in these pools, so none of them is called here.
  const account = system.commonEnv.IDFED_ACCOUNT_ID ?? '000000000000';
  const fn = (name: string) => `arn:aws:lambda:us-east-1:${account}:function:${name}`;

  const everything: Omit<CreateUserPoolCommandInput, 'PoolName'> = {
    Policies: {
      PasswordPolicy: {
        MinimumLength: 10,
        RequireSymbols: false,
        TemporaryPasswordValidityDays: 3,
        PasswordHistorySize: 4,
      },
    },
    DeletionProtection: 'INACTIVE',
    LambdaConfig: {
      PreSignUp: fn('gate'),
      PreTokenGenerationConfig: {
        LambdaVersion: 'V2_0',
        LambdaArn: fn('garbage'),
      },
    },
    AutoVerifiedAttributes: ['email'],
    VerificationMessageTemplate: {
      EmailMessage: 'Your code is {####}',
      EmailSubject: 'Your code',
      DefaultEmailOption: 'CONFIRM_WITH_CODE',
    },
    UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
    DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: false },
    EmailConfiguration: {
      EmailSendingAccount: 'DEVELOPER',
      SourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com',
      From: 'Example <no-reply@example.com>',
      ReplyToEmailAddress: 'help@example.com',
    },
    AdminCreateUserConfig: {
      AllowAdminCreateUserOnly: false,
      InviteMessageTemplate: { EmailMessage: 'User {username}, password {####}', EmailSubject: 'Welcome' },
    },
    UserPoolAddOns: { AdvancedSecurityMode: 'OFF' },
    AccountRecoverySetting: {
      RecoveryMechanisms: [
        { Name: 'verified_email', Priority: 1 },
        { Name: 'verified_phone_number', Priority: 2 },
      ],
    },
    UserPoolTags: { team: 'identity' },
    UserPoolTier: 'PLUS',
  };

  async function describe_(id: string): Promise<UserPoolType> {
    return (await admin.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool!;
  }

  afterAll(() => {
    admin.destroy();
    app.destroy();
  });

  it('CreateUserPool stores every setting and answers it, in its response and in DescribeUserPool', async () => {
    const { UserPool: created } = await admin.send(
      new CreateUserPoolCommand({ PoolName: 'all', ...everything }),
    );
    const described = await describe_(created!.Id!);
    for (const pool of [created!, described]) {
      expect(pool).toMatchObject({
        ...everything,
        Policies: {
          // A given policy's requirements left out are off (AWS, as Terraform's acceptance tests
          // against AWS rely on: its Go SDK sends `false` by leaving the member out).
          PasswordPolicy: {
            MinimumLength: 10,
            RequireUppercase: false,
            RequireLowercase: false,
            RequireNumbers: false,
            RequireSymbols: false,
            TemporaryPasswordValidityDays: 3,
            PasswordHistorySize: 4,
          },
        },
        // Cognito answers the legacy members beside the template.
        EmailVerificationMessage: 'Your code is {####}',
        EmailVerificationSubject: 'Your code',
        AdminCreateUserConfig: { ...everything.AdminCreateUserConfig, UnusedAccountValidityDays: 3 },
      });
    }
  });

  it("a pool created with nothing answers Cognito's defaults", async () => {
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'bare' }));
    const pool = await describe_(UserPool!.Id!);
    expect(pool).toMatchObject({
      DeletionProtection: 'INACTIVE',
      LambdaConfig: {},
      MfaConfiguration: 'OFF',
      VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: [] },
      EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7 },
      UserPoolTier: 'ESSENTIALS',
    });
    expect(pool.AccountRecoverySetting).toBeUndefined();
    expect(pool.DeviceConfiguration).toBeUndefined();
  });

  it('UpdateUserPool replaces what it is given, resets what it is not, and keeps the tier (API reference)', async () => {
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'before', ...everything }));
    const id = UserPool!.Id!;
    await admin.send(
      new UpdateUserPoolCommand({
        UserPoolId: id,
        PoolName: 'after',
        AutoVerifiedAttributes: ['email', 'phone_number'],
        SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns', SnsRegion: 'eu-west-1' },
        SmsAuthenticationMessage: 'Sign-in code {####}',
        MfaConfiguration: 'OPTIONAL',
        LambdaConfig: { PostConfirmation: fn('broken') },
        AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'admin_only', Priority: 1 }] },
        UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' },
      }),
    );
    const pool = await describe_(id);
    expect(pool).toMatchObject({
      Name: 'after',
      AutoVerifiedAttributes: ['email', 'phone_number'],
      SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns', SnsRegion: 'eu-west-1' },
      SmsAuthenticationMessage: 'Sign-in code {####}',
      MfaConfiguration: 'OPTIONAL',
      LambdaConfig: { PostConfirmation: fn('broken') },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'admin_only', Priority: 1 }] },
      UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' },
      // Left out: back to Cognito's defaults.
      Policies: {
        PasswordPolicy: { MinimumLength: 8, RequireSymbols: true, TemporaryPasswordValidityDays: 7 },
      },
      VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: [] },
      EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7 },
      UserPoolTags: {},
      // ... except the tier.
      UserPoolTier: 'PLUS',
    });
    expect(pool.DeviceConfiguration).toBeUndefined();
    expect(pool.EmailVerificationMessage).toBeUndefined();
    expect(pool.LastModifiedDate!.getTime()).toBeGreaterThanOrEqual(pool.CreationDate!.getTime());
  });

  it('DeletionProtection set by UpdateUserPool refuses DeleteUserPool until it is lifted', async () => {
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'protected' }));
    const id = UserPool!.Id!;
    await admin.send(new UpdateUserPoolCommand({ UserPoolId: id, DeletionProtection: 'ACTIVE' }));
    await expectAwsError(
      admin.send(new DeleteUserPoolCommand({ UserPoolId: id })),
      'InvalidParameterException',
      {
        message:
          'The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.',
      },
    );
    expect((await describe_(id)).DeletionProtection).toBe('ACTIVE');
    // Left out, DeletionProtection is reset to INACTIVE like every other member.
    await admin.send(new UpdateUserPoolCommand({ UserPoolId: id }));
    await admin.send(new DeleteUserPoolCommand({ UserPoolId: id }));
    await expectAwsError(describe_(id), 'ResourceNotFoundException');
  });

  it('AdminCreateUserConfig changed by UpdateUserPool holds for SignUp', async () => {
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'closing' }));
    const id = UserPool!.Id!;
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({ UserPoolId: id, ClientName: 'app' }),
    );
    await admin.send(
      new UpdateUserPoolCommand({
        UserPoolId: id,
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      }),
    );
    // The client cache of another replica holds a pool for a few seconds (docs/status.md).
    let n = 0;
    await eventually(() =>
      expectAwsError(
        app.send(
          new SignUpCommand({
            ClientId: UserPoolClient!.ClientId!,
            Username: `late-${n++}`,
            Password: 'Closed-Passw0rd!',
          }),
        ),
        'NotAuthorizedException',
        { message: 'SignUp is not permitted for this user pool' },
      ),
    );
  });

  /** A confirmed user with a verified email and a verified phone, and a client of the pool. */
  async function recoverablePool(
    setting?: CreateUserPoolCommandInput['AccountRecoverySetting'],
  ): Promise<{ id: string; clientId: string }> {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({
        PoolName: 'recovery',
        ...(setting ? { AccountRecoverySetting: setting } : {}),
      }),
    );
    const id = UserPool!.Id!;
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({ UserPoolId: id, ClientName: 'app' }),
    );
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: id,
        Username: 'ann',
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: 'ann@example.com' },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'phone_number', Value: '+15555550142' },
          { Name: 'phone_number_verified', Value: 'true' },
        ],
      }),
    );
    await admin.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: id,
        Username: 'ann',
        Password: 'Recover-Passw0rd!',
        Permanent: true,
      }),
    );
    return { id, clientId: UserPoolClient!.ClientId! };
  }

  it('AccountRecoverySetting chooses the medium by priority; without one SMS comes first (API reference)', async () => {
    const emailFirst = await recoverablePool({
      RecoveryMechanisms: [
        { Name: 'verified_phone_number', Priority: 2 },
        { Name: 'verified_email', Priority: 1 },
      ],
    });
    const byEmail = await app.send(
      new ForgotPasswordCommand({ ClientId: emailFirst.clientId, Username: 'ann' }),
    );
    expect(byEmail.CodeDeliveryDetails).toEqual({
      Destination: 'a***@e***',
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    });
    // "In the absence of this setting, Amazon Cognito uses the legacy behavior to determine the
    // recovery method where SMS is preferred over email." (CreateUserPool, AccountRecoverySetting)
    const legacy = await recoverablePool();
    const bySms = await app.send(new ForgotPasswordCommand({ ClientId: legacy.clientId, Username: 'ann' }));
    expect(bySms.CodeDeliveryDetails?.DeliveryMedium).toBe('SMS');
  });

  it('admin_only refuses ForgotPassword for every name alike, until UpdateUserPool lifts it', async () => {
    // RecoveryOptionType: "The admin_only option prevents self-service account recovery." The
    // refusal's name and wording follow moto's model of Cognito; not observed on AWS.
    const { id, clientId } = await recoverablePool({
      RecoveryMechanisms: [{ Name: 'admin_only', Priority: 1 }],
    });
    for (const Username of ['ann', 'nobody-at-all']) {
      await expectAwsError(
        app.send(new ForgotPasswordCommand({ ClientId: clientId, Username })),
        'NotAuthorizedException',
        {
          message: 'Contact administrator to reset password.',
        },
      );
    }
    await admin.send(
      new UpdateUserPoolCommand({
        UserPoolId: id,
        AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      }),
    );
    await eventually(async () => {
      const sent = await app.send(new ForgotPasswordCommand({ ClientId: clientId, Username: 'ann' }));
      expect(sent.CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
    });
  });

  it('sends the verification and invitation messages of the templates UpdateUserPool set', async () => {
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'templates' }));
    const id = UserPool!.Id!;
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({ UserPoolId: id, ClientName: 'app' }),
    );
    await admin.send(
      new UpdateUserPoolCommand({
        UserPoolId: id,
        AutoVerifiedAttributes: ['email'],
        VerificationMessageTemplate: {
          EmailMessage: 'Hello {username}, your code: {####}.',
          EmailSubject: 'Confirm',
        },
        AdminCreateUserConfig: {
          InviteMessageTemplate: { EmailMessage: 'Welcome {username}, password {####}', EmailSubject: 'Hi' },
        },
      }),
    );
    const signedUp = `${randomUUID()}@example.com`;
    await eventually(async () => {
      await app.send(
        new SignUpCommand({
          ClientId: UserPoolClient!.ClientId!,
          Username: `u-${randomUUID()}`,
          Password: 'Template-Passw0rd!',
          UserAttributes: [{ Name: 'email', Value: signedUp }],
        }),
      );
      expect(await messageSentTo(signedUp, system, { timeoutMs: 2_000 })).toMatch(
        /Hello u-[\w-]+, your code: \d{6}\./,
      );
    });
    const invited = `${randomUUID()}@example.com`;
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: id,
        Username: 'invited',
        TemporaryPassword: 'Invite-Passw0rd!',
        DesiredDeliveryMediums: ['EMAIL'],
        UserAttributes: [{ Name: 'email', Value: invited }],
      }),
    );
    // The dev mailbox keeps the text; the SMTP capture of the distributed mode the whole message.
    expect(await messageSentTo(invited)).toContain('Welcome invited, password Invite-Passw0rd!');
  });

  it('refuses settings Cognito refuses and leaves the pool as it was', async () => {
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'kept', ...everything }));
    const id = UserPool!.Id!;
    const before = await describe_(id);
    const refused: UpdateUserPoolCommandInput[] = [
      { UserPoolId: id, MfaConfiguration: 'ON' },
      {
        UserPoolId: id,
        AccountRecoverySetting: {
          RecoveryMechanisms: [
            { Name: 'admin_only', Priority: 1 },
            { Name: 'verified_email', Priority: 2 },
          ],
        },
      },
      {
        UserPoolId: id,
        UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
      },
      { UserPoolId: id, EmailConfiguration: { EmailSendingAccount: 'DEVELOPER' } },
      { UserPoolId: id, UserPoolTags: { 'aws:cloudformation:stack': 'x' } },
      { UserPoolId: id, Policies: { PasswordPolicy: { MinimumLength: 100 } } },
    ];
    for (const input of refused) {
      await expectAwsError(admin.send(new UpdateUserPoolCommand(input)), 'InvalidParameterException');
    }
    expect(await describe_(id)).toEqual(before);
  });

  it('answers ResourceNotFoundException for an unknown or deleted pool', async () => {
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'gone' }));
    await admin.send(new DeleteUserPoolCommand({ UserPoolId: UserPool!.Id! }));
    await expectAwsError(
      admin.send(new UpdateUserPoolCommand({ UserPoolId: UserPool!.Id! })),
      'ResourceNotFoundException',
    );
  });

  it('refuses unsigned and forged calls, and changes nothing', async () => {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({ PoolName: 'guarded', DeletionProtection: 'ACTIVE' }),
    );
    const id = UserPool!.Id!;
    const client = (secretAccessKey: string, accessKeyId = system.adminAccessKeyId) =>
      new CognitoIdentityProviderClient({
        endpoint: system.endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId, secretAccessKey },
        maxAttempts: 1,
      });
    await expectAwsError(
      client('anonymous', 'ANONYMOUS').send(new UpdateUserPoolCommand({ UserPoolId: id })),
      'UnrecognizedClientException',
    );
    await expectAwsError(
      client('not-the-admin-secret-at-all').send(new UpdateUserPoolCommand({ UserPoolId: id })),
      'InvalidSignatureException',
    );
    expect((await describe_(id)).DeletionProtection).toBe('ACTIVE');
  });
});
