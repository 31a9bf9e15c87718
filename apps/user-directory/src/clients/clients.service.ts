import {
  CreateUserPoolClientRequest,
  CreateUserPoolClientResponse,
  DescribeUserPoolClientRequest,
  DescribeUserPoolClientResponse,
  ListUserPoolClientsRequest,
  ListUserPoolClientsResponse,
  UserPoolClientType,
} from '@idfed/contracts';
import { keysetPage } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { CognitoErrors } from '../common/cognito-errors';
import { newClientId, newClientSecret } from '../common/ids';
import { decodePageToken, encodePageToken } from '../common/page-token';
import { Patterns, RequestValidator } from '../common/validate';
import { AppClientEntity, UserPoolEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { KeyEncryption } from '@idfed/crypto';
import { clientConfigFromRequest } from './client-config';

export interface ClientForAuth {
  client: AppClientEntity;
  secret?: string;
  /** The client's pool, loaded with it: every public operation needs both. */
  pool: UserPoolEntity;
}

/**
 * How long a looked-up client (with its pool and opened secret) is reused. Every public call
 * starts with this lookup, so caching it saves a database round trip per sign-in and refresh; a
 * pool deleted on another replica is noticed within this time (its users and tokens are gone at
 * once, so nothing can sign in meanwhile).
 */
const CLIENT_CACHE_MS = 5_000;
const CLIENT_CACHE_MAX = 10_000;

/** App clients: created by admins, looked up by every public operation. */
export class ClientsService {
  private readonly cache = new Map<string, { value: ClientForAuth; expires: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly pools: PoolsService,
    private readonly encryption: KeyEncryption,
  ) {
    pools.onPoolDeleted((poolId) => this.forgetPool(poolId));
  }

  async create(req: CreateUserPoolClientRequest): Promise<CreateUserPoolClientResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', { required: true, min: 1, max: 55, pattern: Patterns.userPoolId })
      .string('ClientName', { required: true, min: 1, max: 128, pattern: Patterns.clientName })
      .boolean('GenerateSecret')
      .enumList('ExplicitAuthFlows', [
        'ADMIN_NO_SRP_AUTH',
        'CUSTOM_AUTH_FLOW_ONLY',
        'USER_PASSWORD_AUTH',
        'ALLOW_ADMIN_USER_PASSWORD_AUTH',
        'ALLOW_CUSTOM_AUTH',
        'ALLOW_USER_PASSWORD_AUTH',
        'ALLOW_USER_SRP_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
        'ALLOW_USER_AUTH',
      ])
      .oneOf('PreventUserExistenceErrors', ['LEGACY', 'ENABLED'])
      .check();
    const config = clientConfigFromRequest(req);
    const id = newClientId();
    const secret = req.GenerateSecret ? newClientSecret() : undefined;
    const now = new Date();
    const client = await this.dataSource.transaction(async (m) => {
      await this.pools.require(m, req.UserPoolId, true);
      const entity = m.create(AppClientEntity, {
        id,
        poolId: req.UserPoolId,
        name: req.ClientName,
        secretEnc: secret ? this.encryption.seal(Buffer.from(secret), id) : null,
        config,
        createdAt: now,
        updatedAt: now,
      });
      await m.insert(AppClientEntity, entity);
      return entity;
    });
    return { UserPoolClient: this.toWire(client, secret) };
  }

  async describe(req: DescribeUserPoolClientRequest): Promise<DescribeUserPoolClientResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', { required: true, min: 1, max: 55, pattern: Patterns.userPoolId })
      .string('ClientId', { required: true, min: 1, max: 128, pattern: Patterns.clientId })
      .check();
    const client = await this.dataSource.manager.findOne(AppClientEntity, {
      where: { id: req.ClientId, poolId: req.UserPoolId },
    });
    if (!client) {
      await this.pools.require(this.dataSource.manager, req.UserPoolId);
      throw CognitoErrors.clientNotFound(req.ClientId);
    }
    return { UserPoolClient: this.toWire(client, this.openSecret(client)) };
  }

  async list(req: ListUserPoolClientsRequest): Promise<ListUserPoolClientsResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', { required: true, min: 1, max: 55, pattern: Patterns.userPoolId })
      .integer('MaxResults', { min: 1, max: 60 })
      .check();
    await this.pools.require(this.dataSource.manager, req.UserPoolId);
    const max = req.MaxResults ?? 60;
    const { page, next } = await keysetPage(
      this.dataSource
        .getRepository(AppClientEntity)
        .createQueryBuilder('c')
        .where('c.pool_id = :poolId', { poolId: req.UserPoolId }),
      'c.id',
      decodePageToken(req.NextToken),
      max,
      (c) => c.id,
    );
    return {
      UserPoolClients: page.map((c) => ({ ClientId: c.id, UserPoolId: c.poolId, ClientName: c.name })),
      ...(next ? { NextToken: encodePageToken(next) } : {}),
    };
  }

  /** The client a public operation names, with its secret opened when it has one. */
  async forAuth(clientId: unknown): Promise<ClientForAuth> {
    RequestValidator.of({ ClientId: clientId })
      .string('ClientId', { required: true, min: 1, max: 128, pattern: Patterns.clientId })
      .check();
    const id = clientId as string;
    const cached = this.cache.get(id);
    if (cached && cached.expires > Date.now()) return cached.value;
    const client = await this.dataSource.manager.findOne(AppClientEntity, { where: { id } });
    const pool =
      client && (await this.dataSource.manager.findOne(UserPoolEntity, { where: { id: client.poolId } }));
    if (!client || !pool) throw CognitoErrors.clientNotFound(id);
    const value = { client, secret: this.openSecret(client), pool };
    if (this.cache.size >= CLIENT_CACHE_MAX) this.cache.clear();
    this.cache.set(id, { value, expires: Date.now() + CLIENT_CACHE_MS });
    return value;
  }

  forgetPool(poolId: string): void {
    for (const [id, entry] of this.cache) if (entry.value.client.poolId === poolId) this.cache.delete(id);
  }

  /** The app client an admin call names, which must belong to the pool it names. */
  async forAdminAuth(poolId: string, clientId: unknown): Promise<ClientForAuth> {
    const auth = await this.forAuth(clientId);
    if (auth.client.poolId !== poolId) throw CognitoErrors.clientNotFound(auth.client.id);
    return auth;
  }

  private openSecret(client: AppClientEntity): string | undefined {
    return client.secretEnc ? this.encryption.open(client.secretEnc, client.id).toString('utf8') : undefined;
  }

  private toWire(c: AppClientEntity, secret: string | undefined): UserPoolClientType {
    const k = c.config;
    return {
      UserPoolId: c.poolId,
      ClientName: c.name,
      ClientId: c.id,
      ...(secret ? { ClientSecret: secret } : {}),
      LastModifiedDate: c.updatedAt.getTime() / 1000,
      CreationDate: c.createdAt.getTime() / 1000,
      RefreshTokenValidity: k.refreshTokenValidity,
      AccessTokenValidity: k.accessTokenValidity,
      IdTokenValidity: k.idTokenValidity,
      TokenValidityUnits: k.units,
      ...(k.readAttributes ? { ReadAttributes: k.readAttributes } : {}),
      ...(k.writeAttributes ? { WriteAttributes: k.writeAttributes } : {}),
      ExplicitAuthFlows: k.explicitAuthFlows,
      ...(k.supportedIdentityProviders ? { SupportedIdentityProviders: k.supportedIdentityProviders } : {}),
      ...(k.callbackUrls ? { CallbackURLs: k.callbackUrls } : {}),
      ...(k.logoutUrls ? { LogoutURLs: k.logoutUrls } : {}),
      ...(k.allowedOAuthFlows ? { AllowedOAuthFlows: k.allowedOAuthFlows } : {}),
      ...(k.allowedOAuthScopes ? { AllowedOAuthScopes: k.allowedOAuthScopes } : {}),
      AllowedOAuthFlowsUserPoolClient: k.allowedOAuthFlowsUserPoolClient,
      PreventUserExistenceErrors: k.preventUserExistenceErrors,
      EnableTokenRevocation: k.enableTokenRevocation,
      AuthSessionValidity: k.authSessionValidity,
    };
  }
}
