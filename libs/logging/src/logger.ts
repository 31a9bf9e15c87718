import { trace } from '@opentelemetry/api';
import { LoggerService } from '@nestjs/common';
import pino, { Logger, LoggerOptions } from 'pino';
import { serializeError } from './error-serializer';

/**
 * Field paths that must never reach a log: passwords, tokens, secrets, keys and SRP values, at the
 * top level and one level down (request bodies are usually nested once). Lower-case `code` is not
 * one of them: no idfed request carries a secret under it, and it is where an error's diagnostic
 * code lives (the PostgreSQL SQLSTATE, a Node errno name), which a log must keep.
 */
const SENSITIVE = [
  'password',
  'Password',
  'PreviousPassword',
  'ProposedPassword',
  'NEW_PASSWORD',
  'PASSWORD',
  'SecretHash',
  'SECRET_HASH',
  'ClientSecret',
  'ClientSecretValue',
  'secret',
  'SecretAccessKey',
  'SecretKey',
  'SessionToken',
  'SyncSessionToken',
  'AccessToken',
  'IdToken',
  'RefreshToken',
  'REFRESH_TOKEN',
  'token',
  'authorization',
  'Authorization',
  'cookie',
  'privateKey',
  'client_secret',
  'private_key',
  'ProviderDetails',
  'ConfirmationCode',
  'SRP_A',
  'SRP_B',
  'PASSWORD_CLAIM_SIGNATURE',
  'PASSWORD_CLAIM_SECRET_BLOCK',
  'SECRET_BLOCK',
  'TemporaryPassword',
  'Token',
  'WebIdentityToken',
  'Session',
  'Code',
  'Logins',
  'x-amz-security-token',
  'srpVerifier',
  'srpSalt',
  'passwordHash',
  'codeHash',
  'SecretCode',
  'UserCode',
  'SOFTWARE_TOKEN_MFA_CODE',
  'SMS_MFA_CODE',
  'EMAIL_OTP_CODE',
  'codeDigest',
  'snsSecretAccessKey',
  'totpSecretEnc',
  'totpPendingEnc',
  'parameters',
  'NewPassword',
  'new_password',
  'client_secret',
  'code_verifier',
  'access_token',
  'id_token',
  'refresh_token',
  'Form',
  // Provider sign-in (ADR 0024): the binding cookie, and the provider's answer (its code) in Params.
  'BindingToken',
  'Params',
  // SAML sign-in (ADR 0025): the IdP's response is a bearer credential; the RelayState and the
  // browser-binding cookie tie a sign-in to its browser.
  'SAMLResponse',
  'RelayState',
  'BrowserToken',
  'browserToken',
  // An IAM SAML provider's assertion decryption key (ADR 0055).
  'AddPrivateKey',
  // IAM virtual MFA devices: the seed (answered once), its sealed form, and the codes (ADR 0072).
  'Base32StringSeed',
  'QRCodePNG',
  'seedEnc',
  'AuthenticationCode1',
  'AuthenticationCode2',
  'TokenCode',
  // GetClientToken's client secret (ADR 0081).
  'Secret',
  // GetDerivedToken's tokens (ADR 0088).
  'SubjectToken',
  'ActorToken',
  'IssuedToken',
  // IAM console passwords (ADR 0084): ChangePassword's old password and the sealed hashes.
  'OldPassword',
  'passwordHashEnc',
  'previousPasswordHashesEnc',
  // IAM server certificates' private keys, and their sealed form (ADR 0085).
  'PrivateKey',
  'privateKeyEnc',
  // IAM service-specific passwords and their digests (ADR 0085).
  'ServicePassword',
  'passwordDigest',
];
/** The field names the logs redact, for other output that must not show secrets either. */
export const SENSITIVE_FIELDS: readonly string[] = SENSITIVE;

export const REDACT_PATHS = [
  ...SENSITIVE,
  ...SENSITIVE.map((k) => `*.${k}`),
  ...SENSITIVE.map((k) => `*.*.${k}`),
];

/** Errors keep their message and stack, never the data they carry (see serializeError). */
const SERIALIZERS = { err: serializeError, error: serializeError };

/** The options of every redacting logger: exported so tests build the same logger over a stream. */
export function rootLoggerOptions(level: string, name = 'idfed'): LoggerOptions {
  return {
    name,
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: SERIALIZERS,
    mixin: traceFields,
  };
}

/**
 * A line written inside a traced request carries its trace and span ids, so a log line leads to
 * its trace (ADR 0021). With tracing off there is no active span and nothing is added.
 */
function traceFields(): { traceId?: string; spanId?: string } {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}

export function createRootLogger(level: string, name = 'idfed'): Logger {
  return pino(rootLoggerOptions(level, name));
}

/**
 * For lines built only from fixed, non-secret fields (the access log): no redaction pass, which
 * costs more per line than the line itself on a hot path. Never give it request data.
 */
export function createAccessLogger(level: string, name = 'idfed'): Logger {
  return pino({ name, level, serializers: SERIALIZERS });
}

/** Nest's logger interface over pino, so framework and application logs share one JSON stream. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(
    level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace',
    message: unknown,
    rest: unknown[],
  ) {
    // Nest passes the context (class name) last; a stack trace, when present, comes before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    const stack = rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
    const cause = rest.find((r): r is Error => r instanceof Error);
    if (message instanceof Error) {
      // Nest's exception handlers log the error itself: a spread would drop its message and stack
      // (not enumerable) and copy what it carries (a failed query's parameters).
      this.logger[level]({ context, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ context, ...message });
    } else {
      this.logger[level](
        { context, ...(stack ? { stack } : {}), ...(cause ? { err: cause } : {}) },
        String(message),
      );
    }
  }
}
