import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An IAM SAML provider's assertion decryption key at rest: its id, when it was added, the sealed PEM. */
export interface StoredSamlPrivateKey {
  keyId: string;
  /** ISO 8601, as GetSAMLProvider's PrivateKeyList answers it. */
  timestamp: string;
  /** base64 of the AES-256-GCM sealed PKCS#8 PEM. */
  sealed: string;
}

export interface TagRecord {
  Key: string;
  Value: string;
}

@Entity({ schema: 'credential_vending', name: 'roles' })
export class RoleEntity {
  @PrimaryColumn('text', { name: 'role_id' }) roleId!: string;
  @Column('text') name!: string;
  /** Role names are unique regardless of case, as in IAM. */
  @Column('text', { name: 'name_key' }) nameKey!: string;
  @Column('text') path!: string;
  @Column('text') arn!: string;
  /** The trust policy as the caller wrote it. */
  @Column('text', { name: 'assume_role_policy' }) assumeRolePolicy!: string;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('integer', { name: 'max_session_duration' }) maxSessionDuration!: number;
  @Column('jsonb') tags!: TagRecord[];
  /** The managed policy bounding the role's permissions (its ARN), or null. */
  @Column('text', { name: 'permissions_boundary', nullable: true }) permissionsBoundary?: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

@Entity({ schema: 'credential_vending', name: 'role_inline_policies' })
export class RoleInlinePolicyEntity {
  @PrimaryColumn('text', { name: 'role_id' }) roleId!: string;
  @PrimaryColumn('text', { name: 'policy_name' }) policyName!: string;
  @Column('text') document!: string;
  @Column('integer', { name: 'document_size' }) documentSize!: number;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

@Entity({ schema: 'credential_vending', name: 'managed_policies' })
export class ManagedPolicyEntity {
  @PrimaryColumn('text', { name: 'policy_id' }) policyId!: string;
  @Column('text') name!: string;
  @Column('text', { name: 'name_key' }) nameKey!: string;
  @Column('text') path!: string;
  @Column('text') arn!: string;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('text', { name: 'default_version_id' }) defaultVersionId!: string;
  /** The highest version number the policy has had (version ids are never reused). */
  @Column('integer', { name: 'last_version_number', default: 1 }) lastVersionNumber?: number;
  @Column('jsonb') tags!: TagRecord[];
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

@Entity({ schema: 'credential_vending', name: 'managed_policy_versions' })
export class ManagedPolicyVersionEntity {
  @PrimaryColumn('text', { name: 'policy_id' }) policyId!: string;
  @PrimaryColumn('text', { name: 'version_id' }) versionId!: string;
  @Column('text') document!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

@Entity({ schema: 'credential_vending', name: 'role_policy_attachments' })
export class RolePolicyAttachmentEntity {
  @PrimaryColumn('text', { name: 'role_id' }) roleId!: string;
  @PrimaryColumn('text', { name: 'policy_id' }) policyId!: string;
  @Column('timestamptz', { name: 'attached_at' }) attachedAt!: Date;
}

@Entity({ schema: 'credential_vending', name: 'oidc_providers' })
export class OidcProviderEntity {
  @PrimaryColumn('text') arn!: string;
  /** The issuer without its scheme: what the ARN and the condition keys are named after. */
  @Column('text', { name: 'url_key' }) urlKey!: string;
  /** The issuer exactly as tokens must carry it in `iss` (scheme included, no trailing slash). */
  @Column('text') issuer!: string;
  @Column('jsonb', { name: 'client_ids' }) clientIds!: string[];
  @Column('jsonb') thumbprints!: string[];
  @Column('jsonb') tags!: TagRecord[];
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

/** An IAM SAML provider (ADR 0040): the metadata as given and what assertions are checked against. */
@Entity({ schema: 'credential_vending', name: 'saml_providers' })
export class SamlProviderEntity {
  @PrimaryColumn('text') arn!: string;
  @Column('text') name!: string;
  @Column('uuid', { name: 'provider_uuid' }) providerUuid!: string;
  @Column('text', { name: 'metadata_document' }) metadataDocument!: string;
  /** The IdP's EntityDescriptor entityID: assertions' Issuer. */
  @Column('text', { name: 'entity_id' }) entityId!: string;
  /** Base64 DER of each signing certificate in the metadata. */
  @Column('jsonb', { name: 'signing_certificates' }) signingCertificates!: string[];
  @Column('timestamptz', { name: 'valid_until' }) validUntil!: Date;
  @Column('jsonb') tags!: TagRecord[];
  /** `Required` / `Allowed` (ADR 0055); null when never set. */
  @Column('text', { name: 'assertion_encryption_mode', nullable: true })
  assertionEncryptionMode!: 'Required' | 'Allowed' | null;
  /** The assertion decryption keys, each sealed (saml-private-keys.ts). */
  @Column('jsonb', { name: 'private_keys' }) privateKeys!: StoredSamlPrivateKey[];
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

@Entity({ schema: 'credential_vending', name: 'revocations' })
export class RevocationEntity {
  @PrimaryColumn('text', { name: 'role_arn' }) roleArn!: string;
  @Column('timestamptz', { name: 'revoked_before' }) revokedBefore!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

export const credentialVendingEntities = [
  RoleEntity,
  RoleInlinePolicyEntity,
  ManagedPolicyEntity,
  ManagedPolicyVersionEntity,
  RolePolicyAttachmentEntity,
  OidcProviderEntity,
  RevocationEntity,
  SamlProviderEntity,
];
