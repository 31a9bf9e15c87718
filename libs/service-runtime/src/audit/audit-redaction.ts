import { AwsApi, hasOperationShape, operationShapes, ServiceShapes } from '@idfed/aws-protocol';
import { AUDIT_REDACTED } from '@idfed/contracts';
import { SENSITIVE_FIELDS } from '@idfed/logging';

/**
 * Members whose value is a secret whatever the shape says: botocore marks most request secrets
 * `sensitive`, but idfed keeps no output shapes, and a few secrets are not marked (IAM's
 * `SecretAccessKey` in an answer, STS's `SessionToken`, a SAML response). Compared without case.
 */
export const SECRET_MEMBER_NAMES: readonly string[] = [
  'Password',
  'PreviousPassword',
  'ProposedPassword',
  'TemporaryPassword',
  'NewPassword',
  'OldPassword',
  'SecretAccessKey',
  'SessionToken',
  'ClientSecret',
  'ClientSecretValue',
  'SecretHash',
  'AccessToken',
  'IdToken',
  'RefreshToken',
  'Token',
  'Session',
  'ConfirmationCode',
  'Code',
  'UserCode',
  'PrivateKey',
  // IAM service-specific credentials' generated password (ADR 0085).
  'ServicePassword',
  'WebIdentityToken',
  'SAMLAssertion',
  'SAMLResponse',
  'EncodedMessage',
  'AuthParameters',
  'ChallengeResponses',
  'Logins',
  'SecretCode',
  'TokenCode',
  'CredentialRequestOptions',
  'Credential',
  'SyncSessionToken',
  'DeviceSecretVerifierConfig',
  'PasswordVerifier',
  'Salt',
  'SRP_A',
  'SRP_B',
  // A virtual MFA device's seed, also inside its QR code (ADR 0072, 0084).
  'Base32StringSeed',
  'QRCodePNG',
];

/**
 * The audit hides at least what the logs hide: one list of secret names would be better, but the
 * log's are pino paths of exact case and this one compares without, so the audit takes the union
 * (a name added to either list is hidden in both places).
 */
const SECRET_NAMES = new Set([...SECRET_MEMBER_NAMES, ...SENSITIVE_FIELDS].map((n) => n.toLowerCase()));

/** A request's members, with every secret (by its shape's `sensitive` flag or by name) replaced. */
export function redactRequest(
  api: AwsApi | undefined,
  operation: string,
  request: unknown,
): Record<string, unknown> | null {
  if (!isRecord(request)) return null;
  const shapes = api && hasOperationShape(api, operation) ? operationShapes(api) : undefined;
  const input = shapes?.operations[operation] ?? undefined;
  return redactValue(request, shapes, input ?? undefined) as Record<string, unknown>;
}

/** An answer, with every member of a secret name replaced (idfed keeps no output shapes). */
export function redactResponse(response: unknown): Record<string, unknown> | null {
  if (!isRecord(response)) return null;
  return redactValue(response, undefined, undefined) as Record<string, unknown>;
}

function redactValue(
  value: unknown,
  shapes: ServiceShapes | undefined,
  shapeName: string | undefined,
): unknown {
  const shape = shapes && shapeName ? shapes.shapes[shapeName] : undefined;
  if (shape?.sensitive) return AUDIT_REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, shapes, shape?.member));
  if (!isRecord(value)) return value;
  // A map whose keys are secrets (none today, but the model allows it) is hidden whole.
  if (shape?.type === 'map' && shape.key && shapes?.shapes[shape.key]?.sensitive) return AUDIT_REDACTED;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (SECRET_NAMES.has(key.toLowerCase())) {
      out[key] = AUDIT_REDACTED;
      continue;
    }
    const memberShape =
      shape?.type === 'structure' ? shape.members?.[key] : shape?.type === 'map' ? shape.value : undefined;
    out[key] = redactValue(member, shapes, memberShape);
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
