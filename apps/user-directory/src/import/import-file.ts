import { once } from 'node:events';
import { CsvError, parse } from 'csv-parse';
import { ServiceError } from '@idfed/messaging';
import { PoolConfig } from '../pools/pool-config';
import { checkRequiredAttributes, userAttributesFromRequest } from '../users/user-attributes';
import { isFlagValue, isVerified } from '../users/verified-flag';

export const USERNAME_COLUMN = 'cognito:username';
export const MFA_COLUMN = 'cognito:mfa_enabled';

/**
 * GetCSVHeader's answer: the pool's attributes in its schema's order (standard ones as Cognito lists
 * them, then custom ones), without `sub`, then `cognito:mfa_enabled` and `cognito:username`.
 */
export function csvHeaderFor(config: PoolConfig): string[] {
  const attributes = config.schema.map((a) => a.Name!).filter((name) => name && name !== 'sub');
  return [...attributes, MFA_COLUMN, USERNAME_COLUMN];
}

/** A whole-file problem: the job fails with this as its CompletionMessage. */
export class ImportFileError extends Error {}

/** One data row of the file: its line (the header is line 1) and its values in header order. */
export interface ImportRow {
  line: number;
  fields: string[];
}

/** A place in the file between two records: its byte offset, and how many lines come before it. */
export interface CsvPosition {
  byte: number;
  line: number;
}

/** A record read from the file, and where the next one starts. */
export interface CsvRecord extends ImportRow {
  next: CsvPosition;
}

/**
 * The longest record taken, in bytes. A user's row is far shorter (Cognito's attribute values are
 * at most 2,048 characters): the limit bounds what the parser holds when a quote is never closed.
 */
export const MAX_RECORD_BYTES = 128 * 1024;

/**
 * The file's records from `from` on (ADR 0070), read as the chunks arrive, never the whole file:
 * RFC 4180 as Cognito's importer takes it (quoted fields may hold commas, quotes and line breaks;
 * CRLF, LF or CR between records; empty lines skipped; a UTF-8 byte order mark ignored at the
 * start of the file). Each record says where the next one starts, so a job can stop after any
 * record and go on from there later. A file that cannot be read throws ImportFileError.
 */
export async function* csvRecords(
  chunks: AsyncIterable<Buffer>,
  from: CsvPosition,
): AsyncGenerator<CsvRecord> {
  const parser = parse({
    bom: from.byte === 0,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    max_record_size: MAX_RECORD_BYTES,
  });
  const done = new AbortController();
  // Parts are written as the parser takes them: one part ahead at most is in memory.
  const feeding = (async () => {
    for await (const chunk of chunks) {
      if (done.signal.aborted) return;
      if (!parser.write(chunk)) await once(parser, 'drain', { signal: done.signal });
    }
    parser.end();
  })().catch((err: unknown) => {
    if (!done.signal.aborted) parser.destroy(err as Error);
  });
  try {
    for await (const r of parser as AsyncIterable<{
      record: string[];
      info: { bytes: number; lines: number };
    }>) {
      const line = from.line + r.info.lines;
      yield { line, fields: r.record, next: { byte: from.byte + r.info.bytes, line } };
    }
  } catch (err) {
    if (err instanceof CsvError) throw new ImportFileError(unreadable(err));
    throw err;
  } finally {
    done.abort();
    parser.destroy();
    await feeding;
  }
}

/** csv-parse's reason, without the value it quotes (a row's values are the users' data). */
function unreadable(err: CsvError): string {
  const reason = err.message.replace(/,? value is .*$/s, '').replace(/: got ".*?"/s, '');
  return `The CSV file could not be read: ${reason}`.slice(0, 128);
}

/**
 * Reads the whole uploaded file once, without keeping it, before anything is imported (ADR 0070):
 * a file that cannot be read fails the job with nothing imported, as when the file was read whole.
 * The header must name only GetCSVHeader's columns, none twice, and the required ones. Answers
 * the header and where the first row starts.
 */
export async function scanImportFile(
  chunks: AsyncIterable<Buffer>,
  config: PoolConfig,
): Promise<{ header: string[]; rowsFrom: CsvPosition }> {
  let first: CsvRecord | undefined;
  for await (const record of csvRecords(chunks, { byte: 0, line: 0 })) {
    if (!first) {
      first = record;
      checkHeader(
        first.fields.map((name) => name.trim()),
        config,
      );
    }
  }
  if (!first) throw new ImportFileError('The CSV file is empty.');
  return { header: first.fields.map((name) => name.trim()), rowsFrom: first.next };
}

function checkHeader(header: string[], config: PoolConfig): void {
  const known = new Set(csvHeaderFor(config));
  const unknown = header.find((name) => !known.has(name));
  if (unknown !== undefined) throw new ImportFileError(`Unknown column in the CSV header: ${unknown}`);
  const twice = header.find((name, i) => header.indexOf(name) !== i);
  if (twice !== undefined) throw new ImportFileError(`Column ${twice} appears twice in the CSV header.`);
  const required = [USERNAME_COLUMN, MFA_COLUMN];
  for (const attr of config.autoVerifiedAttributes) required.push(attr, `${attr}_verified`);
  for (const a of config.schema) if (a.Required && a.Name !== 'sub') required.push(a.Name!);
  const missing = required.find((name) => !header.includes(name));
  if (missing !== undefined)
    throw new ImportFileError(`Required column missing in the CSV header: ${missing}`);
}

/** A row that can become a user: its name, its attributes, and whether SMS MFA is on. */
export interface ImportedUser {
  username: string;
  attributes: Record<string, string>;
  mfaEnabled: boolean;
}

/**
 * One row checked as Cognito checks it: a username; `cognito:mfa_enabled` true or false (true needs
 * a phone number, for SMS MFA); the verified flags true or false, a true flag with its address; at
 * least one of the pool's auto-verified attributes verified (the only one, when the pool has one),
 * so that the user can receive the code of the password reset they must make; then the attributes
 * against the pool's schema as AdminCreateUser checks them. Empty values are absent attributes.
 * A refused row throws its reason.
 */
export function importedUser(file: { header: string[] }, row: ImportRow, config: PoolConfig): ImportedUser {
  if (row.fields.length !== file.header.length) {
    throw rowError(`The row has ${row.fields.length} values for ${file.header.length} columns.`);
  }
  const values = new Map(file.header.map((name, i) => [name, row.fields[i].trim()]));
  const username = values.get(USERNAME_COLUMN) ?? '';
  if (!username) throw rowError('The cognito:username value is missing.');
  if (username.length > 128 || !/^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u.test(username)) {
    throw rowError('The cognito:username value is not a valid username.');
  }
  const mfa = values.get(MFA_COLUMN) ?? '';
  if (!isFlagValue(mfa)) throw rowError('The cognito:mfa_enabled value must be true or false.');
  const mfaEnabled = isVerified(mfa);
  const list: { Name: string; Value: string }[] = [];
  for (const [name, value] of values) {
    if (name === USERNAME_COLUMN || name === MFA_COLUMN || value === '') continue;
    list.push({ Name: name, Value: value });
  }
  let attributes: Record<string, string>;
  try {
    attributes = userAttributesFromRequest(config, list, { admin: true, phase: 'create' });
    checkRequiredAttributes(config, attributes);
  } catch (err) {
    throw rowError(messageOf(err));
  }
  for (const medium of ['email', 'phone_number'] as const) {
    if (isVerified(attributes[`${medium}_verified`]) && !attributes[medium]) {
      throw rowError(`${medium}_verified is true but the ${medium} value is missing.`);
    }
  }
  const autoVerified = config.autoVerifiedAttributes;
  if (autoVerified.length === 0) {
    throw rowError('The user pool has no auto-verified attributes, so users cannot reset their password.');
  }
  if (!autoVerified.some((attr) => isVerified(attributes[`${attr}_verified`]))) {
    throw rowError('The User Record does not set any of the auto verified attributes to true.');
  }
  if (mfaEnabled && !attributes.phone_number) {
    throw rowError('cognito:mfa_enabled is true but the phone_number value is missing.');
  }
  return { username, attributes, mfaEnabled };
}

/** Why a row was refused (what ImportedUser throws). */
export class ImportRowError extends Error {}

function rowError(message: string): ImportRowError {
  return new ImportRowError(message);
}

function messageOf(err: unknown): string {
  if (err instanceof ServiceError) {
    const e = err.getError() as { message?: string };
    if (typeof e === 'object' && e.message) return e.message;
  }
  return (err as Error).message;
}
