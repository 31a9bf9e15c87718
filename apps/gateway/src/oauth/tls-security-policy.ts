import type { SecureVersion } from 'node:tls';

/** The lowest TLS version each of Cognito's custom-domain security policies lets a client use. */
const MINIMUM: Record<string, SecureVersion> = {
  TLS_V1: 'TLSv1',
  TLS_V1_2_2021: 'TLSv1.2',
  TLS_V1_3_2025: 'TLSv1.3',
};
const ORDER = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/** A domain's lowest TLS version: its SecurityPolicy's, else TLS 1.2 (idfed's floor before ADR 0060). */
export const minimumTlsVersion = (policy: string | undefined): SecureVersion =>
  (policy !== undefined && MINIMUM[policy]) || 'TLSv1.2';

/**
 * Whether a handshake's protocol (`TLSSocket.getProtocol()`) meets a domain's SecurityPolicy; an
 * unknown or absent protocol does not.
 */
export function meetsSecurityPolicy(
  protocol: string | null | undefined,
  policy: string | undefined,
): boolean {
  const at = protocol ? ORDER.indexOf(protocol) : -1;
  return at >= 0 && at >= ORDER.indexOf(minimumTlsVersion(policy));
}
