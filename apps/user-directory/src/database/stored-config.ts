import { ClientConfig } from '../clients/client-config';
import { DEFAULT_PASSWORD_POLICY, PoolConfig } from '../pools/pool-config';

/**
 * Pool and client configuration as read back from the database. Versions before edge validation
 * stored what a request carried without type checks (`MinimumLength: "x"`, an unknown token unit),
 * which made every password acceptable or every later sign-in a 500. Reading repairs such values:
 * a number sent as text is kept as that number, anything else unusable becomes the safe default, a
 * number out of AWS's range is brought back into it. Well-formed configuration is returned as is.
 */
export function storedPoolConfig(raw: PoolConfig): PoolConfig {
  if (!isObject(raw)) return raw;
  const p = (isObject(raw.passwordPolicy) ? raw.passwordPolicy : {}) as Record<string, unknown>;
  const d = DEFAULT_PASSWORD_POLICY;
  return {
    ...raw,
    passwordPolicy: {
      MinimumLength: integerIn(p.MinimumLength, 6, 99, d.MinimumLength),
      // A requirement that cannot be read is kept on: the stricter reading.
      RequireUppercase: p.RequireUppercase !== false,
      RequireLowercase: p.RequireLowercase !== false,
      RequireNumbers: p.RequireNumbers !== false,
      RequireSymbols: p.RequireSymbols !== false,
      // AWS treats 0 as "not set", which is the default of 7 days.
      TemporaryPasswordValidityDays: integerIn(
        p.TemporaryPasswordValidityDays,
        1,
        365,
        d.TemporaryPasswordValidityDays,
      ),
      ...(p.PasswordHistorySize !== undefined
        ? { PasswordHistorySize: integerIn(p.PasswordHistorySize, 0, 24, 0) }
        : {}),
    },
    autoVerifiedAttributes: arrayOr(raw.autoVerifiedAttributes),
    usernameAttributes: arrayOr(raw.usernameAttributes),
    aliasAttributes: arrayOr(raw.aliasAttributes),
  };
}

const UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;
const SECONDS = { seconds: 1, minutes: 60, hours: 3600, days: 86400 } as const;

export function storedClientConfig(raw: ClientConfig): ClientConfig {
  if (!isObject(raw)) return raw;
  const u = (isObject(raw.units) ? raw.units : {}) as Record<string, unknown>;
  const unit = (value: unknown, fallback: (typeof UNITS)[number]) =>
    UNITS.includes(value as (typeof UNITS)[number]) ? (value as (typeof UNITS)[number]) : fallback;
  const units = {
    AccessToken: unit(u.AccessToken, 'hours'),
    IdToken: unit(u.IdToken, 'hours'),
    RefreshToken: unit(u.RefreshToken, 'days'),
  };
  // The validity is bounded in seconds (as CreateUserPoolClient checks it), then expressed in its unit.
  const validity = (value: unknown, u: (typeof UNITS)[number], min: number, max: number, fallback: number) =>
    integerIn(value, Math.ceil(min / SECONDS[u]), Math.floor(max / SECONDS[u]), fallback);
  return {
    ...raw,
    units,
    accessTokenValidity: validity(
      raw.accessTokenValidity,
      units.AccessToken,
      300,
      86400,
      units.AccessToken === 'hours' ? 1 : 3600 / SECONDS[units.AccessToken],
    ),
    idTokenValidity: validity(
      raw.idTokenValidity,
      units.IdToken,
      300,
      86400,
      units.IdToken === 'hours' ? 1 : 3600 / SECONDS[units.IdToken],
    ),
    refreshTokenValidity: validity(
      raw.refreshTokenValidity,
      units.RefreshToken,
      3600,
      315360000,
      Math.max(1, Math.floor((30 * 86400) / SECONDS[units.RefreshToken])),
    ),
    authSessionValidity: integerIn(raw.authSessionValidity, 3, 15, 3),
    explicitAuthFlows: arrayOr(raw.explicitAuthFlows),
    preventUserExistenceErrors: raw.preventUserExistenceErrors === 'LEGACY' ? 'LEGACY' : 'ENABLED',
    enableTokenRevocation: raw.enableTokenRevocation !== false,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function integerIn(value: unknown, min: number, max: number, fallback: number): number {
  const clamp = (n: number) => Math.min(max, Math.max(min, n));
  const n = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || (Math.trunc(n) === 0 && min > 0)) {
    return clamp(Math.round(fallback));
  }
  return clamp(Math.trunc(n));
}

function arrayOr<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]).filter((v) => typeof v === 'string') : [];
}
