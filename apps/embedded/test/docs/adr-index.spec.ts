import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  documentationDrift,
  expectNoDrift,
  markdownTables,
  readRepoFile,
  REPO_ROOT,
} from '../../../../libs/testing/src/markdown-tables';

const INDEX = 'docs/adr/README.md';

/** The ADR files: `NNNN-title.md`. */
function adrFiles(): string[] {
  return readdirSync(join(REPO_ROOT, 'docs/adr')).filter((f) => /^\d{4}-.+\.md$/.test(f));
}

/** The file each row of the index links to: `[0001](0001-transport-abstraction.md)`. */
function indexedFiles(): string[] {
  const [table] = markdownTables(readRepoFile(INDEX));
  return (table?.rows ?? []).map((row) => /\]\(([^)]+)\)/.exec(row[0])?.[1] ?? row[0]);
}

/** The status paragraph of an ADR: from `Status:` to the next blank line. */
function statusOf(file: string): string | undefined {
  const text = readRepoFile(`docs/adr/${file}`);
  const start = text.search(/^Status: /m);
  return start < 0 ? undefined : text.slice(start + 'Status: '.length).split(/\n\s*\n/)[0];
}

/** The ADR files a status links to after the word "Supersedes": `[0001](0001-....md)`. */
function supersededBy(status: string): string[] {
  const after = /\bsupersedes\b([\s\S]*)/i.exec(status)?.[1] ?? '';
  return [...after.matchAll(/\]\((\d{4}-[^)]+\.md)\)/g)].map((m) => m[1]);
}

describe('docs/adr index', () => {
  it('links every ADR file once, and nothing else', () => {
    const indexed = indexedFiles();
    expectNoDrift([
      ...documentationDrift(`${INDEX} table: a row linking`, indexed, adrFiles()),
      ...indexed
        .filter((f, i) => indexed.indexOf(f) !== i)
        .map((f) => `${INDEX} table: ${f} is listed twice`),
    ]);
  });

  it('numbers ADRs 0001 upwards without a gap or a number used twice', () => {
    const numbers = adrFiles()
      .map((f) => Number(f.slice(0, 4)))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it('gives each ADR a status line, and a superseded one names its successor', () => {
    expectNoDrift(
      adrFiles().flatMap((f) => {
        const status = statusOf(f);
        if (!status) return [`docs/adr/${f}: a "Status: ..." line`];
        return /superseded/i.test(status) && !/\]\(\d{4}-[^)]+\.md\)/.test(status)
          ? [`docs/adr/${f}: its status says superseded; link the ADR that supersedes it`]
          : [];
      }),
    );
  });

  it('names each superseding ADR in the status of the one it supersedes', () => {
    expectNoDrift(
      adrFiles().flatMap((f) =>
        supersededBy(statusOf(f) ?? '').flatMap((old) =>
          (statusOf(old) ?? '').includes(`](${f})`)
            ? []
            : [`docs/adr/${old}: its status should say "Superseded in part by [${f.slice(0, 4)}](${f})"`],
        ),
      ),
    );
  });
});
