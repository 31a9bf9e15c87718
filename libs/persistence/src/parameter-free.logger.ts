import { Logger as NestLogger } from '@nestjs/common';
import { Logger as TypeormLogger } from 'typeorm';

/**
 * TypeORM's logger for every idfed DataSource. The default one prints a failed statement with its
 * parameters, so a SignUp for a taken username put that user's password hash and SRP verifier in
 * the log. Here a failed statement is reported by its error's message and diagnostic fields only:
 * never its parameters, nor its text (migrations and provisioning run statements with literals).
 * It is at debug level: a failure that matters reaches the caller, whose error handler logs it.
 */
export class ParameterFreeLogger implements TypeormLogger {
  constructor(private readonly logger = new NestLogger('TypeORM')) {}

  logQuery(): void {
    // Statements are never logged: their parameters are user data and secrets.
  }

  logQueryError(error: string | Error): void {
    if (error instanceof Error) this.logger.debug(error);
    else this.logger.debug(`query failed: ${error}`);
  }

  logQuerySlow(time: number): void {
    this.logger.warn(`a statement took ${time} ms`);
  }

  logSchemaBuild(): void {
    // synchronize is off: there is no schema build to report.
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = typeof message === 'string' ? message : 'TypeORM message';
    if (level === 'warn') this.logger.warn(text);
    else this.logger.log(text);
  }
}
