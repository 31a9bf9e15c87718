import { createHash, generateKeyPairSync, KeyObject, randomBytes, sign } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

/** The options of StartWebAuthnRegistration, as far as an authenticator reads them. */
export interface CreationOptions {
  challenge: string;
  rp: { id?: string; name: string };
  user: { id: string; name: string };
}

const b64url = (bytes: Buffer | Uint8Array) => Buffer.from(bytes).toString('base64url');

/**
 * A passkey authenticator in software, for tests: a P-256 key made with node:crypto, registration
 * answers with attestation `none` built as an authenticator builds them (client data JSON,
 * authenticator data with the RP ID hash, flags, counter and the COSE key, CBOR-encoded attestation
 * object). Nothing in it knows what idfed expects beyond the WebAuthn format.
 */
export class SoftwareAuthenticator {
  readonly credentialId = randomBytes(16);
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  private counter = 0;

  constructor(
    /** The origin the "browser" reports. */
    readonly origin: string,
  ) {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
  }

  get id(): string {
    return b64url(this.credentialId);
  }

  /**
   * navigator.credentials.create(): the RegistrationResponseJSON for `options`. `rpId` is the RP ID
   * the authenticator hashes (the options' by default, as a browser does).
   */
  create(options: CreationOptions, { rpId = options.rp.id!, challenge = options.challenge } = {}) {
    const clientDataJSON = Buffer.from(
      JSON.stringify({ type: 'webauthn.create', challenge, origin: this.origin, crossOrigin: false }),
    );
    const jwk = this.publicKey.export({ format: 'jwk' });
    const coseKey = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x!, 'base64url')],
        [-3, Buffer.from(jwk.y!, 'base64url')],
      ]),
    );
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    const authData = Buffer.concat([
      createHash('sha256').update(rpId).digest(),
      Buffer.from([0x01 | 0x04 | 0x40]), // user present, user verified, attested credential data
      this.counterBytes(),
      Buffer.alloc(16), // AAGUID: none
      idLength,
      this.credentialId,
      Buffer.from(coseKey),
    ]);
    const attestationObject = isoCBOR.encode(
      new Map<string, unknown>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', new Uint8Array(authData)],
      ]) as never,
    );
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: {
        clientDataJSON: b64url(clientDataJSON),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }

  /**
   * navigator.credentials.get(): the AuthenticationResponseJSON for WEB_AUTHN's
   * CREDENTIAL_REQUEST_OPTIONS (a JSON string), signed with the key (ECDSA P-256, SHA-256, DER)
   * over the authenticator data and the client data's hash; the counter moves by one each time.
   */
  get(requestOptions: string, { rpId, challenge }: { rpId?: string; challenge?: string } = {}) {
    const options = JSON.parse(requestOptions) as { challenge: string; rpId: string };
    const clientDataJSON = Buffer.from(
      JSON.stringify({
        type: 'webauthn.get',
        challenge: challenge ?? options.challenge,
        origin: this.origin,
        crossOrigin: false,
      }),
    );
    this.counter += 1;
    const authenticatorData = Buffer.concat([
      createHash('sha256')
        .update(rpId ?? options.rpId)
        .digest(),
      Buffer.from([0x01 | 0x04]),
      this.counterBytes(),
    ]);
    const signature = sign(
      'sha256',
      Buffer.concat([authenticatorData, createHash('sha256').update(clientDataJSON).digest()]),
      this.privateKey,
    );
    return JSON.stringify({
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authenticatorData),
        signature: b64url(signature),
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    });
  }

  /** The public key (unused by the server tests; kept for symmetry). */
  get key(): KeyObject {
    return this.publicKey;
  }

  private counterBytes(): Buffer {
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32BE(this.counter);
    return bytes;
  }
}
