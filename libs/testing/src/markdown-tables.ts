import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository's root, for specs that check a document against the code. */
export const REPO_ROOT = join(__dirname, '..', '..', '..');

export function readRepoFile(path: string): string {
  return readFileSync(join(REPO_ROOT, path), 'utf8');
}

/** One table of a Markdown document: its header cells and its rows, cell text trimmed. */
export interface MarkdownTable {
  header: string[];
  rows: string[][];
}

/**
 * The text of a section: from the heading line `heading` (e.g. `## Topics`) to the next heading of
 * the same or a higher level. Fails when the heading is missing, so a renamed section is noticed.
 */
export function markdownSection(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  // A `# comment` inside a fenced code block is not a heading.
  let fenced = false;
  const isHeading = lines.map((l) => {
    if (l.trimStart().startsWith('```')) fenced = !fenced;
    return !fenced && headingLevel(l) > 0;
  });
  const start = lines.findIndex((l, i) => isHeading[i] && l.trim() === heading);
  if (start < 0) throw new Error(`no section "${heading}" in the document`);
  const level = headingLevel(heading);
  const end = lines.findIndex((l, i) => i > start && isHeading[i] && headingLevel(l) <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

function headingLevel(line: string): number {
  return /^(#+) /.exec(line)?.[1].length ?? 0;
}

/** Every table of a piece of Markdown, in order. `\|` inside a cell is a literal bar. */
export function markdownTables(markdown: string): MarkdownTable[] {
  const tables: MarkdownTable[] = [];
  let current: string[][] | undefined;
  for (const line of markdown.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('|')) {
      current = undefined;
      continue;
    }
    const cells = splitRow(trimmed);
    if (!current) {
      current = [cells];
      tables.push({ header: cells, rows: [] });
    } else if (current.length === 1 && cells.every((c) => /^:?-+:?$/.test(c))) {
      current.push(cells); // the separator line
    } else {
      current.push(cells);
      tables[tables.length - 1].rows.push(cells);
    }
  }
  return tables;
}

function splitRow(line: string): string[] {
  const inner = line.replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

/** The `code spans` of a cell, in order: `users` (with ...), `outbox` -> ['users', 'outbox']. */
export function codeSpans(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
}

/**
 * What a reader must change so that `documented` says `actual`: one line per name to add and per
 * name to remove. `where` names the place (e.g. "docs/architecture.md, Topics"), so the failure
 * says exactly what to write and where.
 */
export function documentationDrift(
  where: string,
  documented: Iterable<string>,
  actual: Iterable<string>,
): string[] {
  const doc = new Set(documented);
  const code = new Set(actual);
  const add = [...code].filter((n) => !doc.has(n)).sort();
  const remove = [...doc].filter((n) => !code.has(n)).sort();
  return [
    ...add.map((n) => `${where}: add ${n}`),
    ...remove.map((n) => `${where}: remove ${n} (the code has no such thing)`),
  ];
}

/** Fails with every line of drift at once, readable as written (not as an escaped string). */
export function expectNoDrift(lines: string[]): void {
  if (lines.length > 0) {
    throw new Error(`the documentation no longer says what the code does:\n  ${lines.join('\n  ')}`);
  }
}
