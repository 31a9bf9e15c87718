import { OidcProvidersService } from '../oidc-providers/oidc-providers.service';
import { Jwk } from './jwt';
import { KeySource } from './jwks.client';

/**
 * An issuer trusted by configuration rather than by an IAM OpenID Connect provider: idfed's own
 * identity-pool issuer answers to the AWS name `cognito-identity.amazonaws.com`, so trust
 * policies written for AWS keep working. The federation broker's issue registers it through
 * CredentialVendingOptions.trustedIssuers; nothing is registered by default.
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
export class WebIdentityProviders {
  private readonly trusted: ReadonlyMap<string, TrustedIssuer>;

  constructor(
    private readonly oidcProviders: OidcProvidersService,
    trustedIssuers: readonly TrustedIssuer[] = [],
  ) {
    this.trusted = new Map(trustedIssuers.map((t) => [t.issuer, t]));
  }

  async resolve(iss: string): Promise<WebIdentityProvider | undefined> {
    const trusted = this.trusted.get(iss);
    if (trusted) {
      return {
        principal: trusted.principal,
        keyPrefix: trusted.principal,
        keySource: { issuer: trusted.issuer, jwksUri: trusted.jwksUri, keys: trusted.keys },
        audiences: trusted.audiences,
      };
    }
    const provider = await this.oidcProviders.findByIssuer(iss);
    if (!provider) return undefined;
    return {
      principal: provider.arn,
      keyPrefix: provider.urlKey,
      keySource: { issuer: provider.issuer },
      audiences: provider.clientIds,
    };
  }
}
