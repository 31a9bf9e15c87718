import { aPool, outcome } from '../../test/support/users-doubles';
import { poolConfigFromRequest, toUserPoolType } from '../pools/pool-config';
import { applyMfaConfig, poolUsesSoftwareToken, toMfaConfigResponse } from './pool-mfa';

describe('pool MFA configuration', () => {
  const base = aPool().config;

  it('answers a pool never configured as OFF with the software token off', () => {
    expect(toMfaConfigResponse(base)).toEqual({
      MfaConfiguration: 'OFF',
      SoftwareTokenMfaConfiguration: { Enabled: false },
    });
    expect(poolUsesSoftwareToken(base)).toBe(false);
  });

  it('turns the software token on with ON or OPTIONAL, and keeps what a request leaves out', () => {
    const on = applyMfaConfig(base, {
      UserPoolId: 'p',
      MfaConfiguration: 'ON',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
    expect(poolUsesSoftwareToken(on)).toBe(true);
    const optional = applyMfaConfig(on, { UserPoolId: 'p', MfaConfiguration: 'OPTIONAL' });
    expect(toMfaConfigResponse(optional)).toEqual({
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
    const off = applyMfaConfig(optional, { UserPoolId: 'p', MfaConfiguration: 'OFF' });
    expect(poolUsesSoftwareToken(off)).toBe(false);
    expect(toMfaConfigResponse(off).SoftwareTokenMfaConfiguration).toEqual({ Enabled: true });
  });

  it('stores SMS and email configurations as given and answers them back', () => {
    const sms = {
      SmsAuthenticationMessage: 'Your code is {####}',
      SmsConfiguration: { SnsCallerArn: 'arn:x', ExternalId: 'e' },
    };
    const email = { Subject: 'Code', Message: 'Your code is {####}' };
    const config = applyMfaConfig(base, {
      UserPoolId: 'p',
      MfaConfiguration: 'OPTIONAL',
      SmsMfaConfiguration: sms,
      EmailMfaConfiguration: email,
    });
    expect(toMfaConfigResponse(config)).toEqual({
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: false },
      SmsMfaConfiguration: sms,
      EmailMfaConfiguration: email,
    });
    // No software token: a sign-in of this pool asks for nothing idfed can deliver.
    expect(poolUsesSoftwareToken(config)).toBe(false);
  });

  it('refuses ON or OPTIONAL without any factor', async () => {
    for (const mode of ['ON', 'OPTIONAL'] as const) {
      await expect(
        outcome(
          Promise.resolve().then(() => applyMfaConfig(base, { UserPoolId: 'p', MfaConfiguration: mode })),
        ),
      ).resolves.toBe('InvalidParameterException');
    }
    expect(() => applyMfaConfig(base, { UserPoolId: 'p', MfaConfiguration: 'ON' })).toThrow(
      "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.",
    );
    expect(() =>
      applyMfaConfig(base, {
        UserPoolId: 'p',
        MfaConfiguration: 'OFF',
        SoftwareTokenMfaConfiguration: { Enabled: false },
      }),
    ).not.toThrow();
  });

  it('lets CreateUserPool ask for MFA only with SMS and phone verification, as Cognito does', () => {
    expect(() => poolConfigFromRequest({ PoolName: 'p', MfaConfiguration: 'ON' }, 'arn')).toThrow(
      'SMS configuration and Auto verification for phone_number are required when MFA is required/optional',
    );
    expect(() =>
      poolConfigFromRequest(
        { PoolName: 'p', MfaConfiguration: 'OPTIONAL', SmsConfiguration: { SnsCallerArn: 'arn:sns' } },
        'arn',
      ),
    ).toThrow('SMS configuration and Auto verification for phone_number are required');
    const config = poolConfigFromRequest(
      {
        PoolName: 'p',
        MfaConfiguration: 'ON',
        AutoVerifiedAttributes: ['phone_number'],
        SmsConfiguration: { SnsCallerArn: 'arn:sns' },
        SmsAuthenticationMessage: 'Code {####}',
      },
      'arn',
    );
    const pool = { id: 'p', name: 'p', config, createdAt: new Date(0), updatedAt: new Date(0) };
    expect(toUserPoolType(pool, 0)).toMatchObject({
      MfaConfiguration: 'ON',
      SmsConfiguration: { SnsCallerArn: 'arn:sns' },
      SmsAuthenticationMessage: 'Code {####}',
    });
    // SMS is stored, not delivered: no sign-in asks for it until the software token is turned on.
    expect(poolUsesSoftwareToken(config)).toBe(false);
    const withTotp = applyMfaConfig(config, {
      UserPoolId: 'p',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
    expect(poolUsesSoftwareToken(withTotp)).toBe(true);
    expect(toMfaConfigResponse(withTotp)).toMatchObject({
      MfaConfiguration: 'ON',
      SmsMfaConfiguration: {
        SmsAuthenticationMessage: 'Code {####}',
        SmsConfiguration: { SnsCallerArn: 'arn:sns' },
      },
    });
  });
});
