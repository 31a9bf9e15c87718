import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { KeyEncryption } from '@idfed/crypto';
import { CognitoErrors } from '../common/cognito-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { AppClientEntity, UserPoolEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { UserPoolsRepository } from '../pools/user-pools.repository';
import { AppClientsRepository } from './app-clients.repository';

export interface ClientForAuth {
  client: AppClientEntity;
  /** The secret DescribeUserPoolClient shows, the first of `secrets`. */
  secret?: string;
  /** Every secret the client accepts: one, or two during a rotation (ADR 0074); absent, `secret` alone. */
  secrets?: string[];
  /** The client's pool, loaded with it: every public operation needs both. */
  pool: UserPoolEntity;
}

/** The secrets a client accepts in SECRET_HASH, ClientSecret or its token endpoint authentication. */
export function acceptedSecrets(auth: ClientForAuth): string[] {
  return auth.secrets ?? (auth.secret ? [auth.secret] : []);
}

/**
 * Whether `given` is one of the client's secrets. Every accepted secret is compared, in constant
 * time, so neither the answer nor its time says which one matched; a public client has none.
 */
export function isClientSecret(auth: ClientForAuth, given: string): boolean {
  const offered = Buffer.from(given);
  return acceptedSecrets(auth)
    .map((secret) => {
      const expected = Buffer.from(secret);
      return expected.length === offered.length && timingSafeEqual(expected, offered);
    })
    .includes(true);
}

/**
 * How long a looked-up client (with its pool and opened secret) is reused. Every public call
 * starts with this lookup, so caching it saves a database round trip per sign-in and refresh. A
 * change made on another replica (UpdateUserPoolClient, DeleteUserPoolClient, UpdateUserPool,
 * DeleteUserPool) drops the entry as soon as its event arrives (ClientCacheInvalidation, ADR
 * 0064); this bound is the fallback should an event be late.
 */
const CLIENT_CACHE_MS = 5_000;
const CLIENT_CACHE_MAX = 10_000;

/** App clients as every public operation looks them up (cached), and their sealed secrets. */
@Injectable()
export class ClientsService {
  private readonly cache = new Map<string, { value: ClientForAuth; expires: number }>();
  /**
   * Counts the forgets: a lookup that read the database before a forget arrived does not cache
   * what it read, which may be the row from before the change (ADR 0064).
   */
  private forgets = 0;

  constructor(
    @Inject(AppClientsRepository) private readonly clients: AppClientsRepository,
    @Inject(UserPoolsRepository) private readonly poolRows: UserPoolsRepository,
    @Inject(PoolsService) pools: PoolsService,
    @Inject(KeyEncryption) private readonly encryption: KeyEncryption,
  ) {
    pools.onPoolDeleted((poolId) => this.forgetPool(poolId));
  }

  /**
   * The client a public operation names, with its secret opened when it has one. `region`, the
   * request's (CommandMeta.region, ADR 0047): a client of a pool of another region is not found,
   * as a Cognito endpoint finds only its own region's clients.
   */
  async forAuth(clientId: unknown, region?: string): Promise<ClientForAuth> {
    const auth = await this.anyRegion(clientId);
    if (region !== undefined && !auth.client.poolId.startsWith(`${region}_`))
      throw CognitoErrors.clientNotFound(auth.client.id);
    return auth;
  }

  private async anyRegion(clientId: unknown): Promise<ClientForAuth> {
    RequestValidator.of({ ClientId: clientId })
      .string('ClientId', { required: true, min: 1, max: 128, pattern: Patterns.clientId })
      .check();
    const id = clientId as string;
    const cached = this.cache.get(id);
    if (cached && cached.expires > Date.now()) return cached.value;
    const forgetsBefore = this.forgets;
    const client = await this.clients.find(id);
    const pool = client && (await this.poolRows.find(client.poolId));
    if (!client || !pool) throw CognitoErrors.clientNotFound(id);
    const secrets = await this.openSecrets(client);
    const value = { client, secret: secrets[0], secrets, pool };
    if (this.forgets !== forgetsBefore) return value;
    if (this.cache.size >= CLIENT_CACHE_MAX) this.cache.clear();
    this.cache.set(id, { value, expires: Date.now() + CLIENT_CACHE_MS });
    return value;
  }

  forget(clientId: string): void {
    this.forgets++;
    this.cache.delete(clientId);
  }

  forgetPool(poolId: string): void {
    this.forgets++;
    for (const [id, entry] of this.cache) if (entry.value.client.poolId === poolId) this.cache.delete(id);
  }

  /** The app client an admin call names, which must belong to the pool it names. */
  async forAdminAuth(poolId: string, clientId: unknown): Promise<ClientForAuth> {
    const auth = await this.forAuth(clientId);
    if (auth.client.poolId !== poolId) throw CognitoErrors.clientNotFound(auth.client.id);
    return auth;
  }

  /** The secrets the client accepts, opened, oldest first (ADR 0074). */
  async openSecrets(client: AppClientEntity): Promise<string[]> {
    const rows = await this.clients.secrets(client.id);
    return rows.map((row) => this.encryption.open(row.secretEnc, client.id).toString('utf8'));
  }

  /** The client's secret, opened (the admin operations show it, as Cognito does). */
  openSecret(client: AppClientEntity): string | undefined {
    return client.secretEnc ? this.encryption.open(client.secretEnc, client.id).toString('utf8') : undefined;
  }
}
