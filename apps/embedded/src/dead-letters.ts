import { ConfigError, loadEnv } from '@idfed/config';
import { runDeadLetters } from './dead-letters/dead-letters.command';

/** `npm run dead-letters -- <command>` (docs/operations.md): see dead-letters.command.ts. */
async function main(): Promise<number> {
  return runDeadLetters(process.argv.slice(2), loadEnv(), {
    log: (line) => console.log(line),
    error: (line) => console.error(line),
  });
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(
      err instanceof ConfigError ? err.message : `dead-letters failed: ${(err as Error).message}`,
    );
    process.exit(1);
  },
);
