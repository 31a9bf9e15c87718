import { LoggerService } from '@nestjs/common';
import type { RunningPostgres } from '@idfed/persistence/embedded-postgres';
import { ExitCodes } from '@idfed/service-runtime';

export interface DatabaseSupervisorOptions {
  /** Starts the embedded PostgreSQL again on the same cluster and port. */
  start: () => Promise<RunningPostgres>;
  /** Restarts allowed over the life of the process; the next loss exits. */
  maxRestarts: number;
  logger: LoggerService;
  /** Ends the process; the supervisor calls it with ExitCodes.embeddedDatabaseLost. */
  exit: (code: number) => void;
}

/** Attempts at starting it again after one loss: the dead server's backends may still hold its shared memory. */
const START_ATTEMPTS = 5;
const FIRST_RETRY_MS = 500;

/**
 * Keeps `npm start`'s embedded PostgreSQL running. Without it, a killed or crashed server left
 * idfed up and answering 500s forever. A lost server is started again on the same cluster (the
 * services' connection pools reconnect on their next query); after `maxRestarts` restarts, or when
 * starting fails, the process exits with code 4 so that whatever runs it can act.
 */
export class DatabaseSupervisor {
  private restarts = 0;
  private stopped = false;

  constructor(
    private current: RunningPostgres,
    private readonly options: DatabaseSupervisorOptions,
  ) {
    this.watch();
  }

  /** Stops the server for a clean shutdown; a stop is not a loss. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.current.stop();
  }

  private watch(): void {
    this.current.onUnexpectedExit?.(() => void this.recover());
  }

  private async recover(): Promise<void> {
    if (this.stopped) return;
    const { logger, maxRestarts } = this.options;
    if (this.restarts >= maxRestarts) {
      this.giveUp(`the embedded PostgreSQL exited unexpectedly and ${maxRestarts} restarts are used up`);
      return;
    }
    this.restarts++;
    logger.error(
      `the embedded PostgreSQL exited unexpectedly; restarting it (${this.restarts} of ${maxRestarts})`,
    );
    let lastError = '';
    for (let attempt = 1; attempt <= START_ATTEMPTS && !this.stopped; attempt++) {
      try {
        this.current = await this.options.start();
        logger.log(`the embedded PostgreSQL is running again (restart ${this.restarts} of ${maxRestarts})`);
        this.watch();
        return;
      } catch (err) {
        lastError = err instanceof Error ? err.message : String(err);
        await new Promise((r) => setTimeout(r, FIRST_RETRY_MS * 2 ** (attempt - 1)));
      }
    }
    if (!this.stopped) this.giveUp(`the embedded PostgreSQL could not be started again: ${lastError}`);
  }

  private giveUp(reason: string): void {
    const code = ExitCodes.embeddedDatabaseLost;
    const message = `fatal: ${reason}; exiting with code ${code}`;
    if (this.options.logger.fatal) this.options.logger.fatal(message);
    else this.options.logger.error(message);
    this.options.exit(code);
  }
}
