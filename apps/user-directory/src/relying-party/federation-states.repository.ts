import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OAuthParams } from '@idfed/contracts';

/** A redirect to an identity provider awaiting its answer (ADR 0024). */
export interface FederationState {
  poolId: string;
  providerName: string;
  /** SHA-256 of the binding cookie's value: the browser that was sent to the provider. */
  bindingHash: Buffer;
  /** The redirect_uri given to the provider (this pool's /oauth2/idpresponse, as the browser saw it). */
  callbackUrl: string;
  /** The app's authorization request, checked again when the provider answers. */
  params: OAuthParams;
  expiresAt: Date;
}

/** Every query of `user_directory.federation_states`, keyed by the SHA-256 of the state. */
@Injectable()
export class FederationStatesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Stores a state; states expired for a minute go at the same time. */
  async insert(stateHash: Buffer, s: FederationState): Promise<void> {
    await this.dataSource.query(
      `WITH swept AS (
         DELETE FROM user_directory.federation_states WHERE expires_at < now() - interval '1 minute')
       INSERT INTO user_directory.federation_states
         (state_hash, pool_id, provider_name, binding_hash, callback_url, params, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)`,
      [
        stateHash,
        s.poolId,
        s.providerName,
        s.bindingHash,
        s.callbackUrl,
        JSON.stringify(s.params),
        s.expiresAt,
      ],
    );
  }

  /**
   * Takes the state (one `DELETE ... RETURNING`): of concurrent answers carrying it one gets it,
   * and a refused answer has spent it too.
   */
  async take(stateHash: Buffer): Promise<FederationState | undefined> {
    const [rows] = await this.dataSource.query<
      [
        {
          pool_id: string;
          provider_name: string;
          binding_hash: Buffer;
          callback_url: string;
          params: OAuthParams;
          expires_at: Date;
        }[],
        number,
      ]
    >(
      `DELETE FROM user_directory.federation_states WHERE state_hash = $1
       RETURNING pool_id, provider_name, binding_hash, callback_url, params, expires_at`,
      [stateHash],
    );
    const r = rows[0];
    return (
      r && {
        poolId: r.pool_id,
        providerName: r.provider_name,
        bindingHash: r.binding_hash,
        callbackUrl: r.callback_url,
        params: r.params,
        expiresAt: r.expires_at,
      }
    );
  }
}
