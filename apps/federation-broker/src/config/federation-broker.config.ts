import { IdfedEnv } from '@idfed/config';
import { SocialEndpoints } from '../logins/social-login.verifiers';

/** The injection token of the broker's configuration (FederationBrokerConfig). */
export const FEDERATION_BROKER_CONFIG = Symbol('FEDERATION_BROKER_CONFIG');

/** What the broker's classes read from the environment, resolved once at start. */
export interface FederationBrokerConfig {
  /** The region prefix of identity pool and identity ids. */
  region: string;
  /** The account of identity pool ARNs (`IDFED_ACCOUNT_ID`). */
  accountId: string;
  /** idfed's public URL: the issuer prefix of its user pools' ID tokens. */
  publicUrl: string;
  /** The issuer of the broker's OpenID tokens; credential vending trusts it as cognito-identity.amazonaws.com. */
  issuer: string;
  social: SocialEndpoints;
}

/** The issuer of the broker's OpenID tokens, from the public URL. */
export function brokerIssuer(env: IdfedEnv): string {
  return `${env.publicUrl}/identity`;
}

export function federationBrokerConfig(env: IdfedEnv): FederationBrokerConfig {
  return {
    region: env.region,
    accountId: env.accountId,
    publicUrl: env.publicUrl,
    issuer: brokerIssuer(env),
    social: { facebookGraphUrl: env.facebookGraphUrl, amazonApiUrl: env.amazonApiUrl },
  };
}
