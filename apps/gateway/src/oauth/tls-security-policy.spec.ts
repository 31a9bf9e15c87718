import { meetsSecurityPolicy, minimumTlsVersion } from './tls-security-policy';

describe("custom domains' SecurityPolicy (ADR 0060)", () => {
  it("maps Cognito's policies to their lowest TLS version, TLS 1.2 when none is given", () => {
    expect(minimumTlsVersion('TLS_V1')).toBe('TLSv1');
    expect(minimumTlsVersion('TLS_V1_2_2021')).toBe('TLSv1.2');
    expect(minimumTlsVersion('TLS_V1_3_2025')).toBe('TLSv1.3');
    expect(minimumTlsVersion(undefined)).toBe('TLSv1.2');
    expect(minimumTlsVersion('TLS_V9')).toBe('TLSv1.2');
  });

  it('accepts a handshake at or above the floor, refuses one below it or of no known version', () => {
    expect(meetsSecurityPolicy('TLSv1', 'TLS_V1')).toBe(true);
    expect(meetsSecurityPolicy('TLSv1.1', 'TLS_V1')).toBe(true);
    expect(meetsSecurityPolicy('TLSv1.1', 'TLS_V1_2_2021')).toBe(false);
    expect(meetsSecurityPolicy('TLSv1.1', undefined)).toBe(false);
    expect(meetsSecurityPolicy('TLSv1.2', 'TLS_V1_2_2021')).toBe(true);
    expect(meetsSecurityPolicy('TLSv1.2', 'TLS_V1_3_2025')).toBe(false);
    expect(meetsSecurityPolicy('TLSv1.3', 'TLS_V1_3_2025')).toBe(true);
    expect(meetsSecurityPolicy(null, 'TLS_V1')).toBe(false);
    expect(meetsSecurityPolicy('SSLv3', 'TLS_V1')).toBe(false);
  });
});
