import { CreateUserPoolClientRequest, ExplicitAuthFlowsType, TokenValidityUnitsType } from '@idfed/contracts';
import { CognitoErrors } from '../common/cognito-errors';
import { oauthClientSettings, PoolOAuthNames } from './oauth-client-settings';

type Unit = NonNullable<TokenValidityUnitsType['AccessToken']>;

/** What the user directory stores about an app client besides id, pool, name and secret. */
export interface ClientConfig {
  refreshTokenValidity: number;
  accessTokenValidity: number;
  idTokenValidity: number;
  units: { AccessToken: Unit; IdToken: Unit; RefreshToken: Unit };
  /**
   * False when the request gave no TokenValidityUnits: Cognito then answers none (the defaults
   * apply), and Terraform's provider fails an apply whose answer has units its plan did not.
   * Rows stored before this member show their units, as they always did.
   */
  unitsGiven?: boolean;
  explicitAuthFlows: ExplicitAuthFlowsType[];
  readAttributes?: string[];
  writeAttributes?: string[];
  supportedIdentityProviders?: string[];
  callbackUrls?: string[];
  logoutUrls?: string[];
  allowedOAuthFlows?: ('code' | 'implicit' | 'client_credentials')[];
  allowedOAuthScopes?: string[];
  allowedOAuthFlowsUserPoolClient: boolean;
  defaultRedirectUri?: string;
  preventUserExistenceErrors: 'LEGACY' | 'ENABLED';
  enableTokenRevocation: boolean;
  /** Whether the user's address in UserContextData is believed (threat protection, ADR 0089). */
  enablePropagateAdditionalUserContextData?: boolean;
  authSessionValidity: number;
  /** RefreshTokenRotation as given (ADR 0074); absent, rotation is off and none is answered. */
  refreshTokenRotation?: { feature: 'ENABLED' | 'DISABLED'; retryGracePeriodSeconds: number };
}

const SECONDS: Record<Unit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

/** Cognito's default flows when a client names none. */
const DEFAULT_FLOWS: ExplicitAuthFlowsType[] = [
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_CUSTOM_AUTH',
];

function within(name: string, value: number, unit: Unit, minSeconds: number, maxSeconds: number): void {
  const seconds = value * SECONDS[unit];
  if (!Number.isInteger(value) || seconds < minSeconds || seconds > maxSeconds) {
    throw CognitoErrors.invalidParameter(
      `${name} must be between ${minSeconds} seconds and ${maxSeconds} seconds.`,
    );
  }
}

/**
 * The stored settings of a Create (or Update) request; `hasSecret` for the OAuth flows' checks,
 * `poolProviders` the pool's identity providers SupportedIdentityProviders may name.
 */
export function clientConfigFromRequest(
  req: Omit<CreateUserPoolClientRequest, 'ClientName'> & { ClientName?: string },
  hasSecret = req.GenerateSecret ?? false,
  known?: PoolOAuthNames,
): ClientConfig {
  const units = {
    AccessToken: req.TokenValidityUnits?.AccessToken ?? 'hours',
    IdToken: req.TokenValidityUnits?.IdToken ?? 'hours',
    RefreshToken: req.TokenValidityUnits?.RefreshToken ?? 'days',
  };
  const config: ClientConfig = {
    refreshTokenValidity: req.RefreshTokenValidity ?? 30,
    accessTokenValidity: req.AccessTokenValidity ?? 1,
    idTokenValidity: req.IdTokenValidity ?? 1,
    units,
    unitsGiven: req.TokenValidityUnits !== undefined,
    explicitAuthFlows: explicitAuthFlowsOf(req.ExplicitAuthFlows),
    readAttributes: req.ReadAttributes,
    writeAttributes: req.WriteAttributes,
    ...oauthClientSettings(req, hasSecret, known),
    preventUserExistenceErrors: req.PreventUserExistenceErrors ?? 'LEGACY',
    enableTokenRevocation: req.EnableTokenRevocation ?? true,
    enablePropagateAdditionalUserContextData: req.EnablePropagateAdditionalUserContextData ?? false,
    authSessionValidity: req.AuthSessionValidity ?? 3,
    ...refreshTokenRotationOf(req.RefreshTokenRotation),
  };
  within('AccessTokenValidity', config.accessTokenValidity, units.AccessToken, 300, 86400);
  within('IdTokenValidity', config.idTokenValidity, units.IdToken, 300, 86400);
  within('RefreshTokenValidity', config.refreshTokenValidity, units.RefreshToken, 3600, 315360000);
  // "You can only activate EnablePropagateAdditionalUserContextData in an app client that has a
  // client secret" (API reference): a public client's caller could name any address.
  if (config.enablePropagateAdditionalUserContextData && !hasSecret) {
    throw CognitoErrors.invalidParameter(
      'EnablePropagateAdditionalUserContextData can only be set for an app client with a client secret.',
    );
  }
  if (config.authSessionValidity < 3 || config.authSessionValidity > 15) {
    throw CognitoErrors.invalidParameter('AuthSessionValidity must be between 3 and 15 minutes.');
  }
  return config;
}

function refreshTokenRotationOf(
  given: CreateUserPoolClientRequest['RefreshTokenRotation'],
): Pick<ClientConfig, 'refreshTokenRotation'> {
  if (given === undefined) return {};
  if (given === null || typeof given !== 'object' || !['ENABLED', 'DISABLED'].includes(given.Feature))
    throw CognitoErrors.invalidParameter('RefreshTokenRotation.Feature must be ENABLED or DISABLED.');
  const grace = given.RetryGracePeriodSeconds ?? 0;
  if (!Number.isInteger(grace) || grace < 0 || grace > 60)
    throw CognitoErrors.invalidParameter('RetryGracePeriodSeconds must be between 0 and 60 seconds.');
  return { refreshTokenRotation: { feature: given.Feature, retryGracePeriodSeconds: grace } };
}

/** Whether GetTokensFromRefreshToken rotates the client's refresh tokens (ADR 0074). */
export function rotatesRefreshTokens(c: ClientConfig): boolean {
  return c.refreshTokenRotation?.feature === 'ENABLED';
}

/** The flows spelled without `ALLOW_`, from before Cognito's per-flow settings (November 2019). */
const LEGACY_FLOWS: readonly ExplicitAuthFlowsType[] = [
  'ADMIN_NO_SRP_AUTH',
  'CUSTOM_AUTH_FLOW_ONLY',
  'USER_PASSWORD_AUTH',
];

function isLegacy(flow: ExplicitAuthFlowsType): boolean {
  return LEGACY_FLOWS.includes(flow);
}

/**
 * ExplicitAuthFlows as stored: none named is Cognito's default three; `ALLOW_` values get
 * ALLOW_REFRESH_TOKEN_AUTH; legacy values are kept as given, since AWS's API reference says "You
 * can't assign these legacy ExplicitAuthFlows values to user pool clients at the same time as
 * values that begin with ALLOW_" (so a mixed list is refused, ADR 0047).
 */
function explicitAuthFlowsOf(flows: ExplicitAuthFlowsType[] | undefined): ExplicitAuthFlowsType[] {
  if (!flows?.length) return DEFAULT_FLOWS;
  const legacy = flows.filter(isLegacy);
  if (legacy.length > 0 && legacy.length < flows.length) {
    throw CognitoErrors.invalidParameter(
      'ExplicitAuthFlows values that begin with ALLOW_ cannot be used along with the legacy values ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY and USER_PASSWORD_AUTH.',
    );
  }
  if (legacy.length > 0) return [...new Set(flows)];
  return [...new Set<ExplicitAuthFlowsType>([...flows, 'ALLOW_REFRESH_TOKEN_AUTH'])];
}

/**
 * Whether the client may exchange tokens with GetDerivedToken (ADR 0088): without an ActorToken
 * it needs ALLOW_TOKEN_EXCHANGE_IMPERSONATION, with one ALLOW_TOKEN_EXCHANGE_DELEGATION, as AWS's
 * reference of the operation says. A legacy client (ADR 0047) has neither.
 */
export function allowsTokenExchange(c: ClientConfig, kind: 'IMPERSONATION' | 'DELEGATION'): boolean {
  return c.explicitAuthFlows.includes(`ALLOW_TOKEN_EXCHANGE_${kind}`);
}

export function lifetimesInSeconds(c: ClientConfig): { access: number; id: number; refresh: number } {
  return {
    access: c.accessTokenValidity * SECONDS[c.units.AccessToken],
    id: c.idTokenValidity * SECONDS[c.units.IdToken],
    refresh: c.refreshTokenValidity * SECONDS[c.units.RefreshToken],
  };
}

/**
 * Whether the client allows a sign-in flow. A client with `ALLOW_` values allows exactly those. A
 * legacy client (ADR 0047) is read as Cognito read those settings before per-flow settings existed:
 * SRP, refresh and custom authentication were always on; ADMIN_NO_SRP_AUTH turns on
 * ADMIN_USER_PASSWORD_AUTH ("This setting replaces the ADMIN_NO_SRP_AUTH setting"),
 * USER_PASSWORD_AUTH turns on USER_PASSWORD_AUTH, and CUSTOM_AUTH_FLOW_ONLY ("Enable the custom
 * authentication flow only") turns SRP off. USER_AUTH came after: never for a legacy client.
 */
export function allowsFlow(
  c: ClientConfig,
  flow: 'USER_PASSWORD_AUTH' | 'USER_SRP_AUTH' | 'ADMIN_USER_PASSWORD_AUTH' | 'USER_AUTH' | 'CUSTOM_AUTH',
): boolean {
  const flows = c.explicitAuthFlows;
  // Clients stored before the mixed refusal may hold both kinds: each kind allows what it allows.
  if (flows.includes(`ALLOW_${flow}` as ExplicitAuthFlowsType)) return true;
  if (!flows.some(isLegacy)) return false;
  switch (flow) {
    case 'USER_SRP_AUTH':
      return !flows.includes('CUSTOM_AUTH_FLOW_ONLY');
    case 'CUSTOM_AUTH':
      return true;
    case 'ADMIN_USER_PASSWORD_AUTH':
      return flows.includes('ADMIN_NO_SRP_AUTH');
    case 'USER_PASSWORD_AUTH':
      return flows.includes('USER_PASSWORD_AUTH');
    case 'USER_AUTH':
      return false;
  }
}
