import {
  CreateUserPoolRequest,
  DeviceConfigurationType,
  EmailMfaConfigType,
  SmsMfaConfigType,
  WebAuthnConfigurationType,
  PasswordPolicyType,
  SchemaAttributeType,
  UsernameAttributeType,
  UserPoolType,
  VerifiedAttributeType,
} from '@idfed/contracts';
import { CognitoErrors } from '../common/cognito-errors';
import { STANDARD_ATTRIBUTE_NAMES, STANDARD_SCHEMA } from './standard-attributes';

/** What the user directory stores about a pool besides its id and name (the `config` column). */
export interface PoolConfig {
  arn: string;
  passwordPolicy: Required<Omit<PasswordPolicyType, 'PasswordHistorySize'>>;
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
}

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

function mergeSchema(custom: SchemaAttributeType[] | undefined): SchemaAttributeType[] {
  const schema = STANDARD_SCHEMA.map((a) => ({ ...a }));
  for (const attr of custom ?? []) {
    if (!attr.Name) throw CognitoErrors.invalidParameter('Schema attribute name is required.');
    const standard = schema.find((a) => a.Name === attr.Name);
    if (standard) {
      // A standard attribute may be made required (or immutable) at creation, nothing else.
      standard.Required = attr.Required ?? standard.Required;
      standard.Mutable = attr.Mutable ?? standard.Mutable;
      continue;
    }
    if (!/^[\w-]{1,20}$/.test(attr.Name)) {
      throw CognitoErrors.invalidParameter(`Invalid custom attribute name ${attr.Name}.`);
    }
    if (attr.Required) {
      throw CognitoErrors.invalidParameter('Required custom attributes are not supported currently.');
    }
    schema.push({
      Name: `custom:${attr.Name}`,
      AttributeDataType: attr.AttributeDataType ?? 'String',
      DeveloperOnlyAttribute: attr.DeveloperOnlyAttribute ?? false,
      Mutable: attr.Mutable ?? true,
      Required: false,
      ...(attr.AttributeDataType === 'Number'
        ? { NumberAttributeConstraints: attr.NumberAttributeConstraints ?? {} }
        : { StringAttributeConstraints: attr.StringAttributeConstraints ?? {} }),
    });
  }
  return schema;
}

export function poolConfigFromRequest(req: CreateUserPoolRequest, arn: string): PoolConfig {
  const policy = req.Policies?.PasswordPolicy ?? {};
  const passwordPolicy = { ...DEFAULT_PASSWORD_POLICY, ...policy };
  if (passwordPolicy.MinimumLength < 6 || passwordPolicy.MinimumLength > 99) {
    throw CognitoErrors.invalidParameter('Password policy MinimumLength must be between 6 and 99.');
  }
  if (req.UsernameAttributes?.length && req.AliasAttributes?.length) {
    throw CognitoErrors.invalidParameter(
      'Only one of the UsernameAttributes or AliasAttributes can be specified.',
    );
  }
  const mfaConfiguration = req.MfaConfiguration ?? 'OFF';
  // Cognito's rule: CreateUserPool configures no software token, so a pool that asks for MFA must
  // bring SMS (the software token comes with SetUserPoolMfaConfig).
  if (
    mfaConfiguration !== 'OFF' &&
    (!req.SmsConfiguration || !(req.AutoVerifiedAttributes ?? []).includes('phone_number'))
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
  return {
    arn,
    passwordPolicy: {
      MinimumLength: passwordPolicy.MinimumLength,
      RequireUppercase: passwordPolicy.RequireUppercase,
      RequireLowercase: passwordPolicy.RequireLowercase,
      RequireNumbers: passwordPolicy.RequireNumbers,
      RequireSymbols: passwordPolicy.RequireSymbols,
      TemporaryPasswordValidityDays: passwordPolicy.TemporaryPasswordValidityDays,
    },
    deletionProtection: req.DeletionProtection ?? 'INACTIVE',
    autoVerifiedAttributes: req.AutoVerifiedAttributes ?? [],
    usernameAttributes: req.UsernameAttributes ?? [],
    aliasAttributes: req.AliasAttributes ?? [],
    caseSensitive: req.UsernameConfiguration?.CaseSensitive ?? true,
    schema: mergeSchema(req.Schema),
    mfaConfiguration,
    ...(sms ? { mfa: { softwareToken: false, sms } } : {}),
    allowAdminCreateUserOnly: req.AdminCreateUserConfig?.AllowAdminCreateUserOnly ?? false,
    tags: req.UserPoolTags ?? {},
    ...(req.DeviceConfiguration
      ? { deviceConfiguration: deviceConfigurationOf(req.DeviceConfiguration) }
      : {}),
  };
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
  return {
    Id: pool.id,
    Name: pool.name,
    Arn: c.arn,
    Policies: { PasswordPolicy: c.passwordPolicy },
    DeletionProtection: c.deletionProtection,
    SchemaAttributes: c.schema,
    AutoVerifiedAttributes: c.autoVerifiedAttributes,
    ...(c.usernameAttributes.length ? { UsernameAttributes: c.usernameAttributes } : {}),
    ...(c.aliasAttributes.length ? { AliasAttributes: c.aliasAttributes } : {}),
    UsernameConfiguration: { CaseSensitive: c.caseSensitive },
    MfaConfiguration: c.mfaConfiguration,
    ...(c.mfa?.sms?.SmsConfiguration ? { SmsConfiguration: c.mfa.sms.SmsConfiguration } : {}),
    ...(c.mfa?.sms?.SmsAuthenticationMessage
      ? { SmsAuthenticationMessage: c.mfa.sms.SmsAuthenticationMessage }
      : {}),
    EstimatedNumberOfUsers: estimatedUsers,
    LastModifiedDate: pool.updatedAt.getTime() / 1000,
    CreationDate: pool.createdAt.getTime() / 1000,
    AdminCreateUserConfig: { AllowAdminCreateUserOnly: c.allowAdminCreateUserOnly },
    UserPoolTags: c.tags,
    UserPoolTier: 'ESSENTIALS',
    ...(c.deviceConfiguration ? { DeviceConfiguration: c.deviceConfiguration } : {}),
  };
}
