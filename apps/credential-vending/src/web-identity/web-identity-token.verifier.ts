import { Inject, Injectable, Optional } from '@nestjs/common';
import { StsErrors } from '../common/iam-errors';
import { IdpConfigurationError, IdpUnreachableError, JwksClient } from './jwks.client';
import { decodeJwt, isSigningAlgorithm, verificationKey, verifyJwtSignature } from './jwt';
import { WebIdentityProvider, WebIdentityProviders } from './web-identity-providers';
import { Clock, CLOCK } from '../common/clock';

/** What a verified web identity token says, in the terms trust policies use. */
export interface VerifiedWebIdentity {
  /** The federated principal: an OIDC provider ARN or a well-known provider name. */
  provider: string;
  keyPrefix: string;
  /** The token's `iss`: STS returns it as `Provider`. */
  issuer: string;
  subject: string;
  /** The client id that was accepted: STS returns it as `Audience`. */
  audience: string;
  /** Condition keys without their prefix: aud, sub, and amr, azp, oaud when present. */
  claims: Record<string, string | string[]>;
  /** Every claim of the token, for callers that map them (identity pool role rules). */
  payload: Record<string, unknown>;
}

/** Allowed clock difference with the identity provider for exp, nbf and iat. */
export const TOKEN_CLOCK_SKEW_SECONDS = 60;
const MAX_SUBJECT_CHARS = 255;
const KEY_ERROR =
  "Couldn't retrieve verification key from your identity provider, please reference AssumeRoleWithWebIdentity documentation for requirements";

/**
 * Checks a web identity token the way STS does: a JWS with RS/ES 256-512, from an issuer the
 * account trusts, signed by a key of the issuer's published key set, for one of the provider's
 * client ids, and current. Each failure is the STS error a client expects.
 */
@Injectable()
export class WebIdentityTokenVerifier {
  constructor(
    @Inject(WebIdentityProviders) private readonly providers: WebIdentityProviders,
    @Inject(JwksClient) private readonly jwks: JwksClient,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {}

  /** A token from any issuer the account trusts (STS AssumeRoleWithWebIdentity). */
  async verify(token: string): Promise<VerifiedWebIdentity> {
    return this.verifyWith(token, (iss) => this.providers.resolve(iss));
  }

  /** A token that must come from one given provider (identity pool logins name theirs). */
  verifyFrom(token: string, provider: WebIdentityProvider): Promise<VerifiedWebIdentity> {
    return this.verifyWith(token, (iss) =>
      Promise.resolve(provider.issuers.includes(iss) ? provider : undefined),
    );
  }

  private async verifyWith(
    token: string,
    resolve: (iss: string) => Promise<WebIdentityProvider | undefined>,
  ): Promise<VerifiedWebIdentity> {
    const jwt = decodeJwt(token);
    if (!jwt) throw StsErrors.invalidIdentityToken('The web identity token is not a valid JWT.');
    const { header, payload } = jwt;
    if (!isSigningAlgorithm(header.alg)) {
      throw StsErrors.invalidIdentityToken(
        `Unsupported token signing algorithm ${JSON.stringify(String(header.alg)).slice(0, 32)}: use RS256, RS384, RS512, ES256, ES384 or ES512.`,
      );
    }
    if (header.crit !== undefined)
      throw StsErrors.invalidIdentityToken('The token uses unsupported critical header parameters.');
    const alg = header.alg;
    if (typeof payload.iss !== 'string' || payload.iss === '') {
      throw StsErrors.invalidIdentityToken('The token has no issuer (iss).');
    }
    const iss = payload.iss;
    const provider = await resolve(iss);
    if (!provider) {
      throw StsErrors.invalidIdentityToken(
        `No OpenIDConnect provider found in your account for ${iss.slice(0, 256)}`,
      );
    }
    // RFC 7515 makes kid a string; any other value names no key (String(7) would match a kid "7").
    if (header.kid !== undefined && typeof header.kid !== 'string') {
      throw StsErrors.invalidIdentityToken(KEY_ERROR);
    }
    const kid = header.kid;

    let candidates;
    try {
      candidates = await this.jwks.candidates(provider.keySource, kid);
    } catch (err) {
      if (err instanceof IdpUnreachableError) {
        throw StsErrors.idpCommunication(
          'The request could not be fulfilled because the identity provider (IDP) that was asked to verify the incoming identity token could not be reached.',
        );
      }
      if (err instanceof IdpConfigurationError) throw StsErrors.invalidIdentityToken(KEY_ERROR);
      throw err;
    }
    const keys = candidates.map((jwk) => verificationKey(jwk, alg)).filter((k) => k !== undefined);
    if (keys.length === 0) throw StsErrors.invalidIdentityToken(KEY_ERROR);
    if (!keys.some((key) => verifyJwtSignature(jwt, alg, key))) {
      throw StsErrors.invalidIdentityToken('The web identity token signature could not be verified.');
    }

    // Authentic from here on: claims are checked against the clock and the provider's settings.
    const nowSeconds = Math.floor(this.now() / 1000);
    if (typeof payload.exp !== 'number' || !Number.isFinite(payload.exp)) {
      throw StsErrors.invalidIdentityToken('The token has no expiration time (exp).');
    }
    if (nowSeconds >= payload.exp + TOKEN_CLOCK_SKEW_SECONDS) {
      throw StsErrors.expiredToken(
        `Token expired: current date/time ${nowSeconds} must be before the expiration date/time ${payload.exp}`,
      );
    }
    if (typeof payload.nbf === 'number' && payload.nbf > nowSeconds + TOKEN_CLOCK_SKEW_SECONDS) {
      throw StsErrors.invalidIdentityToken(
        `Token is not valid before ${payload.nbf}; current date/time is ${nowSeconds}.`,
      );
    }
    if (typeof payload.iat === 'number' && payload.iat > nowSeconds + TOKEN_CLOCK_SKEW_SECONDS) {
      throw StsErrors.invalidIdentityToken('Token was issued in the future (iat).');
    }
    if (typeof payload.sub !== 'string' || payload.sub === '' || payload.sub.length > MAX_SUBJECT_CHARS) {
      throw StsErrors.idpRejectedClaim('The token must carry a subject (sub) of 1 to 255 characters.');
    }
    const auds =
      typeof payload.aud === 'string' ? [payload.aud] : Array.isArray(payload.aud) ? payload.aud : [];
    if (auds.length === 0 || !auds.every((a) => typeof a === 'string')) {
      throw StsErrors.idpRejectedClaim('The token must carry an audience (aud).');
    }
    const azp = typeof payload.azp === 'string' ? payload.azp : undefined;
    const offered = azp !== undefined ? [azp, ...auds] : auds;
    const audience =
      provider.audiences === 'any' ? offered[0] : offered.find((a) => provider.audiences.includes(a));
    if (audience === undefined) throw StsErrors.invalidIdentityToken('Incorrect token audience');

    const claims: Record<string, string | string[]> = { aud: audience, sub: payload.sub };
    if (azp !== undefined) {
      claims.azp = azp;
      claims.oaud = auds.length === 1 ? auds[0] : auds;
    }
    const amr = payload.amr;
    if (typeof amr === 'string') claims.amr = amr;
    else if (Array.isArray(amr) && amr.every((a) => typeof a === 'string')) claims.amr = amr;
    return {
      provider: provider.principal,
      keyPrefix: provider.keyPrefix,
      issuer: iss,
      subject: payload.sub,
      audience,
      claims,
      payload,
    };
  }
}
