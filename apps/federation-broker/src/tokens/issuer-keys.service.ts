import { createHash, createPublicKey, generateKeyPair, KeyObject, webcrypto } from 'node:crypto';
import { promisify } from 'node:util';
import { Inject, Injectable } from '@nestjs/common';
import { BrokerSigningKeyActivatedEvent, FederationBrokerTopics } from '@idfed/contracts';
import { KeyEncryption } from '@idfed/crypto';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { FEDERATION_BROKER_CONFIG, FederationBrokerConfig } from '../config/federation-broker.config';
import { IssuerKeyEntity } from '../database/entities';
import { IssuerKeysRepository } from './issuer-keys.repository';

const generateRsa = promisify(generateKeyPair);

/**
 * The keys of the broker's OpenID token issuer. Created on first use (one transaction, with an
 * event that carries the public key to credential vending), stored sealed under the
 * key-encryption key, opened once per process.
 */
@Injectable()
export class IssuerKeysService {
  private active?: Promise<{ kid: string; privateKey: webcrypto.CryptoKey }>;
  private readonly publicKeys = new Map<string, KeyObject>();

  constructor(
    @Inject(IssuerKeysRepository) private readonly keys: IssuerKeysRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(KeyEncryption) private readonly encryption: KeyEncryption,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(FEDERATION_BROKER_CONFIG) private readonly config: FederationBrokerConfig,
  ) {}

  activeKey(): Promise<{ kid: string; privateKey: webcrypto.CryptoKey }> {
    this.active ??= this.loadOrCreate().catch((err: unknown) => {
      this.active = undefined;
      throw err;
    });
    return this.active;
  }

  /** The public key of one of the issuer's key ids, for checking tokens the broker issued. */
  async verificationKey(kid: string): Promise<KeyObject | undefined> {
    const cached = this.publicKeys.get(kid);
    if (cached) return cached;
    const row = await this.keys.find(kid);
    if (!row) return undefined;
    const key = createPublicKey({ key: row.publicJwk, format: 'jwk' });
    this.publicKeys.set(kid, key);
    return key;
  }

  async jwks(): Promise<Record<string, string>[]> {
    await this.activeKey();
    const rows = await this.keys.all();
    return rows.map((r) => r.publicJwk);
  }

  private async loadOrCreate(): Promise<{ kid: string; privateKey: webcrypto.CryptoKey }> {
    const row = await this.transactions.run(async (tx) => {
      // One creator at a time across replicas, until this unit of work ends.
      await this.keys.lockActivation(tx);
      const existing = await this.keys.findActive(tx);
      if (existing) return existing;
      const { publicKey, privateKey } = await generateRsa('rsa', { modulusLength: 2048 });
      const jwk = publicKey.export({ format: 'jwk' }) as Record<string, string>;
      const kid = createHash('sha256')
        .update(JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n }))
        .digest('base64url');
      const created: IssuerKeyEntity = {
        kid,
        publicJwk: { kty: jwk.kty, n: jwk.n, e: jwk.e, alg: 'RS256', kid, use: 'sig' },
        privateKeyEnc: this.encryption.seal(privateKey.export({ format: 'der', type: 'pkcs8' }), kid),
        status: 'active',
        createdAt: new Date(),
      };
      await this.keys.insert(created, tx);
      const event: BrokerSigningKeyActivatedEvent = {
        issuer: this.config.issuer,
        kid,
        publicJwk: created.publicJwk,
        occurredAt: created.createdAt.toISOString(),
      };
      await this.outbox.add(tx, {
        topic: FederationBrokerTopics.signingKeyActivated,
        key: this.config.issuer,
        payload: event,
      });
      return created;
    });
    this.outbox.nudge();
    const privateKey = await webcrypto.subtle.importKey(
      'pkcs8',
      this.encryption.open(row.privateKeyEnc, row.kid),
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    return { kid: row.kid, privateKey };
  }
}
