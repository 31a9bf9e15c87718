/**
 * The base URLs of the social providers' servers, from the environment (README "Configuration"),
 * so tests and air-gapped operators can point a pool's Google, Facebook, Login with Amazon and
 * Sign in with Apple providers at servers of their own. Each value has no trailing slash.
 */
export interface ProviderEndpoints {
  /** Google's issuer and authorization server (IDFED_GOOGLE_ISSUER). */
  googleIssuer: string;
  /** Google's token endpoint host (IDFED_GOOGLE_API_URL). */
  googleApiUrl: string;
  /** Google's People API, the attributes endpoint (IDFED_GOOGLE_PEOPLE_API_URL). */
  googlePeopleApiUrl: string;
  /** Facebook's Graph API: token and attributes (IDFED_FACEBOOK_GRAPH_URL). */
  facebookGraphUrl: string;
  /** Facebook's login dialog host (IDFED_FACEBOOK_WWW_URL). */
  facebookWwwUrl: string;
  /** Login with Amazon's API: token and profile (IDFED_AMAZON_API_URL). */
  amazonApiUrl: string;
  /** Login with Amazon's authorization host (IDFED_AMAZON_WWW_URL). */
  amazonWwwUrl: string;
  /** Sign in with Apple's issuer, authorization and token server (IDFED_APPLE_ISSUER). */
  appleIssuer: string;
}

/** Every endpoint under one base URL: what unit and integration specs configure. */
export function providerEndpointsUnder(base: string): ProviderEndpoints {
  return {
    googleIssuer: `${base}/google`,
    googleApiUrl: `${base}/googleapis`,
    googlePeopleApiUrl: `${base}/people`,
    facebookGraphUrl: `${base}/graph`,
    facebookWwwUrl: `${base}/facebook`,
    amazonApiUrl: `${base}/amazon-api`,
    amazonWwwUrl: `${base}/amazon`,
    appleIssuer: `${base}/apple`,
  };
}
