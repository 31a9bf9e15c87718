import { EnvReader } from './env-reader';

/**
 * Request rate limits, per category of operations, in requests per second for the whole
 * deployment (every replica together), as Cognito applies its quotas per account and Region. The
 * user-pool categories and their defaults follow Cognito's documented default quotas; identity
 * pools and STS/IAM have categories of their own. Which operation falls in which category is in
 * libs/service-runtime (rate-limit-categories.ts).
 */
export const RATE_LIMIT_DEFAULTS = {
  UserAuthentication: 120,
  /** RespondToAuthChallenge and its admin form: Cognito gives them three times UserAuthentication. */
  UserAuthenticationChallenge: 360,
  UserCreation: 50,
  UserAccountRecovery: 30,
  UserRead: 120,
  UserUpdate: 25,
  UserList: 30,
  UserPoolRead: 15,
  UserPoolUpdate: 15,
  UserPoolClientRead: 15,
  UserPoolClientUpdate: 15,
  GroupRead: 15,
  GroupWrite: 15,
  IdentityPoolGetId: 25,
  IdentityPoolCredentials: 200,
  IdentityPoolManagement: 25,
  StsAssumeRole: 600,
  /** Cognito Sync's data and usage operations (idfed's own figure: AWS publishes none per category). */
  CognitoSync: 100,
  Iam: 100,
} as const;

export type RateLimitCategory = keyof typeof RATE_LIMIT_DEFAULTS;

/** Requests per second per category; Infinity where limiting is off. */
export type RateLimits = Readonly<Record<RateLimitCategory, number>>;

const isCategory = (name: string): name is RateLimitCategory => Object.hasOwn(RATE_LIMIT_DEFAULTS, name);

/**
 * IDFED_RATE_LIMITS: unset for the defaults; `off` for none; or `Category=rps[,Category=rps...]`
 * overriding some (rps a positive number, fractions allowed, or `off`), where `*` names every
 * category and later items win.
 */
export function readRateLimits(r: EnvReader, source: NodeJS.ProcessEnv): RateLimits {
  const limits: Record<RateLimitCategory, number> = { ...RATE_LIMIT_DEFAULTS };
  const raw = source.IDFED_RATE_LIMITS?.trim();
  if (!raw) return limits;
  if (raw === 'off') {
    for (const name of Object.keys(limits) as RateLimitCategory[]) limits[name] = Infinity;
    return limits;
  }
  for (const item of raw.split(',')) {
    const [name, value] = item.split('=').map((s) => s.trim());
    const rps = value === 'off' ? Infinity : Number(value);
    if (name === '*' && rps > 0) {
      for (const category of Object.keys(limits) as RateLimitCategory[]) limits[category] = rps;
    } else if (!isCategory(name)) {
      r.problem(`IDFED_RATE_LIMITS: unknown category "${name}" (known: ${Object.keys(limits).join(', ')})`);
    } else if (value === undefined || !(rps > 0)) {
      r.problem(`IDFED_RATE_LIMITS: ${name} needs a positive number of requests per second, or off`);
    } else {
      limits[name] = rps;
    }
  }
  return limits;
}
