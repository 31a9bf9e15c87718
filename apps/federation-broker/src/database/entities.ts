import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RoleMappingType } from '@idfed/contracts';
import { IdentityPoolConfig } from '../pools/identity-pool-config';

/** How a provider's token claims become session tags: tag key -> claim name, or AWS's defaults. */
export interface PrincipalTagMap {
  useDefaults: boolean;
  principalTags: Record<string, string>;
}

@Entity({ schema: 'federation_broker', name: 'identity_pools' })
export class IdentityPoolEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') name!: string;
  @Column('jsonb') config!: IdentityPoolConfig;
  /** `authenticated` / `unauthenticated` -> role ARN. */
  @Column('jsonb') roles!: Record<string, string>;
  /** Provider name (for user pools `<provider>:<clientId>`) -> mapping. */
  @Column('jsonb', { name: 'role_mappings' }) roleMappings!: Record<string, RoleMappingType>;
  /** Identity provider name -> its principal tag attribute map (SetPrincipalTagAttributeMap). */
  @Column('jsonb', { name: 'principal_tag_maps', default: {} })
  principalTagMaps?: Record<string, PrincipalTagMap>;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

@Entity({ schema: 'federation_broker', name: 'identities' })
export class IdentityEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text', { name: 'pool_id' }) poolId!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

@Entity({ schema: 'federation_broker', name: 'identity_logins' })
export class IdentityLoginEntity {
  @PrimaryColumn('text', { name: 'pool_id' }) poolId!: string;
  @PrimaryColumn('text') provider!: string;
  @PrimaryColumn('text') subject!: string;
  @Column('text', { name: 'identity_id' }) identityId!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

@Entity({ schema: 'federation_broker', name: 'issuer_keys' })
export class IssuerKeyEntity {
  @PrimaryColumn('text') kid!: string;
  @Column('jsonb', { name: 'public_jwk' }) publicJwk!: Record<string, string>;
  @Column('bytea', { name: 'private_key_enc' }) privateKeyEnc!: Buffer;
  @Column('text') status!: 'active' | 'retired';
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

@Entity({ schema: 'federation_broker', name: 'user_pool_keys' })
export class UserPoolKeyEntity {
  @PrimaryColumn('text') kid!: string;
  @Column('text', { name: 'user_pool_id' }) userPoolId!: string;
  @Column('jsonb', { name: 'public_jwk' }) publicJwk!: Record<string, string>;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

@Entity({ schema: 'federation_broker', name: 'user_pool_user_states' })
export class UserPoolUserStateEntity {
  @PrimaryColumn('text', { name: 'user_pool_id' }) userPoolId!: string;
  @PrimaryColumn('text') sub!: string;
  @Column('timestamptz', { name: 'tokens_valid_after', nullable: true }) tokensValidAfter!: Date | null;
  @Column('boolean') disabled!: boolean;
  @Column('boolean') deleted!: boolean;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

@Entity({ schema: 'federation_broker', name: 'revoked_sessions' })
export class RevokedSessionEntity {
  @PrimaryColumn('text', { name: 'user_pool_id' }) userPoolId!: string;
  @PrimaryColumn('uuid', { name: 'origin_jti' }) originJti!: string;
  @Column('timestamptz', { name: 'revoked_at' }) revokedAt!: Date;
}

export const federationBrokerEntities = [
  RevokedSessionEntity,
  IdentityPoolEntity,
  IdentityEntity,
  IdentityLoginEntity,
  IssuerKeyEntity,
  UserPoolKeyEntity,
  UserPoolUserStateEntity,
];
