import { UserPoolClientType } from '@idfed/contracts';
import { AppClientEntity } from '../database/entities';

/** An app client as Cognito shows it; `secret` only where the operation reveals it. */
export function toUserPoolClientType(c: AppClientEntity, secret: string | undefined): UserPoolClientType {
  const k = c.config;
  return {
    UserPoolId: c.poolId,
    ClientName: c.name,
    ClientId: c.id,
    ...(secret ? { ClientSecret: secret } : {}),
    LastModifiedDate: c.updatedAt.getTime() / 1000,
    CreationDate: c.createdAt.getTime() / 1000,
    RefreshTokenValidity: k.refreshTokenValidity,
    AccessTokenValidity: k.accessTokenValidity,
    IdTokenValidity: k.idTokenValidity,
    ...(k.unitsGiven === false ? {} : { TokenValidityUnits: k.units }),
    ...(k.readAttributes ? { ReadAttributes: k.readAttributes } : {}),
    ...(k.writeAttributes ? { WriteAttributes: k.writeAttributes } : {}),
    ExplicitAuthFlows: k.explicitAuthFlows,
    ...(k.supportedIdentityProviders ? { SupportedIdentityProviders: k.supportedIdentityProviders } : {}),
    ...(k.callbackUrls ? { CallbackURLs: k.callbackUrls } : {}),
    ...(k.logoutUrls ? { LogoutURLs: k.logoutUrls } : {}),
    ...(k.allowedOAuthFlows ? { AllowedOAuthFlows: k.allowedOAuthFlows } : {}),
    ...(k.allowedOAuthScopes ? { AllowedOAuthScopes: k.allowedOAuthScopes } : {}),
    AllowedOAuthFlowsUserPoolClient: k.allowedOAuthFlowsUserPoolClient,
    ...(k.defaultRedirectUri ? { DefaultRedirectURI: k.defaultRedirectUri } : {}),
    PreventUserExistenceErrors: k.preventUserExistenceErrors,
    EnableTokenRevocation: k.enableTokenRevocation,
    EnablePropagateAdditionalUserContextData: k.enablePropagateAdditionalUserContextData ?? false,
    AuthSessionValidity: k.authSessionValidity,
    ...(k.refreshTokenRotation
      ? {
          RefreshTokenRotation: {
            Feature: k.refreshTokenRotation.feature,
            RetryGracePeriodSeconds: k.refreshTokenRotation.retryGracePeriodSeconds,
          },
        }
      : {}),
  };
}
