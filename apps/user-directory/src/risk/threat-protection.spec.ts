import { ServiceError } from '@idfed/messaging';
import { UserPoolEntity } from '../database/entities';
import { checkLogConfigurations } from './log-delivery';
import { RiskConfigurationsRepository } from './risk-configurations.repository';
import { checkRanges, MAX_IP_RANGES } from './set-risk-configuration.use-case';
import {
  BlockedAddresses,
  isSecurityRefusal,
  requireThreatProtection,
  userAddress,
} from './threat-protection';
import { CognitoErrors } from '../common/cognito-errors';
import { clientConfigFromRequest } from '../clients/client-config';

const poolIn = (mode?: 'OFF' | 'AUDIT' | 'ENFORCED') =>
  ({
    id: 'us-east-1_Risk12345',
    config: mode ? { userPoolAddOns: { AdvancedSecurityMode: mode } } : {},
  }) as unknown as UserPoolEntity;

function blockedAddresses(blocked?: string[]) {
  const effective = jest
    .fn()
    .mockResolvedValue(blocked ? { riskExceptions: { BlockedIPRangeList: blocked } } : undefined);
  const risks = { effective } as unknown as RiskConfigurationsRepository;
  return { check: new BlockedAddresses(risks), effective };
}

describe('BlockedAddresses', () => {
  it('refuses a blocked address in ENFORCED mode with the answer Cognito gives', async () => {
    const { check } = blockedAddresses(['192.0.2.0/24']);
    await expect(check.refuseBlocked(poolIn('ENFORCED'), 'client', '192.0.2.9')).rejects.toMatchObject({
      errorName: 'NotAuthorizedException',
      message: 'Request not allowed due to security reasons.',
    });
    await expect(check.refuseBlocked(poolIn('ENFORCED'), 'client', '192.0.3.9')).resolves.toBeUndefined();
  });

  it('reads nothing in OFF and AUDIT modes or without an address', async () => {
    for (const mode of [undefined, 'OFF', 'AUDIT'] as const) {
      const { check, effective } = blockedAddresses(['0.0.0.0/0']);
      await expect(check.refuseBlocked(poolIn(mode), 'client', '192.0.2.9')).resolves.toBeUndefined();
      expect(effective).not.toHaveBeenCalled();
    }
    const { check, effective } = blockedAddresses(['0.0.0.0/0']);
    await check.refuseBlocked(poolIn('ENFORCED'), 'client', undefined);
    expect(effective).not.toHaveBeenCalled();
  });

  it('lets every address through when no configuration applies', async () => {
    const { check, effective } = blockedAddresses();
    await expect(check.refuseBlocked(poolIn('ENFORCED'), 'client', '192.0.2.9')).resolves.toBeUndefined();
    expect(effective).toHaveBeenCalledWith('us-east-1_Risk12345', 'client');
  });
});

describe('requireThreatProtection', () => {
  it('refuses a pool without add-ons or with OFF', () => {
    for (const mode of [undefined, 'OFF'] as const) {
      expect(() => requireThreatProtection(poolIn(mode))).toThrow(ServiceError);
      expect(() => requireThreatProtection(poolIn(mode))).toThrow(/not enabled/);
    }
    expect(() => requireThreatProtection(poolIn('AUDIT'))).not.toThrow();
    expect(() => requireThreatProtection(poolIn('ENFORCED'))).not.toThrow();
  });
});

describe('checkRanges', () => {
  it('accepts CIDR lists up to the limit', () => {
    const many = Array.from({ length: MAX_IP_RANGES }, (_, i) => `10.0.${i}.0/24`);
    expect(() => checkRanges({ BlockedIPRangeList: many, SkippedIPRangeList: ['::1/128'] })).not.toThrow();
    expect(() => checkRanges(undefined)).not.toThrow();
  });

  it('refuses a list over the limit, a range without a prefix and a non-string', () => {
    const many = Array.from({ length: MAX_IP_RANGES + 1 }, (_, i) => `10.0.${i % 256}.0/24`);
    expect(() => checkRanges({ BlockedIPRangeList: many })).toThrow(/at most 200/);
    expect(() => checkRanges({ SkippedIPRangeList: ['192.0.2.1'] })).toThrow(/CIDR/);
    expect(() => checkRanges({ BlockedIPRangeList: [42 as unknown as string] })).toThrow(/CIDR/);
    expect(() => checkRanges({ BlockedIPRangeList: 'x' as unknown as string[] })).toThrow(/must be a list/);
  });
});

describe('checkLogConfigurations', () => {
  const cw = { LogGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:g' };
  it('accepts the combinations the API reference allows', () => {
    const ok = [
      { LogLevel: 'ERROR', EventSource: 'userNotification', CloudWatchLogsConfiguration: cw },
      {
        LogLevel: 'INFO',
        EventSource: 'userAuthEvents',
        FirehoseConfiguration: { StreamArn: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/s' },
      },
    ];
    expect(checkLogConfigurations(ok)).toBe(ok);
    expect(checkLogConfigurations([])).toEqual([]);
  });

  it.each([
    [[{ LogLevel: 'INFO', EventSource: 'userNotification', CloudWatchLogsConfiguration: cw }]],
    [[{ LogLevel: 'ERROR', EventSource: 'userAuthEvents', CloudWatchLogsConfiguration: cw }]],
    [[{ LogLevel: 'INFO', EventSource: 'userAuthEvents' }]],
    [
      [
        {
          LogLevel: 'INFO',
          EventSource: 'userAuthEvents',
          CloudWatchLogsConfiguration: cw,
          S3Configuration: { BucketArn: 'arn:aws:s3:::b' },
        },
      ],
    ],
    [[{ LogLevel: 'INFO', EventSource: 'userAuthEvents', S3Configuration: {} }]],
    [
      [
        { LogLevel: 'INFO', EventSource: 'userAuthEvents', CloudWatchLogsConfiguration: cw },
        { LogLevel: 'INFO', EventSource: 'userAuthEvents', CloudWatchLogsConfiguration: cw },
      ],
    ],
  ])('refuses %j', (configurations) => {
    expect(() => checkLogConfigurations(configurations)).toThrow(ServiceError);
  });
});

describe('userAddress (ADR 0089)', () => {
  const propagating = { config: { enablePropagateAdditionalUserContextData: true } };
  const plain = { config: { enablePropagateAdditionalUserContextData: false } };

  it("believes UserContextData's address only for a client that propagates it", () => {
    expect(userAddress(propagating, { IpAddress: '198.51.100.7' }, '127.0.0.1')).toBe('198.51.100.7');
    expect(userAddress(propagating, { IpAddress: '2001:db8::7' }, '127.0.0.1')).toBe('2001:db8::7');
    expect(userAddress(plain, { IpAddress: '198.51.100.7' }, '127.0.0.1')).toBe('127.0.0.1');
    expect(userAddress({ config: {} }, { IpAddress: '198.51.100.7' }, '127.0.0.1')).toBe('127.0.0.1');
  });

  it("falls back to the caller's address without one, or for a value that is no IP address", () => {
    expect(userAddress(propagating, undefined, '127.0.0.1')).toBe('127.0.0.1');
    expect(userAddress(propagating, { EncodedData: 'x' }, '127.0.0.1')).toBe('127.0.0.1');
    for (const bad of ['', 'example.com', '198.51.100.0/24', '999.1.1.1', 42 as unknown as string])
      expect(userAddress(propagating, { IpAddress: bad }, '127.0.0.1')).toBe('127.0.0.1');
  });

  it('lets only a client with a secret propagate user context data, as the API reference says', () => {
    const req = { UserPoolId: 'us-east-1_Risk12345', EnablePropagateAdditionalUserContextData: true };
    expect(clientConfigFromRequest(req, true).enablePropagateAdditionalUserContextData).toBe(true);
    expect(() => clientConfigFromRequest(req, false)).toThrow(
      expect.objectContaining({ errorName: 'InvalidParameterException' }) as Error,
    );
    expect(clientConfigFromRequest({ UserPoolId: 'us-east-1_Risk12345' }, false)).toMatchObject({
      enablePropagateAdditionalUserContextData: false,
    });
  });
});

describe('isSecurityRefusal', () => {
  it("tells the block list's refusal from other NotAuthorizedExceptions", () => {
    expect(
      isSecurityRefusal(CognitoErrors.notAuthorized('Request not allowed due to security reasons.')),
    ).toBe(true);
    expect(isSecurityRefusal(CognitoErrors.notAuthorized())).toBe(false);
    expect(isSecurityRefusal(new Error('Request not allowed due to security reasons.'))).toBe(false);
  });
});
