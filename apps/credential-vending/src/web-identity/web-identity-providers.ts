import { Inject, Injectable, Optional } from '@nestjs/common';
import { OidcProviderEntity } from '../database/entities';
import { OidcProviderLookup } from '../oidc-providers/oidc-provider.lookup';
import { Jwk } from './jwt';
import { KeySource } from './jwks.client';

/** The injection token of the issuers trusted by configuration (TrustedIssuer[]). */
export const TRUSTED_ISSUERS = Symbol('TRUSTED_ISSUERS');

/** The injection token of Google's issuer URL (IDFED_GOOGLE_ISSUER). */
export const GOOGLE_ISSUER = Symbol('GOOGLE_ISSUER');

/**
 * An issuer trusted by configuration rather than by an IAM OpenID Connect provider: idfed's own
 * identity-pool issuer answers to the AWS name `cognito-identity.amazonaws.com`, so trust
 * policies written for AWS keep working. It is registered by default (CredentialVendingModule,
 * keys fetched from the broker over the bus); CredentialVendingOptions.trustedIssuers replaces it.
 */
export interface TrustedIssuer {
  /** The `iss` its tokens carry, exactly. */
  issuer: string;
  /** The federated principal trust policies name, also the condition-key prefix. */
  principal: string;
  /** 'any': every audience passes here and the trust policy's `<principal>:aud` condition pins it. */
  audiences: 'any' | readonly string[];
  /** Default: OIDC discovery from the issuer. */
  jwksUri?: string;
  /** Keys at hand without HTTP (an in-process issuer). */
  keys?: () => Promise<Jwk[]>;
}

/** The provider a token's issuer resolves to, as STS uses it. */
export interface WebIdentityProvider {
  /** The `iss` values its tokens may carry. */
  issuers: readonly string[];
  /** What trust policies name in `Principal.Federated`: a provider ARN or a well-known name. */
  principal: string;
  /** Condition keys are `<keyPrefix>:aud`, `:sub`, ... */
  keyPrefix: string;
  keySource: KeySource;
  audiences: 'any' | readonly string[];
}

/**
 * Resolves a token's `iss` to a provider: the configured trusted issuers first, then the IAM
 * OpenID Connect providers of the account (the issuer, scheme included, must match exactly).
 */
@Injectable()
export class WebIdentityProviders {
  private readonly trusted: ReadonlyMap<string, TrustedIssuer>;

  constructor(
    @Inject(OidcProviderLookup)
    private readonly oidcProviders: Pick<OidcProviderLookup, 'findByIssuer' | 'findByArn'>,
    @Optional() @Inject(TRUSTED_ISSUERS) trustedIssuers: readonly TrustedIssuer[] = [],
    /** Where Google's discovery document is (IDFED_GOOGLE_ISSUER); tests point it at a local IdP. */
    @Optional() @Inject(GOOGLE_ISSUER) private readonly googleIssuer: string = 'https://accounts.google.com',
  ) {
    this.trusted = new Map(trustedIssuers.map((t) => [t.issuer, t]));
  }

  async resolve(iss: string): Promise<WebIdentityProvider | undefined> {
    const trusted = this.trusted.get(iss);
    if (trusted) {
      return {
        issuers: [trusted.issuer],
        principal: trusted.principal,
        keyPrefix: trusted.principal,
        keySource: { issuer: trusted.issuer, jwksUri: trusted.jwksUri, keys: trusted.keys },
        audiences: trusted.audiences,
      };
    }
    const provider = await this.oidcProviders.findByIssuer(iss);
    return provider && fromOidcProvider(provider);
  }

  /** An IAM OpenID Connect provider named by its ARN (identity pool logins name the provider). */
  async byArn(arn: string): Promise<WebIdentityProvider | undefined> {
    const provider = await this.oidcProviders.findByArn(arn);
    return provider && fromOidcProvider(provider);
  }

  /**
   * A well-known provider that needs no IAM registration, for identity pool logins: Google, whose
   * tokens carry `https://accounts.google.com` or `accounts.google.com` as issuer. `audience` is
   * the app's client id from the identity pool.
   */
  wellKnown(name: string, audience: string): WebIdentityProvider | undefined {
    if (name !== 'accounts.google.com') return undefined;
    const issuer = this.googleIssuer;
    return {
      issuers: [issuer, issuer.replace(/^https:\/\//, '')],
      principal: name,
      keyPrefix: name,
      keySource: { issuer },
      audiences: [audience],
    };
  }
}

function fromOidcProvider(provider: OidcProviderEntity): WebIdentityProvider {
  return {
    issuers: [provider.issuer],
    principal: provider.arn,
    keyPrefix: provider.urlKey,
    keySource: { issuer: provider.issuer },
    audiences: provider.clientIds,
  };
}
