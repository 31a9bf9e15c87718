import { randomUUID, webcrypto } from 'node:crypto';
import { signRs256 } from '@idfed/crypto';
import { testBrokerConfig } from './broker-database';

/**
 * A user pool of idfed's user directory as the broker sees it: a signing key (published to the
 * broker as the user directory's key event would) and ID tokens signed with it.
 */
export class TestUserPool {
  readonly userPoolId = `us-east-1_${randomUUID().replace(/-/g, '').slice(0, 9)}`;
  readonly clientId = randomUUID().replace(/-/g, '').slice(0, 26);
  readonly kid = randomUUID();
  readonly providerName = `${testBrokerConfig.publicUrl}/${this.userPoolId}`;

  private constructor(
    private readonly privateKey: webcrypto.CryptoKey,
    readonly publicJwk: Record<string, string>,
  ) {}

  static async create(): Promise<TestUserPool> {
    const { privateKey, publicKey } = await webcrypto.subtle.generateKey(
      {
        name: 'RSASSA-PKCS1-v1_5',
        modulusLength: 2048,
        publicExponent: new Uint8Array([1, 0, 1]),
        hash: 'SHA-256',
      },
      true,
      ['sign', 'verify'],
    );
    const jwk = await webcrypto.subtle.exportKey('jwk', publicKey);
    return new TestUserPool(privateKey, { kty: 'RSA', n: jwk.n!, e: jwk.e! });
  }

  /** The identity pool's CognitoIdentityProviders entry for this user pool's client. */
  provider(serverSideTokenCheck = false) {
    return {
      ProviderName: this.providerName,
      ClientId: this.clientId,
      ServerSideTokenCheck: serverSideTokenCheck,
    };
  }

  /** An ID token of the user `sub`, valid for ten minutes. */
  idToken(sub: string): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return signRs256(
      { alg: 'RS256', kid: this.kid, typ: 'JWT' },
      {
        iss: this.providerName,
        sub,
        aud: this.clientId,
        token_use: 'id',
        iat: now,
        exp: now + 600,
        origin_jti: randomUUID(),
      },
      this.privateKey,
    );
  }
}
