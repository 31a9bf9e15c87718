import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';

/**
 * Field paths that must never reach a log: passwords, tokens, secrets, keys and SRP values, at the
 * top level and one level down (request bodies are usually nested once).
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
  'secret',
  'SecretAccessKey',
  'SecretKey',
  'SessionToken',
  'AccessToken',
  'IdToken',
  'RefreshToken',
  'REFRESH_TOKEN',
  'token',
  'authorization',
  'Authorization',
  'cookie',
  'privateKey',
  'ConfirmationCode',
  'code',
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
];
export const REDACT_PATHS = [
  ...SENSITIVE,
  ...SENSITIVE.map((k) => `*.${k}`),
  ...SENSITIVE.map((k) => `*.*.${k}`),
];

export function createRootLogger(level: string, name = 'idfed'): Logger {
  return pino({ name, level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } });
}

/**
 * For lines built only from fixed, non-secret fields (the access log): no redaction pass, which
 * costs more per line than the line itself on a hot path. Never give it request data.
 */
export function createAccessLogger(level: string, name = 'idfed'): Logger {
  return pino({ name, level });
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
    if (typeof message === 'object' && message !== null) {
      this.logger[level]({ context, ...(message as object) });
    } else {
      this.logger[level]({ context, ...(stack ? { stack } : {}) }, String(message));
    }
  }
}
