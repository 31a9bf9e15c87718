import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { IdentityProviderTypeType, ResourceServerScopeType } from '@idfed/contracts';
import { PoolConfig } from '../pools/pool-config';
import { ClientConfig } from '../clients/client-config';
import { storedClientConfig, storedPoolConfig } from './stored-config';

@Entity({ schema: 'user_directory', name: 'user_pools' })
export class UserPoolEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') name!: string;
  @Column('jsonb', { transformer: { from: storedPoolConfig, to: (c: PoolConfig) => c } }) config!: PoolConfig;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

@Entity({ schema: 'user_directory', name: 'app_clients' })
export class AppClientEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text', { name: 'pool_id' }) poolId!: string;
  @Column('text') name!: string;
  /**
   * The secret made with the client, which DescribeUserPoolClient shows; null for a public client
   * and once that secret is deleted. The secrets accepted are AppClientSecretEntity's (ADR 0074).
   */
  @Column('bytea', { name: 'secret_enc', nullable: true }) secretEnc!: Buffer | null;
  @Column('jsonb', { transformer: { from: storedClientConfig, to: (c: ClientConfig) => c } })
  config!: ClientConfig;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

/** A secret an app client accepts: the one made with it, or one added for a rotation (ADR 0074). */
@Entity({ schema: 'user_directory', name: 'app_client_secrets' })
export class AppClientSecretEntity {
  /** `<client id>--<creation in epoch milliseconds>`, as Cognito forms it. */
  @PrimaryColumn('text') id!: string;
  @Column('text', { name: 'client_id' }) clientId!: string;
  /** Sealed under the key-encryption key, bound to the client id. */
  @Column('bytea', { name: 'secret_enc' }) secretEnc!: Buffer;
  /** Made with the client (CreateUserPoolClient): deleting it clears the secret Describe shows. */
  @Column('boolean') original!: boolean;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

export type UserStatus =
  'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED' | 'EXTERNAL_PROVIDER';

@Entity({ schema: 'user_directory', name: 'users' })
export class UserEntity {
  @PrimaryColumn('uuid') sub!: string;
  @Column('text', { name: 'pool_id' }) poolId!: string;
  @Column('text') username!: string;
  /** The username as looked up: lower-cased in case-insensitive pools. */
  @Column('text', { name: 'username_key' }) usernameKey!: string;
  /** An email or phone number the user can sign in with, when the pool makes them usernames. */
  @Column('text', { name: 'alias_key', nullable: true }) aliasKey!: string | null;
  /** An argon2id hash from before ADR 0006, until the user's next sign-in or password change. */
  @Column('text', { name: 'password_hash', nullable: true }) passwordHash!: string | null;
  /** The SRP salt (padded hex, as sent in SALT) and the verifier g^x mod N, sealed (ADR 0006). */
  @Column('text', { name: 'srp_salt', nullable: true }) srpSalt!: string | null;
  @Column('bytea', { name: 'srp_verifier_enc', nullable: true }) srpVerifierEnc!: Buffer | null;
  /** When a temporary password stops working; null for a permanent one. */
  @Column('timestamptz', { name: 'password_expires_at', nullable: true }) passwordExpiresAt!: Date | null;
  @Column('text') status!: UserStatus;
  @Column('boolean') enabled!: boolean;
  @Column('jsonb') attributes!: Record<string, string>;
  /** A new email / phone number waiting for verification (AttributesRequireVerificationBeforeUpdate). */
  @Column('jsonb', { name: 'pending_attributes', nullable: true })
  pendingAttributes?: Record<string, string> | null;
  @Column('timestamptz', { name: 'tokens_valid_after', nullable: true }) tokensValidAfter!: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

/** What a code proves: the sign-up, a password reset, or that the user holds a changed email or phone. */
export type CodePurpose = 'confirm-sign-up' | 'forgot-password' | 'verify-email' | 'verify-phone_number';

@Entity({ schema: 'user_directory', name: 'verification_codes' })
export class VerificationCodeEntity {
  @PrimaryColumn('uuid', { name: 'user_sub' }) userSub!: string;
  @PrimaryColumn('text') purpose!: CodePurpose;
  /** HMAC-SHA256 of the code's SHA-256 under a key derived from the KEK (ADR 0006). */
  @Column('text', { name: 'code_hash' }) codeHash!: string;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

@Entity({ schema: 'user_directory', name: 'refresh_tokens' })
export class RefreshTokenEntity {
  @PrimaryColumn('bytea', { name: 'token_hash' }) tokenHash!: Buffer;
  @Column('uuid', { name: 'user_sub' }) userSub!: string;
  @Column('text', { name: 'pool_id' }) poolId!: string;
  @Column('text', { name: 'client_id' }) clientId!: string;
  @Column('uuid', { name: 'origin_jti' }) originJti!: string;
  @Column('uuid', { name: 'event_id' }) eventId!: string;
  @Column('timestamptz', { name: 'auth_time' }) authTime!: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  /** The OAuth scopes the session was granted (the token endpoint); null: the sign-in API's. */
  @Column('text', { array: true, nullable: true }) scopes?: string[] | null;
  /** The device the session was issued to (ADR 0028); forgetting the device ends the session. */
  @Column('text', { name: 'device_key', nullable: true }) deviceKey?: string | null;
  /** When GetTokensFromRefreshToken replaced it by a new token of the session (ADR 0074). */
  @Column('timestamptz', { name: 'rotated_at', nullable: true }) rotatedAt?: Date | null;
}

@Entity({ schema: 'user_directory', name: 'signing_keys' })
export class SigningKeyEntity {
  @PrimaryColumn('text') kid!: string;
  @Column('text', { name: 'pool_id' }) poolId!: string;
  @Column('text') alg!: 'RS256';
  @Column('jsonb', { name: 'public_jwk' }) publicJwk!: Record<string, string>;
  @Column('bytea', { name: 'private_key_enc' }) privateKeyEnc!: Buffer;
  @Column('text') status!: 'active' | 'retired';
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

/** A user pool group: its name is case-sensitive and unique in the pool. */
@Entity({ schema: 'user_directory', name: 'groups' })
export class GroupEntity {
  @PrimaryColumn('text', { name: 'pool_id' }) poolId!: string;
  @PrimaryColumn('text') name!: string;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('text', { name: 'role_arn', nullable: true }) roleArn!: string | null;
  @Column('integer', { nullable: true }) precedence!: number | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

/** A user's membership of a group. */
@Entity({ schema: 'user_directory', name: 'user_groups' })
export class UserGroupEntity {
  @PrimaryColumn('text', { name: 'pool_id' }) poolId!: string;
  @PrimaryColumn('text', { name: 'group_name' }) groupName!: string;
  @PrimaryColumn('uuid', { name: 'user_sub' }) userSub!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

/** The MFA factors a user can be asked for; only the software token is delivered today. */
export type MfaFactor = 'SOFTWARE_TOKEN_MFA' | 'SMS_MFA' | 'EMAIL_OTP';

const bigintAsNumber = {
  from: (v: string | null) => (v === null ? null : Number(v)),
  to: (v: number | null | undefined) => v,
};

/** A user's software token (TOTP) and MFA preference; no row means no MFA set up. */
@Entity({ schema: 'user_directory', name: 'user_mfa' })
export class UserMfaEntity {
  @PrimaryColumn('uuid', { name: 'user_sub' }) userSub!: string;
  /** The verified TOTP secret, sealed (TotpSecretSeal); null until a code from one was verified. */
  @Column('bytea', { name: 'totp_secret_enc', nullable: true }) totpSecretEnc!: Buffer | null;
  /** A secret AssociateSoftwareToken handed out, sealed, until VerifySoftwareToken checks a code of it. */
  @Column('bytea', { name: 'totp_pending_enc', nullable: true }) totpPendingEnc!: Buffer | null;
  @Column('boolean', { name: 'totp_enabled' }) totpEnabled!: boolean;
  @Column('text', { name: 'totp_device_name', nullable: true }) totpDeviceName!: string | null;
  /** The last time step whose code was accepted: a code is accepted once, and none older after it. */
  @Column('bigint', { name: 'totp_last_step', nullable: true, transformer: bigintAsNumber })
  totpLastStep!: number | null;
  @Column('text', { nullable: true }) preferred!: MfaFactor | null;
  /** SMS_MFA on: a code to the user's phone_number at sign-in (ADR 0022). */
  @Column('boolean', { name: 'sms_enabled' }) smsEnabled!: boolean;
  /** EMAIL_OTP on: a code to the user's email at sign-in. */
  @Column('boolean', { name: 'email_enabled' }) emailEnabled!: boolean;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

/** The one-time code of an SMS_MFA or EMAIL_OTP challenge, as a keyed digest, until answered or expired. */
@Entity({ schema: 'user_directory', name: 'mfa_codes' })
export class MfaCodeEntity {
  @PrimaryColumn('uuid', { name: 'session_id' }) sessionId!: string;
  @Column('uuid', { name: 'user_sub' }) userSub!: string;
  @Column('text') factor!: 'SMS_MFA' | 'EMAIL_OTP';
  @Column('text', { name: 'code_digest' }) codeDigest!: string;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
}

/** An MFA sign-in session already answered (they are single-use), kept until it would expire anyway. */
@Entity({ schema: 'user_directory', name: 'auth_session_uses' })
export class AuthSessionUseEntity {
  @PrimaryColumn('uuid', { name: 'session_id' }) sessionId!: string;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
}

/** What a SAML provider's metadata said, kept so sign-in need not parse it again. */
export interface SamlMetadataSummary {
  entityId: string;
  ssoRedirect?: string;
  ssoPost?: string;
  sloRedirect?: string;
  sloPost?: string;
  signingCertificates: string[];
  wantAuthnRequestsSigned: boolean;
}

/** An external identity provider of a pool (ADR 0019); its name is unique in the pool. */
@Entity({ schema: 'user_directory', name: 'identity_providers' })
export class IdentityProviderEntity {
  @PrimaryColumn('text', { name: 'pool_id' }) poolId!: string;
  @PrimaryColumn('text') name!: string;
  @Column('text') type!: IdentityProviderTypeType;
  /** The ProviderDetails given, without client_secret and private_key. */
  @Column('jsonb') details!: Record<string, string>;
  /** client_secret and private_key as JSON, sealed and bound to `<pool>/<name>`. */
  @Column('bytea', { name: 'secrets_enc', nullable: true }) secretsEnc!: Buffer | null;
  @Column('jsonb', { name: 'attribute_mapping' }) attributeMapping!: Record<string, string>;
  @Column('jsonb', { name: 'saml_metadata', nullable: true }) samlMetadata!: SamlMetadataSummary | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

/** One IdpIdentifier of a provider; unique in its pool. */
@Entity({ schema: 'user_directory', name: 'idp_identifiers' })
export class IdpIdentifierEntity {
  @PrimaryColumn('text', { name: 'pool_id' }) poolId!: string;
  @PrimaryColumn('text') identifier!: string;
  @Column('text', { name: 'provider_name' }) providerName!: string;
  /** Its place in the list as given, so Describe answers in the same order. */
  @Column('integer') position!: number;
}

/** An OAuth 2.0 resource server of a pool and its custom scopes. */
@Entity({ schema: 'user_directory', name: 'resource_servers' })
export class ResourceServerEntity {
  @PrimaryColumn('text', { name: 'pool_id' }) poolId!: string;
  @PrimaryColumn('text') identifier!: string;
  @Column('text') name!: string;
  @Column('jsonb') scopes!: ResourceServerScopeType[];
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

/** The hosted pages' CSS and logo for a pool (`clientId` `ALL`) or one of its clients. */
@Entity({ schema: 'user_directory', name: 'ui_customizations' })
export class UiCustomizationEntity {
  @PrimaryColumn('text', { name: 'pool_id' }) poolId!: string;
  @PrimaryColumn('text', { name: 'client_id' }) clientId!: string;
  @Column('text', { nullable: true }) css!: string | null;
  @Column('bytea', { nullable: true }) image!: Buffer | null;
  @Column('text', { name: 'image_type', nullable: true }) imageType!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

/** A provider identity (by one of its attributes) and the pool user it signs in as. */
@Entity({ schema: 'user_directory', name: 'federated_identities' })
export class FederatedIdentityEntity {
  @PrimaryColumn('text', { name: 'pool_id' }) poolId!: string;
  @PrimaryColumn('text', { name: 'provider_name' }) providerName!: string;
  @PrimaryColumn('text', { name: 'attribute_name' }) attributeName!: string;
  @PrimaryColumn('text', { name: 'attribute_value' }) attributeValue!: string;
  @Column('uuid', { name: 'user_sub' }) userSub!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

export const userDirectoryEntities = [
  UserPoolEntity,
  AppClientEntity,
  AppClientSecretEntity,
  UserEntity,
  VerificationCodeEntity,
  RefreshTokenEntity,
  SigningKeyEntity,
  GroupEntity,
  UserGroupEntity,
  UserMfaEntity,
  AuthSessionUseEntity,
  IdentityProviderEntity,
  IdpIdentifierEntity,
  ResourceServerEntity,
  UiCustomizationEntity,
  FederatedIdentityEntity,
  MfaCodeEntity,
];
