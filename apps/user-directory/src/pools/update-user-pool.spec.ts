import { CommandMeta, UpdateUserPoolRequest, UserDirectoryTopics } from '@idfed/contracts';
import { OutboxService, ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { ClientsService } from '../clients/clients.service';
import { UserPoolEntity } from '../database/entities';
import { SigningKeysService } from '../tokens/signing-keys.service';
import { TriggerCaller } from '../triggers/trigger-caller';
import { applyPoolUpdate, poolConfigFromRequest, toUserPoolType } from './pool-config';
import { PoolsService } from './pools.service';
import { UpdateUserPoolUseCase } from './update-user-pool.use-case';
import { UserPoolsRepository } from './user-pools.repository';
import { RunningImports } from '../import/running-imports';
import { UserImportJobsRepository } from '../import/user-import-jobs.repository';

const POOL_ID = 'us-east-1_AbCdEf123';
const tx = { unitOfWork: 'handle' } as unknown as Transaction;
const meta = { requestId: 'req-1' } as CommandMeta;

/** A pool with a setting of almost every kind, as CreateUserPool stores it. */
function configuredPool(): UserPoolEntity {
  return {
    id: POOL_ID,
    name: 'pool',
    config: poolConfigFromRequest(
      {
        PoolName: 'pool',
        DeletionProtection: 'ACTIVE',
        Policies: { PasswordPolicy: { MinimumLength: 12, RequireSymbols: false } },
        AutoVerifiedAttributes: ['email'],
        UsernameAttributes: ['email'],
        Schema: [{ Name: 'tenant', AttributeDataType: 'String' }],
        DeviceConfiguration: { ChallengeRequiredOnNewDevice: true },
        LambdaConfig: { PreSignUp: 'arn:aws:lambda:us-east-1:123456789012:function:pre' },
        VerificationMessageTemplate: { EmailMessage: 'Code {####}', EmailSubject: 'Hi' },
        AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
        UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        UserPoolTags: { team: 'a' },
        UserPoolTier: 'PLUS',
      },
      'arn:aws:cognito-idp:us-east-1:123456789012:userpool/' + POOL_ID,
    ),
    createdAt: new Date(1000),
    updatedAt: new Date(2000),
  };
}

function fixture(found: UserPoolEntity | undefined, importRunning = false) {
  const repository = {
    find: jest.fn().mockResolvedValue(found),
    updateSettings: jest.fn().mockResolvedValue(undefined),
  };
  const outbox = { add: jest.fn().mockResolvedValue('event-1'), nudge: jest.fn() };
  const transactions = { run: jest.fn((work: (t: Transaction) => Promise<unknown>) => work(tx)) };
  const clients = { forgetPool: jest.fn() };
  const repo = repository as unknown as UserPoolsRepository;
  const pools = new PoolsService(repo, { forgetPool: jest.fn() } as unknown as SigningKeysService);
  const useCase = new UpdateUserPoolUseCase(
    pools,
    repo,
    transactions as unknown as Transactions,
    outbox as unknown as OutboxService,
    clients as unknown as ClientsService,
    new TriggerCaller({
      accountId: '123456789012',
      endpoints: new Map(['pre', 'post', 'tok'].map((n) => [n, `http://127.0.0.1:9/${n}`])),
      secret: Buffer.alloc(32, 1),
      timeoutMs: 5000,
      maxAnswerBytes: 1024,
    }),
    new RunningImports({ hasActiveJob: async () => importRunning } as unknown as UserImportJobsRepository),
  );
  return { repository, outbox, clients, useCase };
}

async function errorOf(promise: Promise<unknown>): Promise<ServiceError | undefined> {
  return promise.then(
    () => undefined,
    (err: ServiceError) => err,
  );
}

describe('applyPoolUpdate', () => {
  it('resets every member left out to its default, as the API reference says, except the tier', () => {
    const before = configuredPool();
    const after = toUserPoolType(
      { ...before, config: applyPoolUpdate(before.config, { UserPoolId: POOL_ID }) },
      0,
    );
    expect(after.DeletionProtection).toBe('INACTIVE');
    expect(after.Policies).toEqual({
      PasswordPolicy: {
        MinimumLength: 8,
        RequireUppercase: true,
        RequireLowercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
        TemporaryPasswordValidityDays: 7,
      },
      // The default first factor (ADR 0034), whatever the pool had.
      SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] },
    });
    expect(after.AutoVerifiedAttributes).toEqual([]);
    expect(after.LambdaConfig).toEqual({});
    expect(after.DeviceConfiguration).toBeUndefined();
    expect(after.VerificationMessageTemplate).toEqual({ DefaultEmailOption: 'CONFIRM_WITH_CODE' });
    expect(after.EmailVerificationMessage).toBeUndefined();
    expect(after.AccountRecoverySetting).toBeUndefined();
    expect(after.UserAttributeUpdateSettings).toEqual({ AttributesRequireVerificationBeforeUpdate: [] });
    expect(after.AdminCreateUserConfig).toEqual({
      AllowAdminCreateUserOnly: false,
      UnusedAccountValidityDays: 7,
    });
    expect(after.EmailConfiguration).toEqual({ EmailSendingAccount: 'COGNITO_DEFAULT' });
    // Tags are kept when left out (AWS keeps them; Terraform's provider relies on it).
    expect(after.UserPoolTags).toEqual({ team: 'a' });
    expect(after.MfaConfiguration).toBe('OFF');
    // "With the exception of UserPoolTier" (API reference): kept when left out.
    expect(after.UserPoolTier).toBe('PLUS');
  });

  it('keeps what UpdateUserPool cannot change: ARN, schema, username attributes, case sensitivity', () => {
    const before = configuredPool();
    const config = applyPoolUpdate(before.config, { UserPoolId: POOL_ID });
    expect(config.arn).toBe(before.config.arn);
    expect(config.schema).toEqual(before.config.schema);
    expect(config.usernameAttributes).toEqual(['email']);
    expect(config.caseSensitive).toBe(true);
  });

  // Terraform's acceptance tests, run against AWS, update a pool to `require_lowercase = false`
  // and find it false: the Go SDK sends that `false` by leaving the member out.
  it("turns off a given policy's requirements that the request leaves out", () => {
    const before = configuredPool();
    const config = applyPoolUpdate(before.config, {
      UserPoolId: POOL_ID,
      Policies: {
        PasswordPolicy: { MinimumLength: 9, RequireNumbers: true, TemporaryPasswordValidityDays: 0 },
      },
    });
    expect(config.passwordPolicy).toEqual({
      MinimumLength: 9,
      RequireUppercase: false,
      RequireLowercase: false,
      RequireNumbers: true,
      RequireSymbols: false,
      // 0 is how the Go SDK leaves the member out: Cognito's default of 7 days.
      TemporaryPasswordValidityDays: 7,
    });
  });

  it('replaces the tags when the request gives UserPoolTags, even empty ones', () => {
    const before = configuredPool();
    expect(applyPoolUpdate(before.config, { UserPoolId: POOL_ID, UserPoolTags: {} }).tags).toEqual({});
    expect(applyPoolUpdate(before.config, { UserPoolId: POOL_ID, UserPoolTags: { b: '2' } }).tags).toEqual({
      b: '2',
    });
  });

  it('stores every member it is given, and echoes it in DescribeUserPool', () => {
    const before = configuredPool();
    const req: UpdateUserPoolRequest = {
      UserPoolId: POOL_ID,
      DeletionProtection: 'ACTIVE',
      Policies: {
        PasswordPolicy: { PasswordHistorySize: 5 },
        SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] },
      },
      AutoVerifiedAttributes: ['email', 'phone_number'],
      LambdaConfig: {
        PostConfirmation: 'arn:aws:lambda:us-east-1:123456789012:function:post',
        PreTokenGenerationConfig: {
          LambdaVersion: 'V2_0',
          LambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:tok',
        },
      },
      SmsVerificationMessage: 'Your code {####}',
      EmailConfiguration: {
        EmailSendingAccount: 'DEVELOPER',
        SourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/a@example.com',
        From: 'a@example.com',
      },
      SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns', ExternalId: 'x' },
      AdminCreateUserConfig: {
        AllowAdminCreateUserOnly: true,
        InviteMessageTemplate: { EmailMessage: 'Hi {username} {####}', EmailSubject: 'Welcome' },
      },
      UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' },
      AccountRecoverySetting: {
        RecoveryMechanisms: [
          { Name: 'verified_phone_number', Priority: 2 },
          { Name: 'verified_email', Priority: 1 },
        ],
      },
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['phone_number'] },
      DeviceConfiguration: { DeviceOnlyRememberedOnUserPrompt: true },
      UserPoolTags: { team: 'b' },
      MfaConfiguration: 'OPTIONAL',
      UserPoolTier: 'ESSENTIALS',
    };
    const after = toUserPoolType({ ...before, config: applyPoolUpdate(before.config, req) }, 0);
    expect(after).toMatchObject({
      DeletionProtection: 'ACTIVE',
      Policies: {
        PasswordPolicy: { MinimumLength: 8, PasswordHistorySize: 5 },
        SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] },
      },
      AutoVerifiedAttributes: ['email', 'phone_number'],
      LambdaConfig: req.LambdaConfig,
      SmsVerificationMessage: 'Your code {####}',
      VerificationMessageTemplate: {
        SmsMessage: 'Your code {####}',
        DefaultEmailOption: 'CONFIRM_WITH_CODE',
      },
      EmailConfiguration: req.EmailConfiguration,
      SmsConfiguration: req.SmsConfiguration,
      AdminCreateUserConfig: { ...req.AdminCreateUserConfig, UnusedAccountValidityDays: 7 },
      UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' },
      AccountRecoverySetting: {
        RecoveryMechanisms: [
          { Name: 'verified_email', Priority: 1 },
          { Name: 'verified_phone_number', Priority: 2 },
        ],
      },
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['phone_number'] },
      DeviceConfiguration: { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: true },
      UserPoolTags: { team: 'b' },
      MfaConfiguration: 'OPTIONAL',
      UserPoolTier: 'ESSENTIALS',
    });
  });

  it('keeps the software token factor SetUserPoolMfaConfig turned on, so MFA ON needs no SMS', () => {
    const before = configuredPool();
    const withTotp = { ...before.config, mfa: { softwareToken: true } };
    const config = applyPoolUpdate(withTotp, { UserPoolId: POOL_ID, MfaConfiguration: 'ON' });
    expect(config.mfaConfiguration).toBe('ON');
    expect(config.mfa).toEqual({ softwareToken: true });
    expect(() => applyPoolUpdate(before.config, { UserPoolId: POOL_ID, MfaConfiguration: 'ON' })).toThrow(
      'SMS configuration and Auto verification for phone_number are required when MFA is required/optional',
    );
  });

  it.each<[string, UpdateUserPoolRequest]>([
    [
      'admin_only with another mechanism',
      {
        UserPoolId: POOL_ID,
        AccountRecoverySetting: {
          RecoveryMechanisms: [
            { Name: 'admin_only', Priority: 1 },
            { Name: 'verified_email', Priority: 2 },
          ],
        },
      },
    ],
    [
      'two mechanisms of one priority',
      {
        UserPoolId: POOL_ID,
        AccountRecoverySetting: {
          RecoveryMechanisms: [
            { Name: 'verified_phone_number', Priority: 1 },
            { Name: 'verified_email', Priority: 1 },
          ],
        },
      },
    ],
    [
      'an attribute to verify before update that is not auto-verified',
      {
        UserPoolId: POOL_ID,
        UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
      },
    ],
    [
      'DEVELOPER email without SourceArn',
      { UserPoolId: POOL_ID, EmailConfiguration: { EmailSendingAccount: 'DEVELOPER' } },
    ],
    ['an aws: tag', { UserPoolId: POOL_ID, UserPoolTags: { 'aws:x': '1' } }],
    ['a password length of 5', { UserPoolId: POOL_ID, Policies: { PasswordPolicy: { MinimumLength: 5 } } }],
  ])('refuses %s with InvalidParameterException', (_what, req) => {
    const before = configuredPool();
    expect(() => applyPoolUpdate(before.config, req)).toThrow(
      expect.objectContaining({ errorName: 'InvalidParameterException' }) as Error,
    );
  });
});

describe('UpdateUserPool', () => {
  it('refuses while an import job of the pool runs: UserImportInProgressException, nothing stored', async () => {
    const f = fixture(configuredPool(), true);
    const err = await errorOf(f.useCase.execute({ UserPoolId: POOL_ID, PoolName: 'renamed' }, meta));
    expect(err?.getError()).toMatchObject({ name: 'UserImportInProgressException' });
    expect(f.repository.updateSettings).not.toHaveBeenCalled();
    expect(f.outbox.add).not.toHaveBeenCalled();
  });

  it('replaces the locked pool settings and name, and writes the change event in the same unit of work', async () => {
    const f = fixture(configuredPool());
    expect(
      await f.useCase.execute(
        {
          UserPoolId: POOL_ID,
          PoolName: 'renamed',
          DeletionProtection: 'ACTIVE',
          AutoVerifiedAttributes: ['email'],
          UserPoolTags: { team: 'a' },
        },
        meta,
      ),
    ).toEqual({});
    expect(f.repository.find).toHaveBeenCalledWith(POOL_ID, tx, true);
    const [id, name, config] = f.repository.updateSettings.mock.calls[0] as [
      string,
      string,
      { tags: unknown },
    ];
    expect([id, name, config.tags]).toEqual([POOL_ID, 'renamed', { team: 'a' }]);
    expect(f.outbox.add).toHaveBeenCalledTimes(1);
    const [eventTx, message] = f.outbox.add.mock.calls[0] as [
      Transaction,
      { topic: string; key: string; payload: { changed: string[] } },
    ];
    expect(eventTx).toBe(tx);
    expect(message.topic).toBe(UserDirectoryTopics.userPoolSettingsChanged);
    expect(message.key).toBe(POOL_ID);
    expect(message.payload.changed).toEqual(
      [
        'Name',
        'Policies',
        'LambdaConfig',
        'VerificationMessageTemplate',
        'EmailVerificationMessage',
        'EmailVerificationSubject',
        'UserAttributeUpdateSettings',
        'AdminCreateUserConfig',
        'AccountRecoverySetting',
        'DeviceConfiguration',
      ].sort((a, b) => order(a) - order(b)),
    );
    expect(f.clients.forgetPool).toHaveBeenCalledWith(POOL_ID);
  });

  it('writes no event when nothing changed', async () => {
    const f = fixture(configuredPool());
    const reset = applyPoolUpdate(configuredPool().config, { UserPoolId: POOL_ID });
    f.repository.find.mockResolvedValue({ ...configuredPool(), config: reset });
    await f.useCase.execute({ UserPoolId: POOL_ID }, meta);
    expect(f.repository.updateSettings).toHaveBeenCalled();
    expect(f.outbox.add).not.toHaveBeenCalled();
  });

  it('answers ResourceNotFoundException for a missing pool, and refuses bad input before any lookup', async () => {
    const f = fixture(undefined);
    expect((await errorOf(f.useCase.execute({ UserPoolId: POOL_ID }, meta)))?.errorName).toBe(
      'ResourceNotFoundException',
    );
    const bad = await errorOf(
      f.useCase.execute({ UserPoolId: POOL_ID, MfaConfiguration: 'MAYBE' as 'ON' }, meta),
    );
    expect(bad?.errorName).toBe('InvalidParameterException');
    expect(f.repository.find).toHaveBeenCalledTimes(1);
    expect(f.repository.updateSettings).not.toHaveBeenCalled();
  });

  it('leaves the pool unchanged when a setting is refused: no write, no event', async () => {
    const f = fixture(configuredPool());
    const refused = await errorOf(
      f.useCase.execute(
        { UserPoolId: POOL_ID, EmailConfiguration: { EmailSendingAccount: 'DEVELOPER' } },
        meta,
      ),
    );
    expect(refused?.errorName).toBe('InvalidParameterException');
    expect(f.repository.updateSettings).not.toHaveBeenCalled();
    expect(f.outbox.add).not.toHaveBeenCalled();
  });

  it('refuses a trigger function the operator did not configure, as CreateUserPool does', async () => {
    const f = fixture(configuredPool());
    const refused = await errorOf(
      f.useCase.execute(
        {
          UserPoolId: POOL_ID,
          LambdaConfig: { PreSignUp: 'arn:aws:lambda:us-east-1:123456789012:function:elsewhere' },
        },
        meta,
      ),
    );
    expect(refused).toMatchObject({
      errorName: 'InvalidParameterException',
      message:
        'The Lambda function arn:aws:lambda:us-east-1:123456789012:function:elsewhere is not one this idfed can call.',
    });
    expect(f.repository.updateSettings).not.toHaveBeenCalled();
    expect(f.outbox.add).not.toHaveBeenCalled();
  });
});

/** The members in the order DescribeUserPool answers them. */
function order(member: string): number {
  return Object.keys(toUserPoolType(configuredPool(), 0)).concat(['Name']).indexOf(member);
}
