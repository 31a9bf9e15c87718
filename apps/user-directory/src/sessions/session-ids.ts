/**
 * Cognito's SessionId: `tkn` (a token session) or `sso` (an SSO session) and 25 lowercase letters
 * and digits. idfed's sessions are named by UUIDs (a token session by its refresh tokens'
 * origin_jti, an SSO session by its hosted session's id); 25 base-36 digits hold the UUID's 128
 * bits exactly (36^25 > 2^128), so the SessionId is the UUID itself, written another way, and reads
 * back without a lookup table (ADR 0080).
 */
export type SessionKind = 'TOKEN' | 'SSO';

const PREFIX: Record<SessionKind, string> = { TOKEN: 'tkn', SSO: 'sso' };
const DIGITS = 25;
const SESSION_ID = /^(tkn|sso)([a-z0-9]{25})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_UUID = (1n << 128n) - 1n;

export function sessionIdOf(kind: SessionKind, uuid: string): string {
  if (!UUID.test(uuid)) throw new Error('not a UUID');
  const n = BigInt(`0x${uuid.replace(/-/g, '')}`);
  return PREFIX[kind] + n.toString(36).padStart(DIGITS, '0');
}

/** The session a SessionId names, or undefined for one idfed cannot have made. */
export function parseSessionId(sessionId: string): { kind: SessionKind; uuid: string } | undefined {
  const m = SESSION_ID.exec(sessionId);
  if (!m) return undefined;
  let n = 0n;
  for (const c of m[2]) n = n * 36n + BigInt(parseInt(c, 36));
  if (n > MAX_UUID) return undefined;
  const hex = n.toString(16).padStart(32, '0');
  return {
    kind: m[1] === 'tkn' ? 'TOKEN' : 'SSO',
    uuid: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
  };
}
