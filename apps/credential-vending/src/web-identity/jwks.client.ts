import { Jwk } from './jwt';

/** Where an issuer's keys come from: OIDC discovery from the issuer, a fixed JWKS URL, or in-process. */
export interface KeySource {
  issuer: string;
  jwksUri?: string;
  /** For a built-in issuer whose keys are at hand without HTTP. */
  keys?: () => Promise<Jwk[]>;
}

/** The identity provider could not be reached, or answered with a server error. */
export class IdpUnreachableError extends Error {
  override name = 'IdpUnreachableError';
}

/** The identity provider answered, but not with a usable discovery document or key set. */
export class IdpConfigurationError extends Error {
  override name = 'IdpConfigurationError';
}

export interface JwksClientOptions {
  /** How long a fetched key set is used before it is fetched again. */
  ttlMs?: number;
  /** An unknown kid triggers a refetch at most this often per issuer (so random kids cannot flood the IdP). */
  minRefreshIntervalMs?: number;
  timeoutMs?: number;
  maxResponseBytes?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

interface CachedKeys {
  keys: Jwk[];
  fetchedAt: number;
  pending?: Promise<Jwk[]>;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * Fetches and caches identity providers' signing keys: discovery (`<issuer>/.well-known/
 * openid-configuration`), then `jwks_uri`. A key set is kept for `ttlMs`; a token whose kid is not
 * in it makes one refetch (rotation), rate-limited per issuer. Concurrent requests share a fetch.
 */
export class JwksClient {
  private readonly cache = new Map<string, CachedKeys>();
  private readonly ttlMs: number;
  private readonly minRefreshMs: number;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly fetchFn: typeof fetch;
  private readonly now: () => number;

  constructor(options: JwksClientOptions = {}) {
    this.ttlMs = options.ttlMs ?? 3600_000;
    this.minRefreshMs = options.minRefreshIntervalMs ?? 10_000;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.maxBytes = options.maxResponseBytes ?? 256 * 1024;
    this.fetchFn = options.fetch ?? fetch;
    this.now = options.now ?? Date.now;
  }

  /**
   * Keys that may carry `kid` (all keys when the token has none). Refetches once when the cached
   * set has no such key and the last fetch is old enough.
   */
  async candidates(source: KeySource, kid: string | undefined): Promise<Jwk[]> {
    const cached = this.cache.get(source.issuer);
    const age = cached ? this.now() - cached.fetchedAt : Infinity;
    let keys = cached && age < this.ttlMs ? cached.keys : await this.refresh(source);
    let found = matching(keys, kid);
    if (found.length === 0 && cached && age < this.ttlMs && age >= this.minRefreshMs) {
      keys = await this.refresh(source);
      found = matching(keys, kid);
    }
    return found;
  }

  forget(issuer: string): void {
    this.cache.delete(issuer);
  }

  private refresh(source: KeySource): Promise<Jwk[]> {
    const entry = this.cache.get(source.issuer);
    if (entry?.pending) return entry.pending;
    const pending = this.load(source).then(
      (keys) => {
        this.cache.set(source.issuer, { keys, fetchedAt: this.now() });
        return keys;
      },
      (err: unknown) => {
        if (entry) delete entry.pending;
        throw err;
      },
    );
    if (entry) entry.pending = pending;
    else this.cache.set(source.issuer, { keys: [], fetchedAt: -Infinity, pending });
    return pending;
  }

  private async load(source: KeySource): Promise<Jwk[]> {
    if (source.keys) return source.keys();
    let jwksUri = source.jwksUri;
    if (!jwksUri) {
      const discovery = await this.getJson(`${source.issuer}/.well-known/openid-configuration`);
      if (discovery.issuer !== source.issuer) {
        throw new IdpConfigurationError('the discovery document names another issuer');
      }
      if (typeof discovery.jwks_uri !== 'string')
        throw new IdpConfigurationError('the discovery document has no jwks_uri');
      jwksUri = discovery.jwks_uri;
    }
    checkKeyUrl(jwksUri, source.issuer);
    const jwks = await this.getJson(jwksUri);
    if (!Array.isArray(jwks.keys)) throw new IdpConfigurationError('the key set has no keys');
    return (jwks.keys as unknown[])
      .filter((k): k is Jwk => typeof k === 'object' && k !== null)
      .slice(0, 100);
  }

  private async getJson(url: string): Promise<Record<string, unknown>> {
    let res: Response;
    try {
      res = await this.fetchFn(url, {
        headers: { accept: 'application/json' },
        redirect: 'follow',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new IdpUnreachableError(`${url}: ${(err as Error).message}`);
    }
    if (res.status >= 500 || res.status === 429)
      throw new IdpUnreachableError(`${url} answered ${res.status}`);
    if (res.status !== 200) throw new IdpConfigurationError(`${url} answered ${res.status}`);
    const text = await readCapped(res, this.maxBytes);
    try {
      const value = JSON.parse(text) as unknown;
      if (typeof value === 'object' && value !== null && !Array.isArray(value))
        return value as Record<string, unknown>;
    } catch {
      // fall through
    }
    throw new IdpConfigurationError(`${url} did not answer with a JSON object`);
  }
}

function matching(keys: Jwk[], kid: string | undefined): Jwk[] {
  return kid === undefined ? keys : keys.filter((k) => k.kid === kid);
}

/** Keys must come over https, or over http from a loopback issuer (local development and tests). */
function checkKeyUrl(url: string, issuer: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new IdpConfigurationError('jwks_uri is not a URL');
  }
  if (parsed.protocol === 'https:') return;
  const issuerHost = new URL(issuer).hostname;
  if (parsed.protocol === 'http:' && LOOPBACK.test(parsed.hostname) && LOOPBACK.test(issuerHost)) return;
  throw new IdpConfigurationError('jwks_uri must use https');
}

async function readCapped(res: Response, maxBytes: number): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw new IdpConfigurationError('the response is too large');
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader: ReadableStreamDefaultReader<Uint8Array> = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new IdpConfigurationError('the response is too large');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
