import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { deriveKey, KeyEncryption } from '@idfed/crypto';

const LABEL = 'idfed/authorization-message/v1';
const AAD = 'idfed/authorization-message';
/** STS's encodedMessageType: at most 10,240 characters. */
export const MAX_ENCODED_MESSAGE_CHARS = 10_240;
const MAX_DECODED_BYTES = 64 * 1024;

/**
 * Why a request was refused, as STS DecodeAuthorizationMessage returns it (the shape of AWS's
 * decoded messages: `allowed`, `explicitDeny`, `matchedStatements`, `failures`, `context`).
 */
export interface AuthorizationMessage {
  allowed: boolean;
  explicitDeny: boolean;
  matchedStatements: { items: { statementId: string; effect: 'DENY' | 'ALLOW'; policy?: string }[] };
  failures: { items: { reason: string }[] };
  context: {
    principal: { id: string; arn: string; name?: string };
    action: string;
    resource: string;
    conditions: { items: { key: string; values: { items: { value: string }[] } }[] };
  };
}

export class AuthorizationMessageError extends Error {
  constructor() {
    super('The encoded authorization message is not valid.');
    this.name = 'AuthorizationMessageError';
  }
}

/**
 * Encoded authorization messages (ADR 0039): the details of a refusal sealed with AES-256-GCM under
 * a key derived (HKDF) from the session-token master key, which the gateways (that refuse) and
 * credential vending (that decodes) both hold. The client can neither read nor forge one; any
 * change to it fails to open. Deflated JSON, base64url.
 */
export class AuthorizationMessageSealer {
  private readonly sealer: KeyEncryption;

  constructor(sessionTokenMasterKey: Buffer) {
    this.sealer = new KeyEncryption(deriveKey(sessionTokenMasterKey, LABEL));
  }

  /** The encoded message; the conditions are left out when they would not fit STS's limit. */
  encode(message: AuthorizationMessage): string {
    const encoded = this.seal(message);
    if (encoded.length <= MAX_ENCODED_MESSAGE_CHARS) return encoded;
    return this.seal({ ...message, context: { ...message.context, conditions: { items: [] } } });
  }

  /** The decoded message as JSON text, as DecodeAuthorizationMessage answers it. */
  decode(encoded: string): string {
    if (encoded.length > MAX_ENCODED_MESSAGE_CHARS || !/^[A-Za-z0-9_-]+$/.test(encoded)) {
      throw new AuthorizationMessageError();
    }
    try {
      const plain = this.sealer.open(Buffer.from(encoded, 'base64url'), AAD);
      return inflateRawSync(plain, { maxOutputLength: MAX_DECODED_BYTES }).toString('utf8');
    } catch {
      throw new AuthorizationMessageError();
    }
  }

  private seal(message: AuthorizationMessage): string {
    return this.sealer
      .seal(deflateRawSync(Buffer.from(JSON.stringify(message), 'utf8')), AAD)
      .toString('base64url');
  }
}
