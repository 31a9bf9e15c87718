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
  authSessionValidity: number;
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
    explicitAuthFlows: req.ExplicitAuthFlows?.length
      ? [...new Set<ExplicitAuthFlowsType>([...req.ExplicitAuthFlows, 'ALLOW_REFRESH_TOKEN_AUTH'])]
      : DEFAULT_FLOWS,
    readAttributes: req.ReadAttributes,
    writeAttributes: req.WriteAttributes,
    ...oauthClientSettings(req, hasSecret, known),
    preventUserExistenceErrors: req.PreventUserExistenceErrors ?? 'LEGACY',
    enableTokenRevocation: req.EnableTokenRevocation ?? true,
    authSessionValidity: req.AuthSessionValidity ?? 3,
  };
  within('AccessTokenValidity', config.accessTokenValidity, units.AccessToken, 300, 86400);
  within('IdTokenValidity', config.idTokenValidity, units.IdToken, 300, 86400);
  within('RefreshTokenValidity', config.refreshTokenValidity, units.RefreshToken, 3600, 315360000);
  if (config.authSessionValidity < 3 || config.authSessionValidity > 15) {
    throw CognitoErrors.invalidParameter('AuthSessionValidity must be between 3 and 15 minutes.');
  }
  return config;
}

export function lifetimesInSeconds(c: ClientConfig): { access: number; id: number; refresh: number } {
  return {
    access: c.accessTokenValidity * SECONDS[c.units.AccessToken],
    id: c.idTokenValidity * SECONDS[c.units.IdToken],
    refresh: c.refreshTokenValidity * SECONDS[c.units.RefreshToken],
  };
}

/** ALLOW_USER_PASSWORD_AUTH, or its legacy spelling USER_PASSWORD_AUTH. */
export function allowsFlow(
  c: ClientConfig,
  flow: 'USER_PASSWORD_AUTH' | 'USER_SRP_AUTH' | 'ADMIN_USER_PASSWORD_AUTH' | 'USER_AUTH' | 'CUSTOM_AUTH',
): boolean {
  if (c.explicitAuthFlows.includes(`ALLOW_${flow}` as ExplicitAuthFlowsType)) return true;
  // USER_AUTH has no legacy spelling.
  if (flow === 'USER_AUTH') return false;
  const legacy =
    flow === 'ADMIN_USER_PASSWORD_AUTH'
      ? 'ADMIN_NO_SRP_AUTH'
      : flow === 'CUSTOM_AUTH'
        ? 'CUSTOM_AUTH_FLOW_ONLY'
        : flow;
  return c.explicitAuthFlows.includes(legacy as ExplicitAuthFlowsType);
}
