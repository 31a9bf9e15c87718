import { Inject, Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { ListWebAuthnCredentialsResponse } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { AuthSessionSeal } from '../auth/auth-session-seal';
import { AuthSessionUsesRepository } from '../auth/auth-session-uses.repository';
import { CognitoErrors } from '../common/cognito-errors';
import { UserEntity, UserPoolEntity } from '../database/entities';
import { DEFAULT_FIRST_AUTH_FACTORS } from '../pools/pool-config';
import { UserPoolsRepository } from '../pools/user-pools.repository';
import { WebAuthnCredentialsRepository } from './webauthn-credentials.repository';

/** How long a registration's challenge may be answered (Cognito's registration lasts minutes). */
const REGISTRATION_TTL_SECONDS = 5 * 60;
const PAGE_DEFAULT = 10;

/** What a registration challenge carries, sealed: whose it is, and its id (single use). */
interface RegistrationChallenge {
  id: string;
  sub: string;
  until: number;
}

/** The pool's relying party, and what it asks of the authenticator. */
interface RelyingParty {
  id: string;
  userVerification: 'required' | 'preferred';
}

const b64url = {
  from: (bytes: Buffer) => bytes.toString('base64url'),
  to: (text: string) => Buffer.from(text, 'base64url'),
};

/**
 * WebAuthn passkeys of a signed-in user (ADR 0034), with @simplewebauthn/server: registration
 * options for the pool's relying party (`WebAuthnConfiguration.RelyingPartyId`), the attestation
 * checked (format `none` and the others the library verifies), the credential id, COSE public key
 * and sign counter stored per user. The registration challenge is stateless: it is a blob sealed
 * under the directory's session key naming the user and an id, so only idfed can make one, and
 * it is answered once (`auth_session_uses`).
 */
@Injectable()
export class Passkeys {
  constructor(
    @Inject(UserPoolsRepository) private readonly pools: UserPoolsRepository,
    @Inject(WebAuthnCredentialsRepository) private readonly credentials: WebAuthnCredentialsRepository,
    @Inject(AuthSessionSeal) private readonly seal: AuthSessionSeal,
    @Inject(AuthSessionUsesRepository) private readonly uses: AuthSessionUsesRepository,
  ) {}

  async startRegistration(user: UserEntity): Promise<Record<string, unknown>> {
    const pool = await this.poolOf(user);
    const rp = relyingPartyOf(pool);
    const challenge: RegistrationChallenge = {
      id: randomUUID(),
      sub: user.sub,
      until: Date.now() + REGISTRATION_TTL_SECONDS * 1000,
    };
    const sealed = Buffer.from(
      this.seal.seal('webauthn-registration', user.sub, challenge, REGISTRATION_TTL_SECONDS),
      'base64',
    );
    const existing = await this.credentials.idsOf(user.sub);
    const options = await generateRegistrationOptions({
      rpName: pool.name,
      rpID: rp.id,
      userName: user.username,
      userID: new Uint8Array(Buffer.from(user.sub, 'utf8')),
      challenge: new Uint8Array(sealed),
      timeout: REGISTRATION_TTL_SECONDS * 1000,
      attestationType: 'none',
      excludeCredentials: existing.map((c) => ({
        id: c.credentialId,
        transports: c.transports as never,
      })),
      authenticatorSelection: { residentKey: 'required', userVerification: rp.userVerification },
    });
    return options as unknown as Record<string, unknown>;
  }

  async completeRegistration(user: UserEntity, credential: Record<string, unknown>): Promise<void> {
    const pool = await this.poolOf(user);
    const rp = relyingPartyOf(pool);
    const response = credential as unknown as RegistrationResponseJSON;
    const clientData = clientDataOf(response);
    const challenge = this.openChallenge(user, clientData.challenge);
    if (!originAllowed(clientData.origin, rp.id)) {
      throw new ServiceError(
        'WebAuthnOriginNotAllowedException',
        'The origin is not allowed for this relying party.',
      );
    }
    // Single use, whatever follows: a second answer to one challenge is refused.
    if (!(await this.uses.useOnce(challenge.id, new Date(challenge.until)))) throw challengeNotFound();
    let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
    try {
      verified = await verifyRegistrationResponse({
        response,
        expectedChallenge: clientData.challenge,
        expectedOrigin: clientData.origin,
        expectedRPID: rp.id,
        expectedType: 'webauthn.create',
        requireUserVerification: rp.userVerification === 'required',
      });
    } catch (err) {
      throw refusal(err);
    }
    if (!verified.verified) throw CognitoErrors.invalidParameter('The credential could not be verified.');
    const info = verified.registrationInfo;
    const stored = await this.credentials.insert(
      {
        credentialId: info.credential.id,
        poolId: pool.id,
        userSub: user.sub,
        publicKey: Buffer.from(info.credential.publicKey),
        signCount: info.credential.counter,
        transports: (info.credential.transports ?? response.response.transports ?? []).map(String),
        attachment:
          typeof response.authenticatorAttachment === 'string' ? response.authenticatorAttachment : null,
        relyingPartyId: rp.id,
        friendlyName: null,
      },
      new Date(),
    );
    if (stored === 'exists') {
      throw CognitoErrors.invalidParameter('The credential is already registered.');
    }
  }

  async list(
    user: UserEntity,
    maxResults?: number,
    nextToken?: string,
  ): Promise<ListWebAuthnCredentialsResponse> {
    const limit = maxResults ?? PAGE_DEFAULT;
    const rows = await this.credentials.listOf(user.sub, limit, nextToken ? cursorOf(nextToken) : undefined);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      Credentials: page.map((c) => ({
        CredentialId: c.credentialId,
        ...(c.friendlyName ? { FriendlyCredentialName: c.friendlyName } : {}),
        RelyingPartyId: c.relyingPartyId,
        ...(c.attachment ? { AuthenticatorAttachment: c.attachment } : {}),
        AuthenticatorTransports: c.transports,
        CreatedAt: c.createdAt.getTime() / 1000,
      })),
      ...(rows.length > limit && last
        ? {
            NextToken: b64url.from(
              Buffer.from(JSON.stringify({ t: last.createdAt.toISOString(), id: last.credentialId })),
            ),
          }
        : {}),
    };
  }

  async delete(user: UserEntity, credentialId: string): Promise<void> {
    if (!(await this.credentials.delete(user.sub, credentialId))) {
      throw new ServiceError('ResourceNotFoundException', 'Credential not found.');
    }
  }

  /** Whether the pool lets this user sign in with a passkey (WEB_AUTHN offered in USER_AUTH). */
  async usableBy(pool: UserPoolEntity, user: UserEntity | undefined): Promise<boolean> {
    if (!passkeysOn(pool)) return false;
    return !user || (await this.credentials.idsOf(user.sub)).length > 0;
  }

  /**
   * WEB_AUTHN's CREDENTIAL_REQUEST_OPTIONS and the challenge they carry. No allowCredentials:
   * passkeys are discoverable, and listing a user's would tell who has some.
   */
  async requestOptions(pool: UserPoolEntity): Promise<{ challenge: string; options: string }> {
    const rp = relyingPartyOf(pool);
    const challenge = b64url.from(randomBytes(32));
    const options = await generateAuthenticationOptions({
      rpID: rp.id,
      challenge: new Uint8Array(b64url.to(challenge)),
      userVerification: rp.userVerification,
      timeout: 3 * 60 * 1000,
    });
    return { challenge, options: JSON.stringify(options) };
  }

  /**
   * Checks an assertion (AuthenticationResponseJSON) of the user's own credential against the
   * session's challenge, then moves the sign counter (compare-and-set). Any failure is false.
   */
  async verifyAssertion(
    pool: UserPoolEntity,
    user: UserEntity,
    challenge: string,
    credential: string,
  ): Promise<boolean> {
    const rp = relyingPartyOf(pool);
    let response: AuthenticationResponseJSON;
    try {
      response = JSON.parse(credential) as AuthenticationResponseJSON;
    } catch {
      return false;
    }
    if (typeof response?.id !== 'string') return false;
    const stored = await this.credentials.find(user.sub, response.id);
    if (!stored) return false;
    let origin: string;
    try {
      origin = clientDataOf(response).origin;
    } catch {
      return false;
    }
    if (!originAllowed(origin, rp.id)) return false;
    try {
      const checked = await verifyAuthenticationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: origin,
        expectedRPID: rp.id,
        expectedType: 'webauthn.get',
        credential: {
          id: stored.credentialId,
          publicKey: new Uint8Array(stored.publicKey),
          counter: stored.signCount,
          transports: stored.transports as never,
        },
        requireUserVerification: rp.userVerification === 'required',
      });
      if (!checked.verified) return false;
      return this.credentials.advanceCounter(
        stored.credentialId,
        stored.signCount,
        checked.authenticationInfo.newCounter,
      );
    } catch {
      return false;
    }
  }

  private async poolOf(user: UserEntity): Promise<UserPoolEntity> {
    const pool = await this.pools.find(user.poolId);
    if (!pool) throw CognitoErrors.notAuthorized('Invalid Access Token');
    return pool;
  }

  private openChallenge(user: UserEntity, challenge: string): RegistrationChallenge {
    const opened = this.seal.open<RegistrationChallenge>(
      'webauthn-registration',
      user.sub,
      b64url.to(challenge).toString('base64'),
    );
    if (!opened.ok || opened.value.sub !== user.sub) throw challengeNotFound();
    return opened.value;
  }
}

/**
 * The pool's relying party: WEB_AUTHN must be among its first factors (WebAuthnNotEnabledException)
 * and WebAuthnConfiguration must name a RelyingPartyId (WebAuthnConfigurationMissingException).
 */
function passkeysOn(pool: UserPoolEntity): boolean {
  const factors = pool.config.signInPolicy?.AllowedFirstAuthFactors ?? DEFAULT_FIRST_AUTH_FACTORS;
  return factors.includes('WEB_AUTHN') && !!pool.config.mfa?.webAuthn?.RelyingPartyId;
}

function relyingPartyOf(pool: UserPoolEntity): RelyingParty {
  const factors = pool.config.signInPolicy?.AllowedFirstAuthFactors ?? DEFAULT_FIRST_AUTH_FACTORS;
  if (!factors.includes('WEB_AUTHN')) {
    throw new ServiceError('WebAuthnNotEnabledException', 'WebAuthn is not enabled for this user pool.');
  }
  const config = pool.config.mfa?.webAuthn;
  if (!config?.RelyingPartyId) {
    throw new ServiceError(
      'WebAuthnConfigurationMissingException',
      'The user pool has no WebAuthn relying party configured.',
    );
  }
  return {
    id: config.RelyingPartyId,
    userVerification: config.UserVerification === 'required' ? 'required' : 'preferred',
  };
}

/** The client data's challenge and origin; a credential without them is malformed. */
function clientDataOf(response: { response: { clientDataJSON: string } }): {
  challenge: string;
  origin: string;
} {
  try {
    const parsed = JSON.parse(b64url.to(response.response.clientDataJSON).toString('utf8')) as {
      challenge?: unknown;
      origin?: unknown;
    };
    if (typeof parsed.challenge === 'string' && typeof parsed.origin === 'string') {
      return { challenge: parsed.challenge, origin: parsed.origin };
    }
  } catch {
    // Falls through to the refusal below.
  }
  throw CognitoErrors.invalidParameter('Credential is malformed.');
}

/** https on the relying party's domain or a subdomain of it (http only for localhost). */
function originAllowed(origin: string, rpId: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const onDomain = url.hostname === rpId || url.hostname.endsWith(`.${rpId}`);
  return (
    onDomain && (url.protocol === 'https:' || (url.protocol === 'http:' && url.hostname === 'localhost'))
  );
}

function challengeNotFound() {
  return new ServiceError(
    'WebAuthnChallengeNotFoundException',
    'The WebAuthn challenge was not found or has expired.',
  );
}

/** The library's refusal as an AWS error, without its detail beyond what it checked. */
function refusal(err: unknown): ServiceError {
  const message = err instanceof Error ? err.message : '';
  if (/RP ID/i.test(message)) {
    return new ServiceError('WebAuthnRelyingPartyMismatchException', 'The relying party does not match.');
  }
  if (/origin/i.test(message)) {
    return new ServiceError(
      'WebAuthnOriginNotAllowedException',
      'The origin is not allowed for this relying party.',
    );
  }
  if (/attestation format|unsupported/i.test(message)) {
    return new ServiceError('WebAuthnCredentialNotSupportedException', 'The credential is not supported.');
  }
  return CognitoErrors.invalidParameter('The credential could not be verified.');
}

function cursorOf(token: string): { createdAt: Date; credentialId: string } {
  try {
    const { t, id } = JSON.parse(b64url.to(token).toString('utf8')) as { t?: unknown; id?: unknown };
    const createdAt = new Date(typeof t === 'string' ? t : NaN);
    if (typeof id === 'string' && !Number.isNaN(createdAt.getTime())) return { createdAt, credentialId: id };
  } catch {
    // Falls through to the refusal below.
  }
  throw CognitoErrors.invalidParameter('Invalid NextToken.');
}
