import { timingSafeEqual } from 'node:crypto';
import {
  isTemporaryAccessKeyId,
  SessionClaims,
  SessionTokenCodec,
  SessionTokenError,
} from '@idfed/session-credentials';
import { CredentialErrors } from './credential.errors';
import { rootPrincipal, sessionPrincipal, VerifiedPrincipal } from './principal';

/** The long-term admin key pair; it signs as the account root. */
export interface AdminKey {
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * Revocations as the verifier knows them. `revokedBefore` answers synchronously from memory (the
 * hot path); it throws CredentialError('unavailable') when the list is too stale to trust.
 */
export interface RevocationSource {
  revokedBefore(roleArn: string): number | undefined;
}

export interface ResolvedCredential {
  secret: string;
  principal: VerifiedPrincipal;
}

/**
 * Finds the secret behind an access key id, as SigV4 verification needs it: the admin key (only
 * without a session token), or temporary credentials whose session token opens, belongs to the
 * key, has not expired and was issued after any revocation of its role. Undefined for an unknown
 * key; CredentialError for a token that is expired, invalid or revoked.
 */
export class CredentialResolver {
  /** Opened tokens by their exact text: a device signs many requests with one token. */
  private readonly opened = new Map<string, { session: SessionClaims; principal?: VerifiedPrincipal }>();

  constructor(
    private readonly accountId: string,
    private readonly admin: AdminKey | undefined,
    private readonly codec: SessionTokenCodec,
    private readonly revocations?: RevocationSource,
    private readonly now: () => number = Date.now,
  ) {}

  resolve(accessKeyId: string, securityToken: string | undefined): ResolvedCredential | undefined {
    if (securityToken === undefined) {
      if (this.admin && safeEqual(accessKeyId, this.admin.accessKeyId)) {
        return { secret: this.admin.secretAccessKey, principal: rootPrincipal(this.accountId, accessKeyId) };
      }
      return undefined;
    }
    if (!isTemporaryAccessKeyId(accessKeyId)) throw CredentialErrors.invalid();
    const { session, principal } = this.open(securityToken);
    // Checked on every request, cached or not: the key binding, the expiry and revocations.
    if (session.accessKeyId !== accessKeyId) throw CredentialErrors.invalid();
    if (this.now() >= session.expiresAt) throw CredentialErrors.expired();
    // A session of a long-term key (GetSessionToken, GetFederationToken; ADR 0039) is not a role
    // session: it stands for its IAM user while the user's key is active, which only a verifier
    // that can ask credential vending knows (the gateway's IAM-user path). Unknown here.
    if (session.longTermKey || !principal) return undefined;
    const revokedBefore = this.revocations?.revokedBefore(session.roleArn);
    if (revokedBefore !== undefined && session.issuedAt < revokedBefore) throw CredentialErrors.revoked();
    return { secret: session.secretAccessKey, principal };
  }

  /** Decrypts a token once; later requests with the same token find its claims in a bounded cache. */
  private open(token: string): { session: SessionClaims; principal?: VerifiedPrincipal } {
    const cached = this.opened.get(token);
    if (cached) return cached;
    let session: SessionClaims;
    try {
      session = this.codec.open(token);
    } catch (err) {
      if (err instanceof SessionTokenError) throw CredentialErrors.invalid();
      throw err;
    }
    const entry = { session, ...(session.longTermKey ? {} : { principal: sessionPrincipal(session) }) };
    this.opened.set(token, entry);
    if (this.opened.size > OPENED_CACHE) this.opened.delete(this.opened.keys().next().value as string);
    return entry;
  }
}

const OPENED_CACHE = 4096;

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
