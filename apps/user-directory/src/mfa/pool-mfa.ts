import { SetUserPoolMfaConfigRequest, UserPoolMfaConfigResponse } from '@idfed/contracts';
import { CognitoErrors } from '../common/cognito-errors';
import { PoolConfig, PoolMfaFactors } from '../pools/pool-config';

/** A pool's MFA factors; a pool SetUserPoolMfaConfig never configured has none enabled. */
export function poolMfaOf(config: PoolConfig): PoolMfaFactors {
  return config.mfa ?? { softwareToken: false };
}

/** Whether a sign-in of this pool may ask for (or set up) a software token. */
export function poolUsesSoftwareToken(config: PoolConfig): boolean {
  return config.mfaConfiguration !== 'OFF' && poolMfaOf(config).softwareToken;
}

/**
 * SetUserPoolMfaConfig applied to a pool's settings: a member the request leaves out keeps its
 * value. ON or OPTIONAL needs at least one factor configured.
 */
export function applyMfaConfig(config: PoolConfig, req: SetUserPoolMfaConfigRequest): PoolConfig {
  const current = poolMfaOf(config);
  const mfa: PoolMfaFactors = {
    softwareToken: req.SoftwareTokenMfaConfiguration
      ? req.SoftwareTokenMfaConfiguration.Enabled === true
      : current.softwareToken,
  };
  const sms = req.SmsMfaConfiguration ?? current.sms;
  const email = req.EmailMfaConfiguration ?? current.email;
  const webAuthn = req.WebAuthnConfiguration ?? current.webAuthn;
  if (sms) mfa.sms = sms;
  if (email) mfa.email = email;
  if (webAuthn) mfa.webAuthn = webAuthn;
  const mfaConfiguration = req.MfaConfiguration ?? config.mfaConfiguration;
  if (mfaConfiguration !== 'OFF' && !mfa.softwareToken && !mfa.sms && !mfa.email) {
    throw CognitoErrors.invalidParameter(
      "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.",
    );
  }
  return { ...config, mfaConfiguration, mfa };
}

/** GetUserPoolMfaConfig's (and SetUserPoolMfaConfig's) answer. */
export function toMfaConfigResponse(config: PoolConfig): UserPoolMfaConfigResponse {
  const mfa = poolMfaOf(config);
  return {
    MfaConfiguration: config.mfaConfiguration,
    SoftwareTokenMfaConfiguration: { Enabled: mfa.softwareToken },
    ...(mfa.sms ? { SmsMfaConfiguration: mfa.sms } : {}),
    ...(mfa.email ? { EmailMfaConfiguration: mfa.email } : {}),
    ...(mfa.webAuthn ? { WebAuthnConfiguration: mfa.webAuthn } : {}),
  };
}
