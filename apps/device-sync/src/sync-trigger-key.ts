// `npm run sync-trigger-key -- <function name>`: prints the key the sync trigger endpoint of that
// name verifies its calls with (ADR 0023), derived from IDFED_SYNC_TRIGGER_SECRET (or _FILE).
// Give each receiver only its own key.
import { ConfigError, EnvReader } from '@idfed/config';
import { endpointKey } from './sync-trigger/sync-trigger.signature';

const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

function main(args: string[]): number {
  const name = args[0];
  if (args.length !== 1 || !name || !FUNCTION_NAME.test(name)) {
    process.stderr.write('usage: npm run sync-trigger-key -- <function name from IDFED_SYNC_TRIGGERS>\n');
    return 2;
  }
  const env = new EnvReader(process.env);
  const secret = env.base64KeyOrFile('IDFED_SYNC_TRIGGER_SECRET', 'IDFED_SYNC_TRIGGER_SECRET_FILE', 32);
  if (!secret) env.problem('IDFED_SYNC_TRIGGER_SECRET (or IDFED_SYNC_TRIGGER_SECRET_FILE) is not set');
  try {
    env.throwIfProblems();
  } catch (err) {
    process.stderr.write(`${(err as ConfigError).message}\n`);
    return 1;
  }
  process.stdout.write(`${endpointKey(secret!, name).toString('base64')}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
