import {
  AccountRecoverySettingType,
  AuthFactorType,
  CreateUserPoolRequest,
  DeviceConfigurationType,
  EmailConfigurationType,
  LambdaConfigType,
  MessageTemplateType,
  UpdateUserPoolRequest,
  UserAttributeUpdateSettingsType,
  UserPoolAddOnsType,
  UserPoolTierType,
  VerificationMessageTemplateType,
  EmailMfaConfigType,
  SmsMfaConfigType,
  WebAuthnConfigurationType,
  PasswordPolicyType,
  SchemaAttributeType,
  UsernameAttributeType,
  UserPoolType,
  VerifiedAttributeType,
} from '@idfed/contracts';
import { addTags } from '@idfed/aws-protocol';
import { CognitoErrors } from '../common/cognito-errors';
import { schemaFromRequest } from './attribute-schema';
import { STANDARD_ATTRIBUTE_NAMES } from './standard-attributes';

/** What the user directory stores about a pool besides its id and name (the `config` column). */
export interface PoolConfig {
  arn: string;
  /** `PasswordHistorySize` is stored and answered, not enforced (docs/status.md). */
  passwordPolicy: Required<Omit<PasswordPolicyType, 'PasswordHistorySize'>> &
    Pick<PasswordPolicyType, 'PasswordHistorySize'>;
  deletionProtection: 'ACTIVE' | 'INACTIVE';
  autoVerifiedAttributes: VerifiedAttributeType[];
  usernameAttributes: UsernameAttributeType[];
  aliasAttributes: string[];
  caseSensitive: boolean;
  schema: SchemaAttributeType[];
  mfaConfiguration: 'OFF' | 'ON' | 'OPTIONAL';
  /** The MFA factors SetUserPoolMfaConfig configured; absent for a pool that never had it called. */
  mfa?: PoolMfaFactors;
  allowAdminCreateUserOnly: boolean;
  tags: Record<string, string>;
  /** Device tracking (ADR 0028): absent, devices are not tracked. */
  deviceConfiguration?: Required<DeviceConfigurationType>;
  /*
   * The settings below (ADR 0031) are stored and answered as given by CreateUserPool and
   * UpdateUserPool; absent, DescribeUserPool answers Cognito's default. docs/status.md says which
   * of them idfed acts on.
   */
  /** Policies.SignInPolicy: USER_AUTH's first factors (ADR 0034); absent, PASSWORD only. */
  signInPolicy?: { AllowedFirstAuthFactors: AuthFactorType[] };
  /** The pool's Lambda triggers, in AWS's shape (the triggers call them). */
  lambdaConfig?: LambdaConfigType;
  verificationMessageTemplate?: VerificationMessageTemplateType;
  userAttributeUpdateSettings?: UserAttributeUpdateSettingsType;
  emailConfiguration?: EmailConfigurationType;
  userPoolAddOns?: UserPoolAddOnsType;
  accountRecoverySetting?: AccountRecoverySettingType;
  inviteMessageTemplate?: MessageTemplateType;
  unusedAccountValidityDays?: number;
  /** Set when `unusedAccountValidityDays` times temporary passwords (no TemporaryPasswordValidityDays given; ADR 0062). */
  unusedAccountValidityApplies?: true;
  userPoolTier?: UserPoolTierType;
}

/** Cognito's first factors of a pool that names none. */
export const DEFAULT_FIRST_AUTH_FACTORS: AuthFactorType[] = ['PASSWORD'];

/**
 * A pool's MFA factors. Only the software token (TOTP) is served; the SMS, email and WebAuthn
 * configurations are stored and answered as given, and no sign-in asks for those factors yet.
 */
export interface PoolMfaFactors {
  softwareToken: boolean;
  sms?: SmsMfaConfigType;
  email?: EmailMfaConfigType;
  webAuthn?: WebAuthnConfigurationType;
}

/** Cognito's defaults for a pool created through the API. */
export const DEFAULT_PASSWORD_POLICY: PoolConfig['passwordPolicy'] = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
};

/**
 * A PasswordPolicy a request gives. Only a request without one gets Cognito's default policy; in a
 * given policy a requirement left out is off, as the AWS SDKs for Go and Java send `false` by leaving
 * the member out (Terraform's provider relies on it: a pool it made with `require_symbols = false`
 * would otherwise require symbols and never match its plan). MinimumLength and the validity days
 * left out keep their defaults.
 */
function passwordPolicyOf(policy: PasswordPolicyType): PoolConfig['passwordPolicy'] {
  return {
    MinimumLength: policy.MinimumLength ?? DEFAULT_PASSWORD_POLICY.MinimumLength,
    RequireUppercase: policy.RequireUppercase ?? false,
    RequireLowercase: policy.RequireLowercase ?? false,
    RequireNumbers: policy.RequireNumbers ?? false,
    RequireSymbols: policy.RequireSymbols ?? false,
    // 0 is the Go SDK's "left out" (its member is not a pointer): Cognito's default then.
    TemporaryPasswordValidityDays:
      policy.TemporaryPasswordValidityDays || DEFAULT_PASSWORD_POLICY.TemporaryPasswordValidityDays,
  };
}

/** The members of CreateUserPool that UpdateUserPool takes again (ADR 0031). */
type PoolSettingsRequest = Omit<UpdateUserPoolRequest, 'UserPoolId' | 'PoolName'>;

/** The part of a pool's config UpdateUserPool replaces. */
type PoolSettings = Omit<
  PoolConfig,
  'arn' | 'usernameAttributes' | 'aliasAttributes' | 'caseSensitive' | 'schema' | 'userPoolTier'
>;

/**
 * A pool's settings from a CreateUserPool or UpdateUserPool request: every member left out takes
 * Cognito's default, as the API reference says of UpdateUserPool ("if you don't provide a value
 * for an attribute, Amazon Cognito sets it to its default value"). The MFA factors that only
 * SetUserPoolMfaConfig sets (software token, email, WebAuthn) are kept from `factors`.
 */
function poolSettingsFromRequest(req: PoolSettingsRequest, factors?: PoolMfaFactors): PoolSettings {
  const policy = req.Policies?.PasswordPolicy;
  const passwordPolicy = policy ? passwordPolicyOf(policy) : DEFAULT_PASSWORD_POLICY;
  if (passwordPolicy.MinimumLength < 6 || passwordPolicy.MinimumLength > 99) {
    throw CognitoErrors.invalidParameter('Password policy MinimumLength must be between 6 and 99.');
  }
  const autoVerifiedAttributes = req.AutoVerifiedAttributes ?? [];
  const mfaConfiguration = req.MfaConfiguration ?? 'OFF';
  const otherFactor = factors?.softwareToken || factors?.email !== undefined;
  // Cognito's rule: without a software token (or email) factor from SetUserPoolMfaConfig, a pool
  // that asks for MFA must bring SMS.
  if (
    mfaConfiguration !== 'OFF' &&
    !otherFactor &&
    (!req.SmsConfiguration || !autoVerifiedAttributes.includes('phone_number'))
  ) {
    throw CognitoErrors.invalidParameter(
      'SMS configuration and Auto verification for phone_number are required when MFA is required/optional',
    );
  }
  const sms = req.SmsConfiguration
    ? {
        SmsConfiguration: req.SmsConfiguration,
        ...(req.SmsAuthenticationMessage ? { SmsAuthenticationMessage: req.SmsAuthenticationMessage } : {}),
      }
    : undefined;
  const mfa: PoolMfaFactors | undefined =
    factors || sms
      ? {
          softwareToken: factors?.softwareToken ?? false,
          ...(sms ? { sms } : {}),
          ...(factors?.email ? { email: factors.email } : {}),
          ...(factors?.webAuthn ? { webAuthn: factors.webAuthn } : {}),
        }
      : undefined;
  const recovery = accountRecoveryOf(req.AccountRecoverySetting);
  const attributeUpdate = attributeUpdateSettingsOf(req.UserAttributeUpdateSettings, autoVerifiedAttributes);
  const email = emailConfigurationOf(req.EmailConfiguration);
  const admin = req.AdminCreateUserConfig;
  const template = verificationTemplateOf(req);
  const tags = req.UserPoolTags ? addTags({}, req.UserPoolTags, 'A user pool') : { tags: {} };
  if ('refused' in tags) throw CognitoErrors.invalidParameter(tags.refused);
  return {
    passwordPolicy: {
      MinimumLength: passwordPolicy.MinimumLength,
      RequireUppercase: passwordPolicy.RequireUppercase,
      RequireLowercase: passwordPolicy.RequireLowercase,
      RequireNumbers: passwordPolicy.RequireNumbers,
      RequireSymbols: passwordPolicy.RequireSymbols,
      TemporaryPasswordValidityDays: passwordPolicy.TemporaryPasswordValidityDays,
      ...(policy?.PasswordHistorySize !== undefined
        ? { PasswordHistorySize: policy.PasswordHistorySize }
        : {}),
    },
    ...signInPolicyOf(req.Policies?.SignInPolicy?.AllowedFirstAuthFactors),
    deletionProtection: req.DeletionProtection ?? 'INACTIVE',
    autoVerifiedAttributes,
    mfaConfiguration,
    ...(mfa ? { mfa } : {}),
    allowAdminCreateUserOnly: admin?.AllowAdminCreateUserOnly ?? false,
    ...(admin?.InviteMessageTemplate ? { inviteMessageTemplate: admin.InviteMessageTemplate } : {}),
    ...(admin?.UnusedAccountValidityDays !== undefined
      ? { unusedAccountValidityDays: admin.UnusedAccountValidityDays }
      : {}),
    // 0 is the Go SDK's way of leaving TemporaryPasswordValidityDays out (ADR 0067).
    ...(admin?.UnusedAccountValidityDays !== undefined && !policy?.TemporaryPasswordValidityDays
      ? { unusedAccountValidityApplies: true as const }
      : {}),
    tags: tags.tags,
    ...(req.DeviceConfiguration
      ? { deviceConfiguration: deviceConfigurationOf(req.DeviceConfiguration) }
      : {}),
    ...(req.LambdaConfig ? { lambdaConfig: req.LambdaConfig } : {}),
    verificationMessageTemplate: template,
    ...(attributeUpdate ? { userAttributeUpdateSettings: attributeUpdate } : {}),
    ...(email ? { emailConfiguration: email } : {}),
    ...(req.UserPoolAddOns ? { userPoolAddOns: req.UserPoolAddOns } : {}),
    ...(recovery ? { accountRecoverySetting: recovery } : {}),
  };
}

/**
 * The verification messages: the legacy members (`EmailVerificationMessage`, ...) and
 * `VerificationMessageTemplate` are one setting, as Cognito answers both; the template wins where
 * both are given. Cognito's default is `DefaultEmailOption` `CONFIRM_WITH_CODE`.
 */
function verificationTemplateOf(req: PoolSettingsRequest): VerificationMessageTemplateType {
  const given = req.VerificationMessageTemplate ?? {};
  const template: VerificationMessageTemplateType = {
    ...(req.SmsVerificationMessage ? { SmsMessage: req.SmsVerificationMessage } : {}),
    ...(req.EmailVerificationMessage ? { EmailMessage: req.EmailVerificationMessage } : {}),
    ...(req.EmailVerificationSubject ? { EmailSubject: req.EmailVerificationSubject } : {}),
    ...given,
    DefaultEmailOption: given.DefaultEmailOption ?? 'CONFIRM_WITH_CODE',
  };
  if (template.DefaultEmailOption === 'CONFIRM_WITH_LINK' && template.EmailMessageByLink !== undefined) {
    if (!template.EmailMessageByLink.includes('{##') || !template.EmailMessageByLink.includes('##}')) {
      throw CognitoErrors.invalidParameter(
        'EmailMessageByLink must contain a {##Verify Email##} placeholder.',
      );
    }
  }
  return template;
}

/**
 * AccountRecoverySetting: one or two mechanisms, distinct names and priorities 1 and 2;
 * `admin_only` stands alone.
 */
function accountRecoveryOf(
  setting: AccountRecoverySettingType | undefined,
): AccountRecoverySettingType | undefined {
  const mechanisms = setting?.RecoveryMechanisms;
  if (!setting) return undefined;
  if (!mechanisms || mechanisms.length === 0) return { RecoveryMechanisms: [] };
  const names = new Set(mechanisms.map((m) => m.Name));
  const priorities = new Set(mechanisms.map((m) => m.Priority));
  if (names.size !== mechanisms.length || priorities.size !== mechanisms.length) {
    throw CognitoErrors.invalidParameter(
      'Invalid account recovery setting: recovery mechanisms must have distinct names and priorities.',
    );
  }
  if (names.has('admin_only') && mechanisms.length > 1) {
    throw CognitoErrors.invalidParameter(
      'Invalid account recovery setting: admin_only cannot be combined with other recovery mechanisms.',
    );
  }
  return { RecoveryMechanisms: [...mechanisms].sort((a, b) => a.Priority - b.Priority) };
}

/** Attributes that wait for verification must be among those the pool verifies. */
function attributeUpdateSettingsOf(
  settings: UserAttributeUpdateSettingsType | undefined,
  autoVerified: string[],
): UserAttributeUpdateSettingsType | undefined {
  if (!settings) return undefined;
  const attributes = settings.AttributesRequireVerificationBeforeUpdate ?? [];
  const unverified = attributes.find((a) => !autoVerified.includes(a));
  if (unverified !== undefined) {
    throw CognitoErrors.invalidParameter(
      `Attribute ${unverified} in AttributesRequireVerificationBeforeUpdate must be an auto-verified attribute.`,
    );
  }
  return { AttributesRequireVerificationBeforeUpdate: attributes };
}

/** EmailConfiguration: sending through the developer's SES identity needs that identity's ARN. */
function emailConfigurationOf(c: EmailConfigurationType | undefined): EmailConfigurationType | undefined {
  if (!c) return undefined;
  const account = c.EmailSendingAccount ?? 'COGNITO_DEFAULT';
  if (account === 'DEVELOPER' && !c.SourceArn) {
    throw CognitoErrors.invalidParameter('SourceArn is required when EmailSendingAccount is DEVELOPER.');
  }
  return { ...c, EmailSendingAccount: account };
}

export function poolConfigFromRequest(req: CreateUserPoolRequest, arn: string): PoolConfig {
  if (req.UsernameAttributes?.length && req.AliasAttributes?.length) {
    throw CognitoErrors.invalidParameter(
      'Only one of the UsernameAttributes or AliasAttributes can be specified.',
    );
  }
  return {
    arn,
    ...poolSettingsFromRequest(req),
    usernameAttributes: req.UsernameAttributes ?? [],
    aliasAttributes: req.AliasAttributes ?? [],
    caseSensitive: req.UsernameConfiguration?.CaseSensitive ?? true,
    schema: schemaFromRequest(req.Schema),
    ...(req.UserPoolTier ? { userPoolTier: req.UserPoolTier } : {}),
  };
}

/**
 * UpdateUserPool applied to a pool's config: the settings it takes are replaced whole (a member
 * left out takes Cognito's default), `UserPoolTier` left out is kept, and what it cannot change
 * (the ARN, schema, username and alias attributes, case sensitivity, the MFA factors of
 * SetUserPoolMfaConfig) stays.
 */
export function applyPoolUpdate(config: PoolConfig, req: UpdateUserPoolRequest): PoolConfig {
  const { UserPoolId: _id, PoolName: _name, ...settings } = req;
  return {
    arn: config.arn,
    usernameAttributes: config.usernameAttributes,
    aliasAttributes: config.aliasAttributes,
    caseSensitive: config.caseSensitive,
    schema: config.schema,
    ...poolSettingsFromRequest(settings, config.mfa ?? { softwareToken: false }),
    // Tags are the exception to "left out means default": AWS keeps them, and Terraform's provider
    // leaves UserPoolTags out of every UpdateUserPool (it tags through TagResource).
    ...(req.UserPoolTags === undefined ? { tags: config.tags } : {}),
    ...((req.UserPoolTier ?? config.userPoolTier)
      ? { userPoolTier: req.UserPoolTier ?? config.userPoolTier }
      : {}),
  };
}

/**
 * Policies.SignInPolicy as stored. SOFTWARE_TOKEN is no first factor (AWS's model says so); the
 * list's length and values were checked against botocore's shapes at the gateway.
 */
export function signInPolicyOf(factors: AuthFactorType[] | undefined): Pick<PoolConfig, 'signInPolicy'> {
  if (!factors) return {};
  if (factors.includes('SOFTWARE_TOKEN')) {
    throw CognitoErrors.invalidParameter('SOFTWARE_TOKEN is not supported as a first auth factor.');
  }
  return { signInPolicy: { AllowedFirstAuthFactors: [...new Set(factors)] } };
}

/** A DeviceConfiguration as stored: both flags, false when left out (Cognito's defaults). */
export function deviceConfigurationOf(c: DeviceConfigurationType): Required<DeviceConfigurationType> {
  return {
    ChallengeRequiredOnNewDevice: c.ChallengeRequiredOnNewDevice ?? false,
    DeviceOnlyRememberedOnUserPrompt: c.DeviceOnlyRememberedOnUserPrompt ?? false,
  };
}

export function isKnownAttribute(config: PoolConfig, name: string): boolean {
  return STANDARD_ATTRIBUTE_NAMES.has(name) || config.schema.some((a) => a.Name === name);
}

export function toUserPoolType(
  pool: { id: string; name: string; config: PoolConfig; createdAt: Date; updatedAt: Date },
  estimatedUsers: number,
): UserPoolType {
  const c = pool.config;
  const template = c.verificationMessageTemplate ?? { DefaultEmailOption: 'CONFIRM_WITH_CODE' };
  return {
    Id: pool.id,
    Name: pool.name,
    Arn: c.arn,
    Policies: {
      PasswordPolicy: c.passwordPolicy,
      SignInPolicy: {
        AllowedFirstAuthFactors: c.signInPolicy?.AllowedFirstAuthFactors ?? DEFAULT_FIRST_AUTH_FACTORS,
      },
    },
    DeletionProtection: c.deletionProtection,
    LambdaConfig: c.lambdaConfig ?? {},
    SchemaAttributes: c.schema,
    AutoVerifiedAttributes: c.autoVerifiedAttributes,
    ...(c.usernameAttributes.length ? { UsernameAttributes: c.usernameAttributes } : {}),
    ...(c.aliasAttributes.length ? { AliasAttributes: c.aliasAttributes } : {}),
    ...(template.SmsMessage ? { SmsVerificationMessage: template.SmsMessage } : {}),
    ...(template.EmailMessage ? { EmailVerificationMessage: template.EmailMessage } : {}),
    ...(template.EmailSubject ? { EmailVerificationSubject: template.EmailSubject } : {}),
    VerificationMessageTemplate: template,
    UserAttributeUpdateSettings: c.userAttributeUpdateSettings ?? {
      AttributesRequireVerificationBeforeUpdate: [],
    },
    UsernameConfiguration: { CaseSensitive: c.caseSensitive },
    MfaConfiguration: c.mfaConfiguration,
    ...(c.mfa?.sms?.SmsConfiguration ? { SmsConfiguration: c.mfa.sms.SmsConfiguration } : {}),
    ...(c.mfa?.sms?.SmsAuthenticationMessage
      ? { SmsAuthenticationMessage: c.mfa.sms.SmsAuthenticationMessage }
      : {}),
    EmailConfiguration: c.emailConfiguration ?? { EmailSendingAccount: 'COGNITO_DEFAULT' },
    EstimatedNumberOfUsers: estimatedUsers,
    LastModifiedDate: pool.updatedAt.getTime() / 1000,
    CreationDate: pool.createdAt.getTime() / 1000,
    AdminCreateUserConfig: {
      AllowAdminCreateUserOnly: c.allowAdminCreateUserOnly,
      UnusedAccountValidityDays:
        c.unusedAccountValidityDays ?? c.passwordPolicy.TemporaryPasswordValidityDays,
      ...(c.inviteMessageTemplate ? { InviteMessageTemplate: c.inviteMessageTemplate } : {}),
    },
    ...(c.userPoolAddOns ? { UserPoolAddOns: c.userPoolAddOns } : {}),
    ...(c.accountRecoverySetting ? { AccountRecoverySetting: c.accountRecoverySetting } : {}),
    UserPoolTags: c.tags,
    UserPoolTier: c.userPoolTier ?? 'ESSENTIALS',
    ...(c.deviceConfiguration ? { DeviceConfiguration: c.deviceConfiguration } : {}),
  };
}
