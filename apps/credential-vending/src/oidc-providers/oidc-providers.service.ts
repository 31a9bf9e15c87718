import {
  CreateOpenIDConnectProviderRequest,
  CreateOpenIDConnectProviderResult,
  EmptyResult,
  GetOpenIDConnectProviderResult,
  ListOpenIDConnectProvidersResult,
  OpenIDConnectProviderClientIdRequest,
} from '@idfed/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { IamArns } from '../common/arns';
import { IamErrors } from '../common/iam-errors';
import { awsTimestamp } from '../common/timestamps';
import { Patterns, RequestValidator } from '../common/validate';
import { OidcProviderEntity, TagRecord } from '../database/entities';
import { issuerUrlKey, parseProviderUrl } from './provider-url';

/** IAM quotas: client ids and thumbprints per OpenID Connect provider. */
export const MAX_CLIENT_IDS = 100;
export const MAX_THUMBPRINTS = 5;

/**
 * IAM OpenID Connect providers. Thumbprints are stored and returned but not used: keys are fetched
 * over TLS verified against the system's certificate authorities, as AWS now does for most IdPs.
 */
export class OidcProvidersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly arns: IamArns,
  ) {}

  async create(req: CreateOpenIDConnectProviderRequest): Promise<CreateOpenIDConnectProviderResult> {
    RequestValidator.of(req)
      .string('Url', { required: true, min: 1, max: 255 })
      .stringList('ClientIDList', { item: { min: 1, max: 255 }, maxItems: MAX_CLIENT_IDS })
      .stringList('ThumbprintList', {
        item: { min: 40, max: 40, pattern: Patterns.thumbprint },
        maxItems: MAX_THUMBPRINTS,
      })
      .tags()
      .check();
    const url = parseProviderUrl(req.Url);
    if (!url) {
      throw IamErrors.invalidInput(
        'The URL must use https:// (or http:// on a loopback host) and have no query, fragment or credentials.',
      );
    }
    const arn = this.arns.oidcProvider(url.urlKey);
    const tags = (req.Tags ?? []).map((t): TagRecord => ({ Key: t.Key, Value: t.Value ?? '' }));
    const inserted = (await this.dataSource.query(
      `INSERT INTO credential_vending.oidc_providers (arn, url_key, issuer, client_ids, thumbprints, tags, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, now()) ON CONFLICT DO NOTHING RETURNING arn`,
      [
        arn,
        url.urlKey,
        url.issuer,
        JSON.stringify(unique(req.ClientIDList ?? [])),
        JSON.stringify(unique((req.ThumbprintList ?? []).map((t) => t.toLowerCase()))),
        JSON.stringify(tags),
      ],
    )) as unknown[];
    if (inserted.length === 0) throw IamErrors.oidcProviderExists(url.issuer);
    return { OpenIDConnectProviderArn: arn, ...(tags.length ? { Tags: tags } : {}) };
  }

  async get(arn: string): Promise<GetOpenIDConnectProviderResult> {
    const provider = await this.require(this.dataSource.manager, arn);
    return {
      Url: provider.urlKey,
      ClientIDList: provider.clientIds,
      ThumbprintList: provider.thumbprints,
      CreateDate: awsTimestamp(provider.createdAt),
      ...(provider.tags.length ? { Tags: provider.tags } : {}),
    };
  }

  async list(): Promise<ListOpenIDConnectProvidersResult> {
    const rows = await this.dataSource.manager.find(OidcProviderEntity, { order: { arn: 'ASC' } });
    return { OpenIDConnectProviderList: rows.map((p) => ({ Arn: p.arn })) };
  }

  async delete(arn: string): Promise<EmptyResult> {
    await this.require(this.dataSource.manager, arn);
    await this.dataSource.manager.delete(OidcProviderEntity, { arn });
    return {};
  }

  async addClientId(req: OpenIDConnectProviderClientIdRequest): Promise<EmptyResult> {
    this.validateClientId(req);
    await this.dataSource.transaction(async (m) => {
      const provider = await this.require(m, req.OpenIDConnectProviderArn, true);
      if (provider.clientIds.includes(req.ClientID)) return;
      if (provider.clientIds.length >= MAX_CLIENT_IDS) {
        throw IamErrors.limitExceeded('ClientIdsPerOpenIdConnectProvider', MAX_CLIENT_IDS);
      }
      await m.update(
        OidcProviderEntity,
        { arn: provider.arn },
        { clientIds: [...provider.clientIds, req.ClientID] },
      );
    });
    return {};
  }

  /** Idempotent, as in IAM: removing a client id that is not there succeeds. */
  async removeClientId(req: OpenIDConnectProviderClientIdRequest): Promise<EmptyResult> {
    this.validateClientId(req);
    await this.dataSource.transaction(async (m) => {
      const provider = await this.require(m, req.OpenIDConnectProviderArn, true);
      await m.update(
        OidcProviderEntity,
        { arn: provider.arn },
        { clientIds: provider.clientIds.filter((c) => c !== req.ClientID) },
      );
    });
    return {};
  }

  /** The provider a token's `iss` names, or undefined. The scheme must match too. */
  async findByIssuer(iss: string): Promise<OidcProviderEntity | undefined> {
    const urlKey = issuerUrlKey(iss);
    if (!urlKey) return undefined;
    const provider = await this.dataSource.manager.findOne(OidcProviderEntity, { where: { urlKey } });
    return provider && provider.issuer === iss.replace(/\/+$/, '') ? provider : undefined;
  }

  async findByArn(arn: string): Promise<OidcProviderEntity | undefined> {
    return (await this.dataSource.manager.findOne(OidcProviderEntity, { where: { arn } })) ?? undefined;
  }

  private validateClientId(req: OpenIDConnectProviderClientIdRequest): void {
    RequestValidator.of(req)
      .string('OpenIDConnectProviderArn', { required: true, min: 20, max: 2048 })
      .string('ClientID', { required: true, min: 1, max: 255 })
      .check();
  }

  private async require(manager: EntityManager, arn: string, lock = false): Promise<OidcProviderEntity> {
    RequestValidator.of({ OpenIDConnectProviderArn: arn })
      .string('OpenIDConnectProviderArn', { required: true, min: 20, max: 2048 })
      .check();
    if (!this.arns.oidcProviderUrlKey(arn)) throw IamErrors.invalidInput(`ARN ${arn} is not valid.`);
    const provider = await manager.findOne(OidcProviderEntity, {
      where: { arn },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!provider) throw IamErrors.noSuchOidcProvider(arn);
    return provider;
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
