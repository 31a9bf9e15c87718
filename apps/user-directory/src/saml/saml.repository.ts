import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OAuthParams } from '@idfed/contracts';

/** An AuthnRequest sent to a SAML provider, waiting for its response. */
export interface SamlRequestRow {
  poolId: string;
  providerName: string;
  /** The AuthnRequest's ID: the response's InResponseTo must name it. */
  requestId: string;
  /** SHA-256 of the browser-binding cookie the request was sent with. */
  browserHash: Buffer;
  /** The app's authorization request (checked again when the response comes). */
  params: OAuthParams;
  acsUrl: string;
  expiresAt: Date;
}

/** Where the browser goes once the IdP answered a LogoutRequest: what `/logout` would have done. */
export type SamlLogoutNext = { kind: 'redirect'; location: string } | { kind: 'login'; query: string };

/** A LogoutRequest sent to a SAML provider (ADR 0069), waiting for its LogoutResponse. */
export interface SamlLogoutRequestRow {
  poolId: string;
  providerName: string;
  /** The LogoutRequest's ID: the LogoutResponse's InResponseTo must name it. */
  requestId: string;
  next: SamlLogoutNext;
  expiresAt: Date;
}

/** Every query of the SAML sign-in state (`saml_requests`, `saml_assertions`; ADR 0025). */
@Injectable()
export class SamlRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Stores a request by its RelayState's digest; requests expired for a minute go at the same time. */
  async insertRequest(relayHash: Buffer, r: SamlRequestRow): Promise<void> {
    await this.dataSource.query(
      `WITH swept AS (
         DELETE FROM user_directory.saml_requests WHERE expires_at < now() - interval '1 minute')
       INSERT INTO user_directory.saml_requests
         (relay_hash, pool_id, provider_name, request_id, browser_hash, params, acs_url, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
      [
        relayHash,
        r.poolId,
        r.providerName,
        r.requestId,
        r.browserHash,
        JSON.stringify(r.params),
        r.acsUrl,
        r.expiresAt,
      ],
    );
  }

  /** Takes the request a RelayState names, once: of concurrent takers one gets it. */
  async takeRequest(relayHash: Buffer): Promise<SamlRequestRow | undefined> {
    const [rows] = await this.dataSource.query<
      [
        {
          pool_id: string;
          provider_name: string;
          request_id: string;
          browser_hash: Buffer;
          params: OAuthParams;
          acs_url: string;
          expires_at: Date;
        }[],
        number,
      ]
    >(
      `DELETE FROM user_directory.saml_requests WHERE relay_hash = $1
       RETURNING pool_id, provider_name, request_id, browser_hash, params, acs_url, expires_at`,
      [relayHash],
    );
    const r = rows[0];
    return (
      r && {
        poolId: r.pool_id,
        providerName: r.provider_name,
        requestId: r.request_id,
        browserHash: r.browser_hash,
        params: r.params,
        acsUrl: r.acs_url,
        expiresAt: r.expires_at,
      }
    );
  }

  /**
   * Remembers an accepted assertion until it expires; false when it was seen before (a replay).
   * The primary key decides between concurrent deliveries of the same assertion.
   */
  async rememberAssertion(
    poolId: string,
    providerName: string,
    assertionId: string,
    expiresAt: Date,
  ): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `WITH swept AS (
         DELETE FROM user_directory.saml_assertions WHERE expires_at < now() - interval '1 minute')
       INSERT INTO user_directory.saml_assertions (pool_id, provider_name, assertion_id, expires_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING
       RETURNING assertion_id`,
      [poolId, providerName, assertionId, expiresAt],
    );
    return rows.length === 1;
  }

  /** Stores a LogoutRequest by its RelayState's digest; expired ones go at the same time. */
  async insertLogoutRequest(relayHash: Buffer, r: SamlLogoutRequestRow): Promise<void> {
    await this.dataSource.query(
      `WITH swept AS (
         DELETE FROM user_directory.saml_logout_requests WHERE expires_at < now() - interval '1 minute')
       INSERT INTO user_directory.saml_logout_requests
         (relay_hash, pool_id, provider_name, request_id, next, expires_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
      [relayHash, r.poolId, r.providerName, r.requestId, JSON.stringify(r.next), r.expiresAt],
    );
  }

  /** Takes the LogoutRequest a RelayState names, once: of concurrent takers one gets it. */
  async takeLogoutRequest(relayHash: Buffer): Promise<SamlLogoutRequestRow | undefined> {
    const [rows] = await this.dataSource.query<
      [
        {
          pool_id: string;
          provider_name: string;
          request_id: string;
          next: SamlLogoutNext;
          expires_at: Date;
        }[],
        number,
      ]
    >(
      `DELETE FROM user_directory.saml_logout_requests WHERE relay_hash = $1
       RETURNING pool_id, provider_name, request_id, next, expires_at`,
      [relayHash],
    );
    const r = rows[0];
    return (
      r && {
        poolId: r.pool_id,
        providerName: r.provider_name,
        requestId: r.request_id,
        next: r.next,
        expiresAt: r.expires_at,
      }
    );
  }

  /** The pool's SAML signing key as stored (certificate, sealed private key), if it has one. */
  async findSigningKey(poolId: string): Promise<{ certificate: string; privateKeyEnc: Buffer } | undefined> {
    const rows = await this.dataSource.query<{ certificate: string; private_key_enc: Buffer }[]>(
      `SELECT certificate, private_key_enc FROM user_directory.saml_signing_keys WHERE pool_id = $1`,
      [poolId],
    );
    const r = rows[0];
    return r && { certificate: r.certificate, privateKeyEnc: r.private_key_enc };
  }

  /** Stores a pool's first signing key; of concurrent first uses one key is kept (then read back). */
  async insertSigningKey(poolId: string, certificate: string, privateKeyEnc: Buffer): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO user_directory.saml_signing_keys (pool_id, certificate, private_key_enc)
       VALUES ($1, $2, $3) ON CONFLICT (pool_id) DO NOTHING`,
      [poolId, certificate, privateKeyEnc],
    );
  }
}
