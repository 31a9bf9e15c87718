/**
 * OpenID Connect provider URLs as IAM handles them: the issuer, https only, named in ARNs and
 * condition keys without its scheme (`server.example.com/path`). idfed also accepts http:// for
 * loopback hosts, so a local identity provider can stand in during development and tests; a
 * port is kept in the name (`127.0.0.1:8443/path`).
 */
export interface ProviderUrl {
  /** The issuer as tokens carry it in `iss`: scheme, host, port and path, no trailing slash. */
  issuer: string;
  /** The issuer without its scheme: the ARN suffix and the condition-key prefix. */
  urlKey: string;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** Undefined when the URL is not acceptable as a provider issuer. */
export function parseProviderUrl(text: string): ProviderUrl | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const secure = url.protocol === 'https:';
  const loopbackHttp = url.protocol === 'http:' && LOOPBACK.test(url.hostname);
  if (!secure && !loopbackHttp) return undefined;
  if (url.username || url.password || url.search || url.hash || text.includes('?') || text.includes('#')) {
    return undefined;
  }
  const path = url.pathname.replace(/\/+$/, '');
  const urlKey = `${url.host}${path}`;
  return { issuer: `${url.protocol}//${urlKey}`, urlKey };
}

/** The `iss` of a token normalised the same way, for the provider lookup. */
export function issuerUrlKey(iss: string): string | undefined {
  return parseProviderUrl(iss)?.urlKey;
}
