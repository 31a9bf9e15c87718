import { IdfedEnv } from '@idfed/config';
import { SERVICE_NAMES, ServiceName } from '@idfed/contracts';
import { DeadLetterAction, StoredDeadLetter } from '@idfed/messaging';
import { letterRef, listLine, printable, showLetter } from './dead-letter-printing';
import { openStore, OpenStore } from '../database/dead-letter-stores';

export const USAGE = `usage: npm run dead-letters -- <command>
  list [--service <service>] [--all-statuses]  waiting dead letters (--all-statuses: replayed and discarded too)
  show <service>/<id>                          one dead letter, headers and payload escaped
  replay <service>/<id>                        send it back to its source topic, once
  replay --all [--service <service>]           every waiting dead letter (of one service)
  discard <service>/<id>                       never replay it
services: ${SERVICE_NAMES.join(', ')}`;

/** Where the command's lines go: the console, or a test's lists. */
export interface Output {
  log(line: string): void;
  error(line: string): void;
}

class UsageError extends Error {}

/**
 * `npm run dead-letters`: the operator's tool for the events a service gave up on (ADR 0012,
 * 0013). It reads them where the deployment keeps them (database/dead-letter-stores.ts), prints them
 * escaped, and replays or discards them; a replay marks the letter, so replaying it again does
 * nothing. Returns the exit code: 0 done, 1 a letter not found or not replayable, 2 bad usage.
 */
export async function runDeadLetters(args: string[], env: IdfedEnv, out: Output): Promise<number> {
  try {
    return await dispatch(args, env, out);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    out.error(`${err.message}\n${USAGE}`);
    return 2;
  }
}

async function dispatch([command, ...rest]: string[], env: IdfedEnv, out: Output): Promise<number> {
  switch (command) {
    case 'list':
      return list(env, out, services(option(rest, '--service')), rest.includes('--all-statuses'));
    case 'show':
      return withLetter(env, out, rest[0], (service, letter) => {
        out.log(showLetter(service, letter));
        return 0;
      });
    case 'replay':
      if (rest.includes('--all')) return replayAll(env, out, services(option(rest, '--service')));
      return act(env, out, rest[0], 'replay');
    case 'discard':
      return act(env, out, rest[0], 'discard');
    default:
      throw new UsageError(command ? `unknown command "${printable(command)}"` : 'no command');
  }
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (!value || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
  return value;
}

function services(only: string | undefined): ServiceName[] {
  return only === undefined ? [...SERVICE_NAMES] : [serviceName(only)];
}

function serviceName(name: string): ServiceName {
  const found = SERVICE_NAMES.find((s) => s === name);
  if (!found) throw new UsageError(`unknown service "${printable(name)}"`);
  return found;
}

/** `<service>/<id>`, as `list` prints it. */
function parseRef(ref: string | undefined): { service: ServiceName; id: string } {
  const slash = ref?.indexOf('/') ?? -1;
  if (!ref || slash < 0) throw new UsageError('name a dead letter as <service>/<id>, as list prints it');
  return { service: serviceName(ref.slice(0, slash)), id: ref.slice(slash + 1) };
}

async function withStore<T>(
  env: IdfedEnv,
  service: ServiceName,
  use: (open: OpenStore) => Promise<T>,
): Promise<T> {
  const open = await openStore(env, service);
  try {
    return await use(open);
  } finally {
    await open.close();
  }
}

async function list(env: IdfedEnv, out: Output, of: ServiceName[], everyStatus: boolean): Promise<number> {
  for (const service of of) {
    await withStore(env, service, async ({ store }) => {
      const letters = (await store.list()).filter((l) => everyStatus || l.status === 'waiting');
      out.log(`${service}: ${letters.length} dead letter(s) in ${store.where}`);
      for (const letter of letters) out.log(`  ${listLine(service, letter)}`);
    });
  }
  return 0;
}

async function withLetter(
  env: IdfedEnv,
  out: Output,
  ref: string | undefined,
  use: (service: ServiceName, letter: StoredDeadLetter) => number,
): Promise<number> {
  const { service, id } = parseRef(ref);
  return withStore(env, service, async ({ store }) => {
    const letter = (await store.list()).find((l) => l.id === id);
    if (letter) return use(service, letter);
    out.error(`no dead letter ${service}/${printable(id)} in ${store.where}`);
    return 1;
  });
}

async function act(
  env: IdfedEnv,
  out: Output,
  ref: string | undefined,
  action: 'replay' | 'discard',
): Promise<number> {
  const { service, id } = parseRef(ref);
  return withStore(env, service, async ({ store }) =>
    report(out, service, id, action === 'replay' ? await store.replay(id) : await store.discard(id)),
  );
}

async function replayAll(env: IdfedEnv, out: Output, of: ServiceName[]): Promise<number> {
  let failed = 0;
  for (const service of of) {
    await withStore(env, service, async ({ store }) => {
      const waiting = (await store.list()).filter((l) => l.status === 'waiting');
      if (waiting.length === 0) out.log(`${service}: nothing waiting in ${store.where}`);
      for (const letter of waiting) {
        if (report(out, service, letter.id, await store.replay(letter.id)) !== 0) failed++;
      }
    });
  }
  return failed === 0 ? 0 : 1;
}

/** One line per action; 0 when the letter is now replayed or discarded, whoever did it. */
function report(out: Output, service: string, id: string, action: DeadLetterAction): number {
  const ref = `${service}/${printable(id)}`;
  switch (action.outcome) {
    case 'replayed':
      out.log(
        `replayed ${ref} to ${printable(action.letter.sourceTopic)} (key ${printable(action.letter.key)})`,
      );
      return 0;
    case 'discarded':
      out.log(`discarded ${ref}`);
      return 0;
    case 'already-replayed':
    case 'already-discarded':
      out.log(
        `${letterRef(service, action.letter)} was ${action.letter.status} at ${action.letter.statusAt ?? '?'}: nothing done`,
      );
      return 0;
    case 'not-replayable':
      out.error(`cannot replay ${ref}: ${action.why}; discard it instead`);
      return 1;
    case 'not-found':
      out.error(`no dead letter ${ref}`);
      return 1;
  }
}
